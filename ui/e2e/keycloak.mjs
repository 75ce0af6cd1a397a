// The Keycloak suite's real-browser sign-in (docs/keycloak.md): Debian's Chromium, driven by playwright-core,
// signs in to the packaged jar in keycloak mode through the real Keycloak of the suite, works in the workspace
// within the user's role, and signs out through Keycloak. Started by KeycloakBrowserUiIT (the Maven profile
// "keycloak"), which starts Keycloak first; by hand, with the suite's Keycloak running:
//   KEYCLOAK_URL=http://127.0.0.1:8180 KEYCLOAK_ADMIN_PASSWORD=… node e2e/keycloak.mjs
// Environment: KREIS_JAR (default app/target/quarkus-app/quarkus-run.jar), E2E_PORT (Kreis' port, default
// 18660), KEYCLOAK_URL, KEYCLOAK_ADMIN_PASSWORD (the master realm's admin, to register Kreis' address as a
// redirect target of client kreis-web), CHROMIUM (default /usr/bin/chromium). Exit code 0 only if every step passed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium, startKreis } from './server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const jar = process.env.KREIS_JAR ?? join(root, 'app/target/quarkus-app/quarkus-run.jar');
const port = Number(process.env.E2E_PORT ?? 18660);
const keycloak = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const realm = `${keycloak}/realms/kreis`;
const keycloakAdminPassword = process.env.KEYCLOAK_ADMIN_PASSWORD;
const out = join(root, 'ui/e2e/out');
// The test realm's values (app/src/main/keycloak/kreis-realm.json): client secrets and the users' passwords.
const API_SECRET = 'kreis-api-test-secret';
const WEB_SECRET = 'kreis-web-test-secret';
const USER = 'viewer';
const PASSWORD = 'viewer-pass-1';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

if (!keycloakAdminPassword) {
  console.log('KEYCLOAK_ADMIN_PASSWORD is not set');
  process.exit(2);
}

const results = [];
let onFailure = async () => {};
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}: ${error.stack ?? error}`);
    await onFailure(`keycloak-failed-${results.length}`).catch(() => undefined);
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function form(url, fields) {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** Client kreis-web knows port 8080 only: adds this run's sign-in and post-logout addresses to it. */
async function allowRedirectsTo(base) {
  const { access_token: admin } = await form(`${keycloak}/realms/master/protocol/openid-connect/token`,
    { grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: keycloakAdminPassword });
  const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const clients = `${keycloak}/admin/realms/kreis/clients`;
  const [client] = await (await fetch(`${clients}?clientId=kreis-web`, { headers })).json();
  expect(client, 'the realm has the client kreis-web');
  const redirect = `${base}/auth/keycloak/*`;
  if (!client.redirectUris.includes(redirect)) client.redirectUris.push(redirect);
  const logout = (client.attributes['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean);
  if (!logout.includes(`${base}/login`)) logout.push(`${base}/login`);
  client.attributes['post.logout.redirect.uris'] = logout.join('##');
  const put = await fetch(`${clients}/${client.id}`, { method: 'PUT', headers, body: JSON.stringify(client) });
  expect(put.status === 204, `updating kreis-web: ${put.status} ${await put.text()}`);
}

/** A customer made through the API with the Keycloak token of the realm's admin (password grant, client kreis-api). */
async function customerMadeByAdmin(base) {
  const { access_token: token } = await form(`${realm}/protocol/openid-connect/token`,
    { grant_type: 'password', client_id: 'kreis-api', client_secret: API_SECRET, username: 'admin', password: 'admin-pass-1' });
  const tag = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const lastName = `Keycloak${tag}`;
  const response = await fetch(`${base}/api/v1/profiles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ source: 'crm', externalId: `kc-${tag}`, kind: 'person', attributes: { firstName: 'Karla', lastName },
      identifiers: [{ type: 'email', value: `karla.${tag}@example.com` }] }),
  });
  const text = await response.text();
  expect(response.status === 201, `POST /api/v1/profiles as the Keycloak admin: ${response.status} ${text}`);
  return { lastName, customerId: JSON.parse(text).customerId };
}

mkdirSync(out, { recursive: true });
const started = Date.now();
const kreis = await startKreis({
  jar, port, adminPassword: 'e2e-keycloak-bootstrap-unused',
  env: {
    KREIS_AUTH_MODE: 'keycloak', KREIS_KEYCLOAK_URL: realm, KREIS_KEYCLOAK_CLIENT_SECRET: API_SECRET,
    KREIS_KEYCLOAK_WEB_CLIENT_SECRET: WEB_SECRET,
  },
});
let browser;
try {
  await allowRedirectsTo(kreis.base);
  const customer = await customerMadeByAdmin(kreis.base);
  browser = await launchChromium();
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(20_000);
  const answers = [];
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() || response.url().includes('/api/')) answers.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  onFailure = async (name) => {
    console.log(`       at ${page.url()}; the last answers:\n         ${answers.slice(-12).join('\n         ')}`);
    await page.screenshot({ path: join(out, `${name}.png`) });
  };
  const url = (path) => kreis.base + path;
  const visited = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest()) visited.push(request.url()); // every hop of a redirect chain too
  });
  const sessionCookies = async () => (await browser.cookies(kreis.base)).filter((cookie) => cookie.name.startsWith('q_session_web'));
  const signInAtKeycloak = async () => {
    await page.waitForURL((address) => address.href.startsWith(`${realm}/protocol/openid-connect/auth?`));
    await page.locator('#username').fill(USER);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#kc-login').click();
  };

  await step('the workspace sends a stranger to the sign-in page, which offers only "Sign in with Keycloak"', async () => {
    await page.goto(url('/?lang=en'));
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('link', { name: 'Sign in with Keycloak' }).waitFor();
    expect((await page.getByLabel('Password').count()) === 0, 'no local password field in keycloak mode');
    const report = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(report.violations.length === 0, `axe on /login: ${report.violations.map((violation) => violation.id).join(', ')}`);
  });

  await step('Keycloak\'s login form signs the user in and the workspace shows the home page and the user\'s name', async () => {
    await page.getByRole('link', { name: 'Sign in with Keycloak' }).click();
    await signInAtKeycloak();
    // Back at Kreis, on the page the sign-in started from (/?lang=en).
    await page.waitForURL((address) => address.origin === kreis.base && address.pathname === '/');
    await page.getByRole('heading', { name: `Welcome, ${USER}` }).waitFor();
    await page.getByRole('button', { name: USER, exact: true }).waitFor();
    expect((await sessionCookies()).length > 0, 'Kreis set its session cookie q_session_web');
    const cookie = (await sessionCookies())[0];
    expect(cookie.httpOnly && cookie.sameSite === 'Lax', `the session cookie is HttpOnly and SameSite=Lax (${JSON.stringify({ ...cookie, value: '…' })})`);
  });

  await step('a page the role allows: the viewer finds the customer the admin made and opens the 360', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByLabel('Search by name').fill(customer.lastName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(new RegExp(`q=${customer.lastName}`));
    await page.getByRole('link', { name: /Karla/ }).first().click();
    await page.waitForURL(url(`/customers/${customer.customerId}`));
    await page.getByRole('heading', { name: 'Golden attributes' }).waitFor();
  });

  await step('a page the role does not allow: no Administration in the navigation, and /admin/users is refused by the server', async () => {
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Customers' }).waitFor();
    expect((await navigation.getByRole('link', { name: 'Administration' }).count()) === 0, 'the viewer sees no Administration link');
    const users = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/users');
    await page.goto(url('/admin/users'));
    const refused = await users;
    expect(refused.status() === 403, `GET /api/v1/users through the browser session: ${refused.status()}`);
    await page.getByRole('alert').getByText('You may not see this.').waitFor();
    expect((await page.getByRole('table', { name: 'Users' }).count()) === 0, 'no user list is shown');
  });

  await step('sign out through Keycloak: back on the sign-in page, and a reload does not get back in', async () => {
    await page.goto(url('/?lang=en'));
    await page.getByRole('button', { name: USER, exact: true }).click();
    const from = visited.length;
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole('link', { name: 'Sign in with Keycloak' }).waitFor();
    const hops = visited.slice(from);
    expect(hops.some((address) => address.startsWith(url('/auth/keycloak/sign-out')))
      && hops.some((address) => address.startsWith(`${realm}/protocol/openid-connect/logout?`)),
    `the sign-out went through Kreis' sign-out path and Keycloak's end-session endpoint (${hops.join(' → ')})`);
    expect((await sessionCookies()).length === 0, 'the session cookie is gone');
    await page.reload();
    await page.getByRole('link', { name: 'Sign in with Keycloak' }).waitFor();
    await page.goto(url('/customers'));
    await page.waitForURL(/\/login\?next=/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me === 401, `/api/v1/me after sign-out: ${me}`);
  });

  await step('Keycloak\'s session ended too: signing in again asks for the password', async () => {
    await page.getByRole('link', { name: 'Sign in with Keycloak' }).click();
    await page.waitForURL((address) => address.href.startsWith(`${realm}/protocol/openid-connect/auth?`));
    await page.locator('#password').waitFor();
    expect(page.url().startsWith(realm), `still at Keycloak's login form (${page.url()})`);
  });
} catch (error) {
  console.log(`  FAIL setup: ${error.stack ?? error}`);
  results.push({ name: 'setup', ok: false });
} finally {
  await browser?.close();
  await kreis.stop();
}
const failed = results.filter((result) => !result.ok).length;
console.log(`keycloak e2e: ${results.length - failed} passed, ${failed} failed (${results.length} steps) in ${Math.round((Date.now() - started) / 1000)} s; Kreis log: ${kreis.log}`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
