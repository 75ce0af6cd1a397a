// The daily-work pages in the end-to-end run: surveys, signals and tasks, support (ticket → timeline →
// resolution → CSAT answer on the public page → KPI), sales and marketing, and their axe checks.
// run.mjs calls dailyWork(...) after its own steps, while signed in as the admin.
import { AxeBuilder } from '@axe-core/playwright';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function kpiValue(api, key) {
  const value = await api('GET', `/api/v1/kpis/${key}`);
  return value.value ?? null;
}

export async function dailyWork({ page, browser, api, url, step, expect, shot, data }) {
  const state = {};

  await step('daily: install the support, sales and marketing modules', async () => {
    for (const module of ['support', 'sales', 'marketing']) {
      const found = await api('GET', `/api/v1/modules/${module}`);
      if (found.state !== 'enabled') await api('POST', `/api/v1/modules/${module}/install`, {});
    }
    // The navigation follows /api/v1/me, which names the permissions of the modules enabled now.
    await page.goto(url('/support/tickets?lang=en'));
    await page.getByRole('heading', { name: 'Support tickets' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Campaigns' }).waitFor();
  });

  await step('surveys: create a CSAT survey, invite a customer and get the answer link', async () => {
    state.csatName = `After-support CSAT ${data.tag}`;
    await page.goto(url('/surveys?lang=en'));
    await page.getByRole('heading', { name: 'Surveys', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New survey' }).click();
    await page.waitForURL(/edit=new/);
    await page.getByLabel('Name', { exact: true }).fill(state.csatName);
    await page.getByLabel('Kind').selectOption('csat');
    await page.getByLabel('Comment question (optional)').fill('What should we keep doing?');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: state.csatName }).waitFor();
    await page.getByRole('button', { name: `Invite to ${state.csatName}` }).click();
    await page.waitForURL(/invite=/);
    await page.getByLabel('Customer id').fill(data.other.customerId);
    await page.getByRole('button', { name: 'Invite this customer' }).click();
    const link = await page.getByTestId('answer-link').first().textContent();
    expect(/\/answer\/[^/]+$/.test(link ?? ''), `the invitation links to /answer/{token} (${link})`);
    await shot('surveys');
  });

  await step('surveys: count a segment of customers (filters in the address), then invite it in one go', async () => {
    const survey = await api('POST', '/api/v1/surveys', { name: `Segment NPS ${data.tag}`, kind: 'nps' });
    state.segmentPath = `/surveys?invite=${survey.id}&sq=${encodeURIComponent(data.lastName)}&slimit=10`;
    await page.goto(url(`${state.segmentPath}&lang=en`));
    const panel = page.getByTestId('invite-panel');
    await panel.waitFor();
    expect(await panel.locator('#segment-q').inputValue() === data.lastName, 'the segment comes from the address');
    await panel.getByRole('button', { name: 'Count the segment' }).click();
    const count = panel.getByTestId('segment-count');
    await count.getByText(/\d+ customers would be invited/).waitFor();
    const counted = Number(/(\d+) customers would/.exec(await count.textContent())[1]);
    const expected = (await api('GET', `/api/v1/customers?q=${encodeURIComponent(data.lastName)}&limit=10`)).items.length;
    expect(counted === expected && counted >= 1, `the count is what the customer list finds (${counted}, list ${expected})`);
    expect((await api('GET', `/api/v1/surveys/${survey.id}`)).invitations === 0, 'counting invites nobody');
    await shot('surveys-segment');
    await count.getByRole('button', { name: `Invite these ${counted}` }).click();
    await panel.getByTestId('segment-done').getByText(`${counted} customers invited.`).waitFor();
    expect(await panel.getByTestId('answer-link').count() === counted, 'one answer link per invited customer');
    expect((await api('GET', `/api/v1/surveys/${survey.id}`)).invitations === counted, 'the survey counts the invitations');
  });

  await step('signals: build a rule, backtest it over 30 days and save it', async () => {
    await page.goto(url('/signals?lang=en'));
    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByLabel('Name', { exact: true }).fill(`Detractors ${data.tag}`);
    await page.getByLabel('Touchpoint type').fill('feedback.nps');
    await page.getByLabel('Lowest score').fill('0');
    await page.getByLabel('Highest score').fill('6');
    await page.getByLabel('Task title').fill('Call the detractor back');
    await page.getByRole('button', { name: 'Backtest (last 30 days)' }).click();
    const result = page.getByTestId('backtest');
    await result.getByText(/would have fired \d+ times, for \d+ customers/).waitFor();
    const text = await result.textContent();
    const [, firings] = /fired (\d+) times/.exec(text ?? '') ?? [];
    expect(Number(firings) >= 1, `the seeded detractor answer (score 3 today) fires the rule (${text})`);
    await shot('signals-backtest');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('table').getByText(`Detractors ${data.tag}`).waitFor();
  });

  await step('tasks: the inbox filters by department and status, kept in the address', async () => {
    await page.goto(url('/tasks?lang=en&department=support&status=all'));
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[role="status"]'));
    expect((await page.getByLabel('Department').inputValue()) === 'support', 'the department comes from the address');
    const rows = await page.getByTestId('task').count();
    if (rows > 0) {
      const status = page.getByTestId('task').first().getByRole('combobox');
      await status.selectOption('in_progress');
      await page.waitForFunction(() => document.querySelector('[data-testid="task"] select')?.value === 'in_progress');
    }
    await shot('tasks');
  });

  await step('support: open a ticket for a customer and see it on the customer timeline', async () => {
    state.subject = `Invoice lists two seats ${data.tag}`;
    await page.goto(url(`/support/tickets?lang=en&new=1&customerId=${data.other.customerId}`));
    await page.getByLabel('Subject').fill(state.subject);
    await page.getByLabel('Channel').selectOption('phone');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.waitForURL(/\/support\/tickets\/[0-9a-f-]{36}/);
    state.ticketPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: state.subject }).waitFor();
    await page.getByTestId('sla').first().waitFor();
    await page.goto(url('/support/tickets?lang=en'));
    await page.getByRole('link', { name: state.subject }).waitFor();
    await shot('support-queue');
    await page.goto(url(`/customers/${data.other.customerId}?lang=en`));
    await page.getByTestId('touchpoint').filter({ hasText: 'support.ticket_opened' }).first().waitFor();
  });

  await step('support: respond, resolve, and answer the CSAT invitation on the public page', async () => {
    state.before = await kpiValue(api, 'support.csat');
    await page.goto(url(`${state.ticketPath}?lang=en`));
    await page.getByLabel('Note (goes into the history)').fill('Called back');
    await page.getByRole('button', { name: 'Record a response' }).click();
    await page.getByTestId('ticket-history').getByText('Called back').waitFor();
    await page.getByLabel('Resolution', { exact: true }).fill('Corrected invoice sent');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('feedback-links').waitFor();
    await page.getByTestId('ticket-status').getByText('resolved').waitFor();
    await shot('support-ticket');
    const answer = page.getByTestId('feedback-links').getByRole('link').first();
    state.answerPath = new URL((await answer.getAttribute('href')) ?? '', url('/')).pathname;
    expect(state.answerPath.startsWith('/answer/'), `the CSAT link is the answer page (${state.answerPath})`);
    const anonymous = await fetch(url(state.answerPath), { headers: { accept: 'text/html' } });
    const html = await anonymous.text();
    expect(anonymous.ok && html.includes('id="answer"'), `without a session /answer/{token} serves the answer entry (${anonymous.status})`);
    const phone = await browser.newPage();
    try {
      await phone.setViewportSize({ width: 375, height: 740 });
      for (const language of ['de', 'en']) {
        await phone.goto(url(`${state.answerPath}?lang=${language}`));
        await phone.locator('fieldset legend').waitFor();
        const report = await new AxeBuilder({ page: phone }).withTags(AXE_TAGS).analyze();
        const found = report.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(found.length === 0, `axe on the answer page at 375 px (${language}): ${found.join('; ')}`);
      }
      const gzip = await phone.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      expect(!gzip.some((name) => /SeriesChart|main-/.test(name)), 'the answer page loads none of the app');
      await phone.screenshot({ path: shot.path('answer-phone') });
      await phone.getByRole('button', { name: 'Send answer' }).click();
      await phone.getByText('Please choose a value first.').waitFor();
      await phone.getByLabel('5', { exact: true }).check();
      await phone.getByLabel('What should we keep doing?').fill('Quick and friendly');
      await phone.getByRole('button', { name: 'Send answer' }).click();
      await phone.getByText('Thank you! Your answer has been recorded.').waitFor();
      await phone.goto(url(`${state.answerPath}?lang=en`));
      await phone.getByText(/can no longer be used/).waitFor();
      await phone.goto(url(`${state.answerPath}?lang=de`));
      await phone.getByText(/nicht mehr gültig/).waitFor();
      await phone.screenshot({ path: shot.path('answer-gone') });
    } finally {
      await phone.close();
    }
  });

  await step('support: the CSAT KPI moves after the answer', async () => {
    let after = await kpiValue(api, 'support.csat');
    for (let i = 0; i < 40 && after === state.before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await kpiValue(api, 'support.csat');
    }
    expect(after !== null && after !== state.before, `support.csat moved (${state.before} → ${after})`);
    // A KPI key with a dot is not yet a deep link the server serves (its last segment looks like a file), so
    // the app navigates there itself.
    await page.goto(url('/kpis?lang=en'));
    await page.getByRole('heading', { name: 'KPIs', level: 1 }).waitFor();
    await page.evaluate(() => {
      window.history.pushState({}, '', '/kpis/support.csat?lang=en');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByTestId('kpi-value').waitFor();
    const shown = await page.getByTestId('kpi-value').textContent();
    expect(/100/.test(shown ?? ''), `the KPI page shows the new CSAT (${shown})`);
  });

  await step('support: SLA policies are listed and editable', async () => {
    await page.goto(url('/support/sla-policies?lang=en'));
    await page.getByTestId('sla-policies').waitFor();
    await page.getByLabel('First response minutes, urgent').fill('20');
    await page.getByRole('button', { name: 'Save urgent' }).click();
    await page.getByTestId('sla-policies').getByText('admin').first().waitFor();
  });

  await step('sales: leads with the reason for their priority; the pipeline moves by keyboard and closes lost with a reason', async () => {
    const lead = await api('POST', '/api/v1/sales/leads', { email: `lead.${data.tag}@example.com`, firstName: 'Lena', lastName: `Lead${data.tag}`, source: 'web' });
    state.deal = await api('POST', '/api/v1/sales/deals', { leadId: lead.id, name: `Seats ${data.tag}`, amount: 1200 });
    await page.goto(url('/sales/leads?lang=en'));
    await page.getByTestId('lead').filter({ hasText: `Lead${data.tag}` }).getByText(/web visits/).waitFor();
    await shot('sales-leads');
    await page.goto(url('/sales/pipeline?lang=en'));
    const move = page.getByLabel(`Move Seats ${data.tag} to`);
    await move.focus();
    await move.selectOption('proposal');
    await page.getByTestId('stage-proposal').getByText(`Seats ${data.tag}`).waitFor();
    await shot('sales-pipeline');
    await page.getByLabel(`Move Seats ${data.tag} to`).selectOption('lost');
    await page.getByRole('dialog').waitFor();
    await page.getByLabel('Why was it lost? (required)').fill('Budget frozen');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const stored = await api('GET', `/api/v1/sales/deals/${state.deal.id}`);
    expect(stored.stage === 'lost' && stored.lostReason === 'Budget frozen', `the deal is lost with its reason (${stored.stage})`);
  });

  await step('marketing: a campaign shows its members with the reason for each exclusion', async () => {
    const campaign = await api('POST', '/api/v1/marketing/campaigns', {
      name: `Spring ${data.tag}`, channel: 'email', budget: 500, audience: { type: 'list', customerIds: [data.erika.customerId] },
    });
    await page.goto(url(`/marketing/campaigns?lang=en&campaign=${campaign.id}`));
    await page.getByRole('button', { name: 'Refresh members' }).click();
    await page.getByTestId('members').getByText(/no consent for marketing on email/).waitFor();
    state.campaignId = campaign.id;
  });

  await step('marketing: the campaign shows its e-mail event counts and web activity', async () => {
    const id = state.campaignId;
    const at = new Date().toISOString();
    const events = ['delivered', 'opened', 'clicked'].map((event, index) => ({
      campaignId: id, customerId: data.erika.customerId, event, occurredAt: at, externalId: `e2e-${data.tag}-${index}`,
    }));
    const recorded = await api('POST', '/api/v1/marketing/email-events', { events });
    expect(recorded.accepted === 3, `three e-mail events recorded (${recorded.accepted})`);
    await api('POST', '/api/v1/marketing/web-visits', {
      customerId: data.erika.customerId, url: `https://shop.example.com/spring?utm_source=news&utm_campaign=${id}`, occurredAt: at,
      externalId: `e2e-visit-${data.tag}`,
    });
    await page.goto(url(`/marketing/campaigns?lang=en&campaign=${id}`));
    const counts = page.getByTestId('email-counts');
    await counts.waitFor();
    const opened = await counts.getByRole('row', { name: /opened/ }).getByRole('cell').allTextContents();
    expect(opened[0] === '1' && opened[1] === '1', `opened: 1 event by 1 customer (${opened.join(', ')})`);
    const sent = await counts.getByRole('row', { name: /^sent/ }).getByRole('cell').first().textContent();
    expect(sent === '0', `no sends: the member has no consent (${sent})`);
    const tagged = (await page.getByTestId('tagged-visits').textContent())?.trim();
    expect(tagged === '1', `one visit from a campaign link (${tagged})`);
    const members = (await page.getByTestId('member-visits').textContent())?.trim();
    expect(members === '1', `one member visit in the period (${members})`);
    await shot('marketing-campaign');
  });

  return {
    pages: ['/surveys', state.segmentPath, '/signals', '/tasks', '/support/tickets', state.ticketPath, '/support/sla-policies', '/sales/leads', '/sales/pipeline',
      '/sales/orders', '/marketing/campaigns', state.campaignId ? `/marketing/campaigns?campaign=${state.campaignId}` : undefined].filter(Boolean),
  };
}
