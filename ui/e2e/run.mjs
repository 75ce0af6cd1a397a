// End-to-end run against the packaged jar (app/target/quarkus-app/quarkus-run.jar): starts it on its own
// port (E2E_PORT, default 18650) and data directory, drives Debian's Chromium through playwright-core,
// checks every page with axe-core in German and English, takes the screenshots of docs/ui.md
// (E2E_SCREENSHOTS=docs/images/ui to refresh them) and ends with one summary line.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { apiAs, launchChromium, startKreis } from './server.mjs';
import { seed, timelineIds } from './data.mjs';
import { customer360KpiPages, customer360KpiSteps, seedCustomer360 } from './customer360-kpis.mjs';
import { adminSteps } from './admin.mjs';
import { dailyWork } from './daily.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const jar = process.env.KREIS_JAR ?? join(root, 'app/target/quarkus-app/quarkus-run.jar');
const port = Number(process.env.E2E_PORT ?? 18650);
const shots = process.env.E2E_SCREENSHOTS ? join(root, process.env.E2E_SCREENSHOTS) : join(root, 'ui/e2e/out');
const ADMIN_PASSWORD = 'e2e-bootstrap-secret-long';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const results = [];
let onFailure = async () => {};
// E2E_ONLY (a regular expression) runs only the steps whose names match, for a quick second look at a part
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
async function step(name, body) {
  if (only && !only.test(name)) return;
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}: ${error.stack ?? error}`);
    await onFailure(`failed-${results.length}`).catch(() => undefined);
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}
/** Waits until {@code probe} answers true (the page may still show the previous answer for a moment). */
async function eventually(probe, message, timeoutMs = 15000) {
  const until = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const equalLists = (a, b) => a.length === b.length && a.every((value, index) => value === b[index]);

mkdirSync(shots, { recursive: true });
mkdirSync(join(root, 'ui/e2e/out'), { recursive: true });
const kreis = await startKreis({ jar, port, adminPassword: ADMIN_PASSWORD });
const api = apiAs(kreis.base, 'admin', ADMIN_PASSWORD);
let browser;
try {
  const data = await seed(api);
  const pair = await seedCustomer360(api);
  const before = { erika: await timelineIds(api, data.erika.customerId), other: await timelineIds(api, data.other.customerId) };
  browser = await launchChromium();
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(15_000);
  const url = (path) => kreis.base + path;
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) });
  shot.path = (name) => join(shots, `${name}.png`);
  onFailure = (name) => page.screenshot({ path: join(root, 'ui/e2e/out', `${name}.png`) });
  const axe = async (label) => {
    const report = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const found = report.violations.map((violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(found.length === 0, `axe on ${label}: ${found.join('; ')}`);
  };

  await step('the sign-in page is accessible and a wrong password is refused', async () => {
    await page.goto(url('/customers'));
    await page.waitForURL(/\/login\?next=/);
    await axe('/login');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await shot('login');
  });

  await step('sign in and land where the link pointed', async () => {
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
  });

  await step('search a customer', async () => {
    await page.getByLabel('Search by name').fill(data.lastName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(new RegExp(`q=${data.lastName}`));
    await page.getByRole('link', { name: `Erika` }).first().waitFor();
    await eventually(async () => (await page.getByRole('link', { name: /Erika/ }).count()) === 1, 'one customer matches');
    await shot('customers');
  });

  await step('open the customer 360', async () => {
    await page.getByRole('link', { name: /Erika/ }).first().click();
    await page.waitForURL(new RegExp(`/customers/${data.erika.customerId}`));
    await page.getByRole('heading', { name: 'Golden attributes' }).waitFor();
    await page.getByTestId('touchpoint').first().waitFor();
    await eventually(async () => (await page.getByTestId('touchpoint').count()) === before.erika.length, 'the whole timeline is shown');
    await page.getByRole('button', { name: /Provenance lastName/ }).click();
    await page.getByRole('table', { name: /Provenance lastName/ }).waitFor();
    await page.keyboard.press('Escape');
    await shot('customer-360');
  });

  await step('filter the timeline by channel, kept in the address', async () => {
    await page.getByLabel('Channel').fill('phone');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/channel=phone/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="touchpoint"]').length === 1);
    await page.reload();
    await page.getByTestId('touchpoint').first().waitFor();
    await eventually(async () => (await page.getByTestId('touchpoint').count()) === 1, 'the filter survives a reload');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="touchpoint"]').length === count, before.erika.length);
  });

  await step('merge two customers after a preview', async () => {
    await page.getByRole('button', { name: 'Merge a customer into this one…' }).click();
    await page.getByLabel('Id of the customer to merge into this one').fill(data.other.customerId);
    await page.getByTestId('merge-preview').waitFor();
    await shot('merge-preview');
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="touchpoint"]').length === count, before.erika.length + before.other.length);
    await page.getByTestId('identity-event').first().waitFor();
    const merged = await timelineIds(api, data.erika.customerId);
    expect(merged.length === before.erika.length + before.other.length, 'the merged timeline holds both');
  });

  await step('undo the merge and see both timelines exactly as before', async () => {
    await page.getByRole('button', { name: 'Undo' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="touchpoint"]').length === count, before.erika.length);
    await shot('identity-history');
    const after = { erika: await timelineIds(api, data.erika.customerId), other: await timelineIds(api, data.other.customerId) };
    expect(equalLists(after.erika, before.erika), 'the first timeline is as before');
    expect(equalLists(after.other, before.other), 'the second timeline is as before, under its old id');
    await page.goto(url(`/customers/${data.other.customerId}`));
    await page.getByTestId('touchpoint').first().waitFor();
    await eventually(async () => (await page.getByTestId('touchpoint').count()) === before.other.length, 'the second customer shows its own timeline');
  });

  await step('read a KPI, its chart and its table', async () => {
    await page.goto(url('/kpis'));
    await page.getByRole('heading', { name: 'KPIs' }).waitFor();
    await shot('kpis');
    await page.goto(url('/kpis/nps'));
    await page.getByTestId('kpi-value').waitFor();
    const value = await page.getByTestId('kpi-value').textContent();
    expect(value && /\d/.test(value), `the NPS has a value (${value})`);
    await page.getByRole('img', { name: /Week/ }).waitFor();
    await page.locator('.chart svg').waitFor();
    await shot('kpi-detail');
    await page.getByRole('button', { name: 'Table' }).click();
    await page.waitForURL(/view=table/);
    await page.getByTestId('kpi-table').waitFor();
  });

  await step('scorecards: the five pyramid levels against their targets and the alignment', async () => {
    await page.goto(url('/scorecards?lang=en'));
    await page.getByRole('heading', { name: 'Scorecards' }).waitFor();
    await page.getByTestId('pyramid-table').waitFor();
    expect((await page.locator('[data-testid^="pyramid-level-"]').count()) === 5, 'five pyramid levels');
    const top = await page.getByTestId('pyramid-level-5').textContent();
    expect(/Enhancement/.test(top ?? ''), `level 5 is enhancement (${top})`);
    await page.getByRole('heading', { name: 'Cross-department alignment' }).waitFor();
    await eventually(async () => (await page.getByRole('row', { name: /crm/ }).count()) > 0, 'the seeded crm source is a connected source');
    await shot('scorecards');
  });

  await step('feedback: a survey shows its distribution, trend and the answers linked to their customers', async () => {
    await page.goto(url('/feedback?lang=en'));
    await page.getByRole('link', { name: data.survey.name }).click();
    await page.waitForURL(new RegExp(`/feedback/${data.survey.id}`));
    await page.getByTestId('survey-figure').waitFor();
    const figure = await page.getByTestId('survey-figure').textContent();
    expect(figure === '0', `NPS of one promoter and one detractor is 0 (${figure})`);
    const answers = page.getByTestId('answers');
    await answers.getByText(data.detractorComment).waitFor();
    const link = answers.getByRole('row', { name: new RegExp(data.detractorComment) }).getByRole('link');
    expect((await link.getAttribute('href')) === `/customers/${data.other.customerId}`, 'the detractor answer links to its customer');
    await page.locator('.chart svg').waitFor();
    await shot('feedback-survey');
    await page.getByRole('button', { name: 'Table' }).click();
    await page.waitForURL(/view=table/);
    await page.getByTestId('trend-table').waitFor();
    await link.click();
    await page.waitForURL(new RegExp(`/customers/${data.other.customerId}`));
  });

  await step('home: the recent detractor is among the customers at risk', async () => {
    await page.goto(url('/?lang=en'));
    await page.getByTestId('home-at-risk').getByText(data.detractorComment, { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'My open tasks' }).waitFor();
    await shot('home');
  });

  await step('the command menu jumps to a customer', async () => {
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox').fill(data.lastName);
    await page.getByRole('option', { name: /Erika/ }).click();
    await page.waitForURL(new RegExp(`/customers/${data.erika.customerId}`));
  });

  await step('switch the language to German and back', async () => {
    await page.getByRole('button', { name: 'DE' }).click();
    await page.getByRole('heading', { name: 'Zeitleiste' }).waitFor();
    await page.waitForURL(/lang=de/);
    await page.goto(url('/kpis?lang=en'));
    await page.getByRole('heading', { name: 'KPIs' }).waitFor();
    await page.goto(url('/kpis?lang=de'));
    await page.getByRole('heading', { name: 'Kennzahlen' }).waitFor();
  });

  await customer360KpiSteps({ step, page, url, expect, shot, pair, data });

  const daily = await dailyWork({ page, browser, api, url, step, expect, shot, data });

  const pages = [...customer360KpiPages(pair), '/', '/customers', `/customers?q=${data.lastName}`, `/customers/${data.erika.customerId}`, '/merge-suggestions', '/kpis', '/kpis/nps', '/journeys?from=2020-01-01',
    '/kpis/nps?view=table', '/journeys', '/scorecards', '/feedback', `/feedback/${data.survey.id}`, `/feedback/${data.survey.id}?view=table`];
  pages.push(...daily.pages);
  for (const language of ['de', 'en']) {
    await step(`axe: every page in ${language} has no WCAG 2.2 AA violations`, async () => {
      const failures = [];
      for (const path of pages) {
        await page.goto(url(path + (path.includes('?') ? '&' : '?') + `lang=${language}`));
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('[role="status"]'));
        try {
          await axe(`${path} (${language})`);
        } catch (error) {
          failures.push(error.message);
        }
      }
      expect(failures.length === 0, failures.join('\n'));
    });
  }

  await adminSteps({ page, url, api, base: kreis.base, step, expect, eventually, axe, shot });

  await step('sign out', async () => {
    await page.goto(url('/?lang=en'));
    await page.getByRole('button', { name: 'admin' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(url('/customers'));
    await page.waitForURL(/\/login/);
  });
} catch (error) {
  console.log(`  FAIL setup: ${error.stack ?? error}`);
  results.push({ name: 'setup', ok: false });
} finally {
  await browser?.close();
  await kreis.stop();
}
const failed = results.filter((result) => !result.ok).length;
console.log(`e2e: ${results.length - failed} passed, ${failed} failed (${results.length} steps); Kreis log: ${kreis.log}`);
process.exit(failed === 0 ? 0 : 1);
