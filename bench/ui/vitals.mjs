// Web vitals of the main pages in Debian's Chromium (playwright-core, PerformanceObserver), against the
// packaged jar: LCP of each page after navigation, the INP of a timeline filter change on the customer 360
// (and the time until the filtered list shows), and how many rows the customer list draws. Not a test: it
// prints figures for docs/performance.md and writes them to bench/results/latest-ui.json.
//
//   node bench/ui/vitals.mjs                       starts the jar on BENCH_PORT (default 19250) with a fresh
//                                                  data directory and seeds BENCH_CUSTOMERS customers with
//                                                  BENCH_TOUCHPOINTS touchpoints each (defaults 2000 and 10)
//   KREIS_BASE=http://host:port node bench/ui/vitals.mjs   measures a running Kreis with its data as it is
//                                                  (KREIS_USER / KREIS_PASSWORD, BENCH_CUSTOMER_ID = the 360 to open;
//                                                  BENCH_DATA_FILE = a JSON description of the data set to record,
//                                                  e.g. the ui-data step's; bench/run.sh --ui does all this)
//   BENCH_LIST_ROWS (default 10000): the customer list is scrolled until it holds that many rows (or the last page),
//                                                  counting the rows drawn after every scroll
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiAs, launchChromium, startKreis } from '../../ui/e2e/server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2000);
const TOUCHPOINTS = Number(process.env.BENCH_TOUCHPOINTS ?? 10);
const PASSWORD = process.env.KREIS_PASSWORD ?? 'bench-bootstrap-secret-long';
const USER = process.env.KREIS_USER ?? 'admin';
const LIST_ROWS = Number(process.env.BENCH_LIST_ROWS ?? 10000);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
};
const unique = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** Customers with touchpoints through the batch API; answers the id of a customer with many touchpoints for the 360. */
async function seed(api) {
  const started = Date.now();
  const phases = ['awareness', 'interest', 'consideration', 'intent', 'purchase', 'retention', 'advocacy'];
  const channels = ['web', 'email', 'phone', 'store'];
  let heavy;
  const customers = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const profile = await api('POST', '/api/v1/profiles', {
      source: 'bench', externalId: `b-${unique()}`, kind: 'person',
      attributes: { firstName: `Bench${i}`, lastName: `Kunde${unique()}` },
      identifiers: [{ type: 'email', value: `bench.${unique()}@example.com` }],
    });
    customers.push(profile.customerId);
  }
  heavy = customers[0];
  let batch = [];
  const flush = async () => {
    if (batch.length) await api('POST', '/api/v1/touchpoints/batch', { items: batch });
    batch = [];
  };
  for (const [index, customerId] of customers.entries()) {
    const count = index === 0 ? Math.max(TOUCHPOINTS, 500) : TOUCHPOINTS;
    for (let j = 0; j < count; j++) {
      const nps = j % 5 === 0;
      batch.push({
        source: 'bench', externalId: `t-${unique()}${j}`, customerId, type: nps ? 'feedback.nps' : 'core.interaction',
        channel: channels[j % channels.length], phase: phases[j % phases.length],
        occurredAt: new Date(Date.now() - (j * 37 + index) * 3_600_000).toISOString(), ...(nps ? { score: (index + j) % 11 } : {}),
      });
      if (batch.length === 1000) await flush();
    }
  }
  await flush();
  return { heavy, seconds: Math.round((Date.now() - started) / 1000) };
}

/** Records LCP and event timings from the first paint on, for every navigation. */
const OBSERVE = () => {
  window.__lcp = 0;
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.renderTime || entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.interactionId) window.__events.push(entry.duration);
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
};

const kreis = process.env.KREIS_BASE ? null : await startKreis({ jar: join(root, 'app/target/quarkus-app/quarkus-run.jar'), port: Number(process.env.BENCH_PORT ?? 19250), adminPassword: PASSWORD });
const base = process.env.KREIS_BASE ?? kreis.base;
const api = apiAs(base, USER, PASSWORD);
const browser = await launchChromium({ profilePrefix: 'kreis-bench-' });
const result = { at: new Date().toISOString(), loadBefore: loadavg().map((n) => n.toFixed(2)), runs: RUNS, pages: {}, interactions: {} };
try {
  const seeded = process.env.KREIS_BASE ? { heavy: process.env.BENCH_CUSTOMER_ID, seconds: 0 } : await seed(api);
  result.data = process.env.KREIS_BASE
    ? (process.env.BENCH_DATA_FILE ? JSON.parse(readFileSync(process.env.BENCH_DATA_FILE, 'utf8')) : 'as found')
    : { customers: CUSTOMERS, touchpointsPerCustomer: TOUCHPOINTS, seedSeconds: seeded.seconds };
  // The shell's initial JavaScript, gzipped, as the build's budget check (ui/scripts/size-check.mjs) computes it:
  // the entry chunk and everything it imports statically, from the build's manifest (ui/dist before Quinoa moves it,
  // app/target/quinoa/build after a Maven build).
  const dist = ['ui/dist/', 'app/target/quinoa/build/'].map((dir) => join(root, dir)).find((dir) => existsSync(join(dir, '.vite/manifest.json')));
  if (dist) {
    const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
    const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key !== 'answer.html');
    const initial = new Set();
    const visit = (key) => { if (!initial.has(key)) { initial.add(key); (manifest[key].imports ?? []).forEach(visit); } };
    visit(entry);
    const bytes = [...initial].reduce((sum, key) => sum + gzipSync(readFileSync(join(dist, manifest[key].file))).length, 0);
    result.shellInitialJs = { gzipBytes: bytes, chunks: initial.size, budgetBytes: 200 * 1024 };
    console.log(`shell initial JS: ${(bytes / 1024).toFixed(1)} KB gzipped in ${initial.size} chunk(s) (budget 200 KB)`);
  }
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(Number(process.env.BENCH_TIMEOUT_MS ?? 60_000));
  page.setDefaultNavigationTimeout(Number(process.env.BENCH_TIMEOUT_MS ?? 60_000) * 2);
  await page.addInitScript(OBSERVE);
  await page.goto(`${base}/login`);
  await page.getByLabel('User name').fill(USER);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));

  const pages = {
    home: '/', customers: '/customers', 'customer 360': `/customers/${seeded.heavy}`, kpis: '/kpis', 'kpi nps': '/kpis/nps', journeys: '/journeys',
  };
  const ready = { 'customer 360': '[data-testid="touchpoint"]', customers: 'tbody tr[aria-rowindex]', 'kpi nps': '[data-testid="kpi-value"]' };
  const only = process.env.BENCH_PAGES?.split(',').map((name) => name.trim());  // e.g. 'customer 360,customers'
  for (const [name, path] of Object.entries(pages).filter(([name]) => !only || only.includes(name))) {
    const lcps = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${base}${path}?lang=en`);
      await page.locator(ready[name] ?? 'main h1').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[role="status"]'));
      await page.waitForTimeout(300);
      lcps.push(Math.round(await page.evaluate(() => window.__lcp)));
    }
    result.pages[name] = { lcpMedianMs: median(lcps), lcpMaxMs: Math.max(...lcps), lcps };
    console.log(`LCP ${name}: median ${median(lcps)} ms (${lcps.join(', ')})`);
  }

  result.interactions.customerList = await (async () => {
    const started = Date.now();
    await page.goto(`${base}/customers?lang=en`);
    await page.locator('tbody tr[aria-rowindex]').first().waitFor();
    const list = page.locator('table[aria-rowcount]');
    const loaded = async () => Number(await list.getAttribute('aria-rowcount')) - 1;
    const drawn = [await page.locator('tbody tr[aria-rowindex]').count()];
    let rows = await loaded();
    let stalls = 0;
    while (rows < LIST_ROWS && stalls < 20) {
      await page.evaluate(() => { const el = document.querySelector('.list'); el.scrollTop = el.scrollHeight; });
      await page.waitForTimeout(150);
      drawn.push(await page.locator('tbody tr[aria-rowindex]').count());
      const now = await loaded();
      stalls = now > rows ? 0 : stalls + 1;
      rows = now;
    }
    // and back up through the middle of the list
    for (const at of [0.5, 0.25, 0]) {
      await page.evaluate((f) => { const el = document.querySelector('.list'); el.scrollTop = el.scrollHeight * f; }, at);
      await page.waitForTimeout(150);
      drawn.push(await page.locator('tbody tr[aria-rowindex]').count());
    }
    return { rowsLoaded: rows, rowsDrawnMax: Math.max(...drawn), rowsDrawnFirst: drawn[0], samples: drawn.length, seconds: Math.round((Date.now() - started) / 1000) };
  })();
  result.interactions.customerListRowsDrawn = result.interactions.customerList.rowsDrawnMax;
  console.log(`customer list: ${result.interactions.customerList.rowsLoaded} rows loaded by scrolling, at most ${result.interactions.customerList.rowsDrawnMax} drawn (${result.interactions.customerList.samples} samples, ${result.interactions.customerList.seconds} s)`);

  const inps = [];
  const answers = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}/customers/${seeded.heavy}?lang=en`);
    await page.locator('[data-testid="touchpoint"]').first().waitFor();
    await page.evaluate(() => { window.__events = []; });
    const channel = ['phone', 'web', 'email', 'chat'][run % 4];
    await page.getByLabel('Channel').fill(channel);
    const clicked = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction((wanted) => {
      const items = [...document.querySelectorAll('[data-testid="touchpoint"]')];
      return items.length > 0 && items.every((item) => item.textContent.includes(wanted));
    }, channel);
    answers.push(Math.round((await page.evaluate(() => performance.now())) - clicked));
    await page.waitForTimeout(200);
    inps.push(Math.round(await page.evaluate(() => Math.max(0, ...window.__events))));
  }
  result.interactions.timelineFilter = { inpMedianMs: median(inps), inpMaxMs: Math.max(...inps), inps, resultMedianMs: median(answers), results: answers };
  console.log(`timeline filter: INP median ${median(inps)} ms (${inps.join(', ')}); filtered list shown after median ${median(answers)} ms (${answers.join(', ')})`);
} finally {
  result.loadAfter = loadavg().map((n) => n.toFixed(2));
  await browser.close();
  await kreis?.stop();
}
writeFileSync(join(root, 'bench/results/latest-ui.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`load average before ${result.loadBefore.join(' ')}, after ${result.loadAfter.join(' ')}; written to bench/results/latest-ui.json`);
