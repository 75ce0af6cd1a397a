// End-to-end steps for the customer 360's journey strip, consents, tasks and merge suggestions, and for the
// KPI pages' filters, comparison with the previous period and the customers behind a KPI. Imported by run.mjs.
const unique = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const capitalised = (text) => text[0].toUpperCase() + text.slice(1);

/** Two customers with similar names at the same company (a merge suggestion), and a consent decision. */
export async function seedCustomer360(api) {
  const surname = capitalised(unique());
  const company = `Zyxqwer ${capitalised(unique())} GmbH`;
  const person = (source, lastName) => api('POST', '/api/v1/profiles', {
    source, externalId: `e2e-${unique()}`, kind: 'person',
    attributes: { firstName: 'Anna', lastName, company },
    identifiers: [{ type: 'email', value: `anna.${unique()}@example.com` }],
  });
  const schmidt = await person('crm', `${surname}schmidt`);
  const schmitt = await person('shop', `${surname}schmitt`);
  const day = (offset) => new Date(Date.now() - offset * 86_400_000).toISOString();
  await api('POST', '/api/v1/touchpoints', { source: 'shop', externalId: `tp-${unique()}`, type: 'core.interaction', customerId: schmidt.customerId, channel: 'web', phase: 'awareness', occurredAt: day(9) });
  await api('POST', '/api/v1/touchpoints', { source: 'shop', externalId: `tp-${unique()}`, type: 'core.interaction', customerId: schmidt.customerId, channel: 'store', phase: 'purchase', occurredAt: day(4) });
  await api('PUT', `/api/v1/customers/${schmidt.customerId}/consents`, { items: [{ purpose: 'newsletter', channel: 'email', status: 'granted', source: 'web-form' }] });
  return { schmidt, schmitt, schmidtName: `Anna ${surname}schmidt`, schmittName: `Anna ${surname}schmitt` };
}

/** Pages these steps add to the axe check of run.mjs. */
export const customer360KpiPages = (pair) => [`/customers/${pair.schmidt.customerId}`, '/kpis?phase=retention', '/kpis/nps?module=core&from=2020-01-01'];

export async function customer360KpiSteps({ step, page, url, expect, shot, pair, data }) {
  await step('customer 360: journey strip, consents, open tasks and this customer\'s merge suggestions', async () => {
    await page.goto(url(`/customers/${pair.schmidt.customerId}?lang=en`));
    const strip = page.getByTestId('journey-strip');
    await strip.waitFor();
    expect((await strip.getByRole('listitem').count()) === 7, 'seven phases');
    expect(/Purchase[\s\S]*current phase/.test((await strip.locator('li[aria-current="step"]').textContent()) ?? ''), 'purchase is the current phase');
    await page.getByTestId('consents').getByText('newsletter').waitFor();
    await page.getByRole('heading', { name: 'Open tasks' }).waitFor();
    await page.getByTestId('customer-suggestions').getByRole('link', { name: pair.schmittName }).waitFor();
    await shot('customer-360-journey');
  });

  await step('customer 360: merge the suggested duplicate in place and undo it', async () => {
    await page.getByRole('button', { name: `Merge ${pair.schmittName} into this customer` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText('No open merge suggestions for this customer.').waitFor();
    await page.getByTestId('identity-event').first().waitFor();
    await page.getByRole('button', { name: 'Undo' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="identity-event"]').length >= 2);
  });

  await step('KPIs: filters in the address, the previous period, and the customers behind the NPS', async () => {
    await page.goto(url('/kpis/nps?lang=en&from=2020-01-01'));
    await page.getByTestId('kpi-value').waitFor();
    await page.getByTestId('kpi-comparison').waitFor();
    await page.getByLabel('Module').selectOption('core');
    await page.waitForURL(/module=core/);
    await page.getByLabel('Journey phase').selectOption('retention');
    await page.waitForURL(/phase=retention/);
    await page.reload();
    expect((await page.getByLabel('Journey phase').inputValue()) === 'retention', 'the phase filter survives a reload');
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.waitForURL((address) => !/phase=/.test(address.search));
    const customers = page.getByTestId('kpi-customers');
    await customers.waitFor();
    const detractor = customers.getByRole('row', { name: /Beispiel/ }).first();
    await detractor.waitFor();
    const rows = await customers.getByRole('row').allTextContents();
    expect(rows.length >= 2, `customers are listed (${rows.length - 1})`);
    await customers.scrollIntoViewIfNeeded();
    await shot('kpi-customers');
    await detractor.getByRole('link').click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { name: 'Golden attributes' }).waitFor();
    void data;
  });
}
