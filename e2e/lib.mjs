// Shared by the end-to-end tests and the load test: start `lineup serve` on a
// free loopback port, launch Debian's headless Chromium through
// playwright-core, and watch a page for console errors and for any request
// that leaves localhost.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = process.env.LINEUP_BIN || join(ROOT, 'target', 'release', 'lineup');
export const SHOTS = process.env.LINEUP_SHOTS || join(ROOT, 'target', 'e2e-screenshots');
export const fixture = (name) => join(ROOT, 'fixtures', name);

/** Starts `lineup serve ARGS --bind 127.0.0.1:0`; resolves {url, port, child, stop}. */
export function startServer(args = []) {
  const child = spawn(BIN, ['serve', '--bind', '127.0.0.1:0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`lineup serve did not start: ${text}`)), 20_000);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const m = /http:\/\/localhost:(\d+)\//.exec(text);
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        resolve({
          port,
          url: `http://127.0.0.1:${port}/`,
          child,
          stop: () => new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`lineup serve exited (${code}): ${text}`)));
  });
}

/**
 * Debian's Chromium, headless, with a fresh profile (a new empty user data
 * directory, removed on close) and no background traffic: a browser context.
 */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'lineup-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1600, height: 1000 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    ...options,
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    rmSync(profile, { recursive: true, force: true });
  };
  return context;
}

/**
 * A page that records console errors, page errors and requests to anything
 * but this machine; `problems()` lists them (the tests assert it is empty).
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || ['blob:', 'data:'].includes(u.protocol);
    if (!local) problems.push(`request leaving localhost: ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    const failure = r.failure() ? r.failure().errorText : '';
    // An aborted fetch is how the page stops listening to a cancelled job.
    if (!failure.includes('ERR_ABORTED')) problems.push(`request failed: ${r.url()} ${failure}`);
  });
  return { page, context, problems: () => problems };
}

/** Saves a screenshot under SHOTS. */
export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
