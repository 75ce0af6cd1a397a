// Starts the packaged Kreis jar on its own port with a fresh data directory, and stops it again; launches the
// browser the end-to-end runs and the UI benchmark drive.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

/** {@code env}: further environment variables, e.g. KREIS_AUTH_MODE=keycloak and the Keycloak settings. */
export async function startKreis({ jar, port, adminPassword, env = {} }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kreis-e2e-'));
  const log = join(dataDir, 'kreis.log');
  const out = openSync(log, 'w');
  const child = spawn('java', ['-jar', jar], {
    env: { ...process.env, KREIS_HTTP_PORT: String(port), KREIS_DATA_DIR: dataDir, KREIS_BOOTSTRAP_ADMIN_PASSWORD: adminPassword, ...env },
    stdio: ['ignore', out, out],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kreis exited with ${child.exitCode}; see ${log}`);
    try {
      if ((await fetch(`${base}/q/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Kreis did not become ready within 120 s; see ${log}`);
    }
    await sleep(500);
  }
  return {
    base,
    dataDir,
    log,
    stop: async () => {
      child.kill('SIGTERM');
      for (let i = 0; i < 40 && child.exitCode === null; i++) await sleep(250);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A small API client speaking HTTP Basic, for the test data. */
export function apiAs(base, username, password) {
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/**
 * Debian's Chromium (CHROMIUM, default /usr/bin/chromium) through playwright-core: headless, in a fresh profile
 * directory whose name starts with {@code profilePrefix}, without sandbox, GPU, QUIC or background traffic,
 * in en-US at 1280×860. Answers the persistent browser context.
 */
export function launchChromium({ profilePrefix = 'kreis-chromium-' } = {}) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), profilePrefix)), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    locale: 'en-US',
    viewport: { width: 1280, height: 860 },
  });
}
