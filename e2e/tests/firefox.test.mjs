// A smoke test in Firefox (Debian's firefox-esr, driven over WebDriver BiDi
// by puppeteer-core): load a fixture, solve, move a member by keyboard, see
// the score change — with no console error and no request leaving this
// machine. Playwright's own Firefox build cannot be used with Debian's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer, fixture, SHOTS } from '../lib.mjs';

let server;
let browser;
let profile;

before(async () => {
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'lineup-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1600, height: 1000 },
    extraPrefsFirefox: {
      // No background traffic: updates, telemetry, safe browsing, captive portal.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const text = (page, sel) => page.$eval(sel, (el) => el.textContent);

test('Firefox: load, solve, move a member, the score changes', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || ['blob:', 'data:'].includes(u.protocol);
    if (!local) problems.push(`request leaving localhost: ${r.url()}`);
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const input = await page.$('[data-testid="file-input"]');
  await input.uploadFile(fixture('kfa-18.csv'));
  await page.waitForSelector('[data-testid="solve"]:not([disabled])');
  await page.click('[data-testid="solve"]');
  await page.waitForFunction(
    () => ['optimal', 'time_limit', 'heuristic'].includes(document.querySelector('[data-testid="status"]').textContent),
    { timeout: 60_000 },
  );
  await page.waitForFunction(() => window.lineupState.evaluation !== null);
  assert.equal((await page.$$('[data-testid="cluster"]')).length, 3);
  assert.equal((await page.$$('[data-testid="member"]')).length, 18);
  const before = await text(page, '[data-testid="score"]');

  // Pick the first member of the third cluster up with Enter and put it
  // down on the first cluster's name: 7 members there, a broken rule.
  await page.focus('[data-testid="cluster"]:nth-child(3) [data-testid="member"]');
  await page.keyboard.press('Enter');
  await page.focus('[data-testid="cluster"]:nth-child(1) .target');
  await page.keyboard.press('Enter');
  await page.waitForFunction((b) => document.querySelector('[data-testid="score"]').textContent !== b, {}, before);
  await page.waitForSelector('[data-testid="breaches"]', { visible: true });
  assert.equal(await text(page, '[data-testid="status"]'), 'edited');
  assert.equal((await page.$$('[data-testid="cluster"]:nth-child(1) [data-testid="member"]')).length, 7);
  // The map is drawn (a canvas with pixels of the clusters' colours).
  const drawn = await page.$eval('[data-testid="map"]', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] && Math.abs(d[i] - d[i + 2]) > 60) coloured++;
    return coloured;
  });
  assert.ok(drawn > 50, `${drawn} coloured pixels on the map`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'firefox-moved.png') });

  // Undo returns to the solved score.
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
  await page.waitForFunction((b) => document.querySelector('[data-testid="score"]').textContent === b, {}, before);
  assert.deepEqual(problems, []);
  await page.close();
});
