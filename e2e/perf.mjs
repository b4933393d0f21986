// Page speed in headless Chromium: the first page load from localhost, and
// the longest main-thread task (a "long task" blocks every frame while it
// runs) while the whole register's lineup (10 794 municipalities, about
// 1 540 clusters) arrives and is drawn, and while a planner drags a member,
// hovers the map, undoes and switches the language. Prints a table; it
// measures and does not assert (see BENCHMARKS.md).
//
//   node e2e/perf.mjs            (uses target/release/lineup)

import { join } from 'node:path';
import { startServer, launch, watchedPage, shot, ROOT } from './lib.mjs';

const server = await startServer(['--max-time-limit', '600']);
const context = await launch();
const { page, problems } = await watchedPage(context);

// Long tasks (> 50 ms) as the browser reports them, and frame gaps measured
// with requestAnimationFrame, both from the first script on.
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__frames = [];
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});

const rows = [];
const mark = () => page.evaluate(() => ({ long: window.__long.length, frames: window.__frames.length }));
async function phase(name, fn) {
  const from = await mark();
  const t = Date.now();
  await fn();
  const wall = Date.now() - t;
  const m = await page.evaluate((f) => ({ long: window.__long.slice(f.long), frames: window.__frames.slice(f.frames) }), from);
  const maxLong = Math.max(0, ...m.long.map((l) => l.ms));
  const maxFrame = Math.max(0, ...m.frames);
  rows.push({ phase: name, 'wall ms': wall, 'long tasks': m.long.length, 'longest task ms': Math.round(maxLong), 'longest frame gap ms': Math.round(maxFrame) });
}

// First load: navigation timing of the page from localhost (median of 5).
const loads = [];
for (let i = 0; i < 5; i++) {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  loads.push(await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, ready: performance.now() };
  }));
}
const med = (k) => loads.map((l) => l[k]).sort((a, b) => a - b)[2];
console.log(`first page load (median of 5): DOMContentLoaded ${med('dcl').toFixed(0)} ms, load ${med('load').toFixed(0)} ms, ready (catalogue, outlines) ${med('ready').toFixed(0)} ms`);

// The whole register: the bundled register's own table (AGS, name,
// population, coordinates; the Land comes from the AGS).
const register = join(ROOT, 'crates', 'lineup', 'data', 'register.csv');

await phase('load the register list (10 794 rows)', async () => {
  await page.setInputFiles('[data-testid="file-input"]', register);
  await page.waitForFunction(() => window.lineupState.input && window.lineupState.input.rows.length > 10000, null, { timeout: 120_000 });
});
await page.fill('#opt-time-limit', '20');
await page.evaluate(() => { document.querySelector('#opt-solver').value = 'heuristic'; });
await phase('solve (heuristic, 20 s), draw the map and the first 120 cards', async () => {
  await page.click('[data-testid="solve"]');
  await page.waitForFunction(() => window.lineupState.evaluation !== null, null, { timeout: 300_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="cluster"]').length === Math.min(120, window.lineupState.clusters.length));
  await page.waitForTimeout(500);
});
await shot(page, 'perf-register');
await phase('drag a member to another cluster, until re-scored', async () => {
  const cards = page.locator('[data-testid="cluster"]');
  await cards.nth(0).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  const before = await page.locator('[data-testid="score"]').textContent();
  await cards.nth(0).locator('[data-testid="member"]').first().dragTo(cards.nth(1));
  await page.waitForFunction((b) => document.querySelector('[data-testid="score"]').textContent !== b, before, { timeout: 120_000 });
});
await phase('hover across the map (40 positions)', async () => {
  const box = await page.locator('[data-testid="map"]').boundingBox();
  for (let i = 0; i < 40; i++) {
    await page.mouse.move(box.x + box.width * (0.2 + 0.6 * (i / 40)), box.y + box.height * (0.2 + 0.6 * ((i * 7) % 40) / 40));
  }
});
await phase('undo, until re-scored', async () => {
  const before = await page.locator('[data-testid="score"]').textContent();
  await page.click('#undo');
  await page.waitForFunction((b) => document.querySelector('[data-testid="score"]').textContent !== b, before, { timeout: 120_000 });
});
await phase('switch to German (cards redrawn)', async () => {
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await page.waitForTimeout(1500);
});
await phase('scroll through a page of cards', async () => {
  await page.mouse.move(900, 500);
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 1200);
    await page.waitForTimeout(50);
  }
});
await phase('turn three pages of cards', async () => {
  for (let i = 0; i < 3; i++) {
    await page.click('#page-next');
    await page.waitForTimeout(300);
  }
});
await phase('find a municipality (turns to its page)', async () => {
  await page.fill('#card-find', 'Gotha');
  await page.press('#card-find', 'Enter');
  await page.waitForTimeout(500);
});

console.table(rows);
const issues = problems().filter((p) => !/status of 4\d\d/.test(p));
if (issues.length) console.log('problems:', issues);
await context.close();
await server.stop();
