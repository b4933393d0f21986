// The workbench in a real browser: load a fixture, solve, drag a member to
// another cluster (the score changes and a breach is shown), undo, move by
// keyboard, export the workbook and read it back, German texts — with no
// console error and no request leaving this machine.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, watchedPage, shot, fixture, SHOTS } from '../lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const text = (page, sel) => page.locator(sel).first().textContent();
const cards = (page) => page.locator('[data-testid="cluster"]');

async function solved(page, file, settle = true) {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('[data-testid="file-input"]', fixture(file));
  await page.waitForSelector('[data-testid="solve"]:not([disabled])');
  await page.click('[data-testid="solve"]');
  await page.waitForFunction(
    () => ['optimal', 'time_limit', 'heuristic'].includes(document.querySelector('[data-testid="status"]').textContent),
    null,
    { timeout: 60_000 },
  );
  if (settle) await page.waitForFunction(() => window.lineupState.evaluation !== null);
  // Cards are drawn a few per frame: wait until the first page's members are all on cards.
  await page.waitForFunction(() => {
    const shown = window.lineupState.clusters.slice(0, 120).reduce((n, c) => n + c.members.length, 0);
    return document.querySelectorAll('[data-testid="member"]').length >= shown;
  });
}

/**
 * Waits until the cards on the first page show the lineup the page holds:
 * cards are redrawn a few per frame after every change.
 */
const drawn = (page) =>
  page.waitForFunction(() => {
    const held = window.lineupState.clusters.slice(0, 120);
    const els = [...document.querySelectorAll('[data-testid="cluster"]')].filter((c) => c.dataset.clusterId !== '\u0000unplaced');
    return els.length === held.length && held.every((c, i) => els[i].dataset.clusterId === c.id
      && [...els[i].querySelectorAll('[data-testid="member"]')].map((m) => m.dataset.id).join() === c.members.join());
  });

/** The ids of each card's members, as the page shows them. */
const lineupOnPage = (page) =>
  page.$$eval('[data-testid="cluster"]', (els) =>
    els.map((c) => ({ id: c.dataset.clusterId, members: [...c.querySelectorAll('[data-testid="member"]')].map((m) => m.dataset.id) })));

test('load, solve, drag, see the breach, undo, export and read back', async () => {
  const { page, problems } = await watchedPage(browser);
  await solved(page, 'kfa-18.csv');
  assert.equal(await cards(page).count(), 3);
  assert.equal(await page.locator('[data-testid="member"]').count(), 18);
  assert.equal(await page.locator('[data-testid="map"]').count(), 1);
  const before = await text(page, '[data-testid="score"]');
  const lineupBefore = await lineupOnPage(page);
  await shot(page, '1-solved');

  // Drag the first member of the first cluster onto the second cluster's card.
  await cards(page).nth(0).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  const member = cards(page).nth(0).locator('[data-testid="member"]').first();
  const id = await member.getAttribute('data-id');
  const target = await cards(page).nth(1).getAttribute('data-cluster-id');
  await member.dragTo(cards(page).nth(1));
  await page.waitForFunction((b) => document.querySelector('[data-testid="score"]').textContent !== b, before);
  await drawn(page);
  assert.equal(await cards(page).nth(1).locator(`[data-testid="member"][data-id="${id}"]`).count(), 1);
  const breaches = page.locator('[data-testid="breaches"]');
  await breaches.waitFor({ state: 'visible' });
  assert.match(await breaches.textContent(), new RegExp(`${target}.*(members|mixes)`));
  assert.equal(await text(page, '[data-testid="status"]'), 'edited');
  assert.notEqual(await text(page, '#delta'), '');
  await page.locator('#why').filter({ hasText: /./ }).waitFor();
  await shot(page, '2-dragged-breach');

  // Undo restores the lineup, the score and the status.
  await page.click('#undo');
  await page.waitForFunction((b) => document.querySelector('[data-testid="score"]').textContent === b, before);
  assert.deepEqual(await lineupOnPage(page), lineupBefore);
  await breaches.waitFor({ state: 'hidden' });
  assert.notEqual(await text(page, '[data-testid="status"]'), 'edited');

  // The keyboard way: Enter picks a member up, Enter on another cluster's name puts it down.
  // First the undone lineup's own score (its answer redraws the cards, which
  // would take the focus away from a member picked up before it).
  await page.waitForFunction(() => window.lineupState.evaluatedFor === window.lineupState.clusters);
  await cards(page).nth(2).locator('[data-testid="member"]').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.lineupState.selected !== null);
  await cards(page).nth(0).locator('.target').focus();
  await page.keyboard.press('Enter');
  await breaches.waitFor({ state: 'visible' });
  assert.equal((await lineupOnPage(page))[0].members.length, 7);
  await page.keyboard.press('Control+z');
  await breaches.waitFor({ state: 'hidden' });
  assert.deepEqual(await lineupOnPage(page), lineupBefore);

  // Export the workbook and read it back through the server's reader.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="xlsx"]')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const xlsx = readFileSync(await download.path());
  assert.equal(xlsx.subarray(0, 2).toString(), 'PK');
  const body = new FormData();
  body.append('input', new Blob([readFileSync(fixture('kfa-18.csv'))]), 'kfa-18.csv');
  body.append('lineup', new Blob([xlsx]), 'lineup.xlsx');
  const r = await fetch(`${server.url}api/evaluate`, { method: 'POST', body });
  assert.equal(r.status, 200);
  const back = await r.json();
  assert.equal(back.valid, true);
  const sorted = (l) => l.map((c) => ({ id: c.id, members: [...c.members].sort() }));
  assert.deepEqual(
    sorted(back.report.clusters.map((c) => ({ id: c.id, members: c.members.map((m) => m.id) }))),
    sorted(lineupBefore),
  );
  assert.equal(back.report.status === 'optimal' || back.report.status === 'evaluated', true);

  assert.deepEqual(problems(), []);
});

test('German texts, explanations and the other exports', async () => {
  const { page, problems } = await watchedPage(browser);
  await solved(page, 'growth-60.csv');
  // The badge keeps the status word (the test hook); beside it the same in
  // plain words, in the page's language.
  const word = await text(page, '[data-testid="status"]');
  assert.match(word, /^(optimal|time_limit|heuristic|evaluated)$/);
  assert.match(await text(page, '#status-says'), /^(proven best possible|at most [\d.]+ % below the best possible|no proof: up to [\d.]+ % below)$/);
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  assert.equal(await text(page, '[data-testid="solve"]'), 'Berechnen');
  // A dropdown's default in the page's language, as the list shows it.
  assert.equal(await text(page, '.field[data-flag="comparability"] .def'), '(Standard: strikt)');
  assert.equal(await text(page, '.field[data-flag="objective"] .def'), '(Standard: lexikographisch)');
  assert.equal(await text(page, '[data-testid="status"]'), word);
  assert.match(await text(page, '#status-says'), /^(nachweislich bestmöglich|höchstens [\d,]+ % unter dem Bestmöglichen|ohne Beweis: bis zu [\d,]+ % darunter)$/);
  // What the solver did per block (the command line's "Block" lines): shown
  // whenever the lineup is not proven optimal, worded in German.
  const blockNotes = page.locator('[data-testid="block-notes"]');
  if (word === 'optimal') assert.equal(await blockNotes.isHidden(), true);
  else {
    await blockNotes.locator('summary').click();
    const notes = await text(page, '#block-notes');
    assert.match(notes, /^Wie der Solver dahin kam \(je Block\)/);
    assert.match(notes, /\(\d+ Kommunen, (Zeitlimit|heuristisch|optimal)\):/);
    assert.doesNotMatch(notes, /members|level \d|solver\./);
  }
  await page.locator('[data-testid="member"]').first().click();
  await page.locator('#explanation table').waitFor();
  assert.match(await text(page, '#explanation'), /Wechsel nach/);
  // The first member is in Großstadt-1 (6 members): moving it alone is
  // blocked, and the rules read in German (typed blockers, catalogue).
  await page.locator('#explanation .blocked').first().waitFor();
  const explained = await text(page, '#explanation');
  assert.match(explained, /Größe: \S+ hätte \d+ Mitglieder, (weniger|mehr) als \d+/);
  assert.doesNotMatch(explained, /would have|members, (fewer|more) than/);
  await page.locator('[data-testid="map"]').hover({ position: { x: 200, y: 200 } });
  await shot(page, '3-german-explained');
  for (const format of ['csv', 'json', 'geojson', 'svg', 'png']) {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
    assert.match(d.suggestedFilename(), new RegExp(`\\.${format}$`));
    const bytes = readFileSync(await d.path());
    assert.ok(bytes.length > 100, `${format}: ${bytes.length} bytes`);
    if (format === 'svg') {
      // Each card has its cluster's colour on the command line's map (by id).
      const svg = bytes.toString();
      const fills = new Map([...svg.matchAll(/fill="(#[0-9A-Fa-f]{6})"[^>]*data-cluster="([^"]+)"|data-cluster="([^"]+)"[^>]*fill="(#[0-9A-Fa-f]{6})"/g)]
        .map((m) => (m[1] ? [m[2], m[1]] : [m[3], m[4]])));
      const onPage = await page.$$eval('[data-testid="cluster"]', (els) =>
        els.map((c) => [c.dataset.clusterId, getComputedStyle(c).borderLeftColor]));
      assert.ok(onPage.length > 3 && fills.size === onPage.length, `${fills.size} clusters in the SVG`);
      const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      for (const [id, colour] of onPage) assert.equal(colour, rgb(fills.get(id)), id);
    }
    if (format === 'png') {
      // The server's map (resvg), twice the SVG's size: as `lineup map -o map.png`.
      assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
      assert.ok(bytes.readUInt32BE(16) >= 2000, `PNG width ${bytes.readUInt32BE(16)}`);
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, '3-exported-map.png'), bytes);
    }
  }
  // The one-page summary for the steering group, printed to PDF (A4 landscape).
  await page.evaluate(() => { window.print = () => {}; });
  await page.click('#print');
  await page.locator('#printout table tbody tr').first().waitFor({ state: 'attached' });
  assert.equal(await page.locator('#printout tbody tr').count(), await cards(page).count());
  await page.locator('#printout img').waitFor({ state: 'attached' });
  // In the page's language, a swatch in each cluster's colour and shape.
  assert.match(await text(page, '#printout .meta'), /60 Kommunen in 9 Clustern/);
  assert.equal(await page.locator('#printout tbody .swatch').count(), await cards(page).count());
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
  writeFileSync(join(SHOTS, '3-summary.pdf'), pdf);
  await page.emulateMedia({ media: 'screen' });
  await page.selectOption('#lang', 'en');
  assert.deepEqual(problems(), []);
});

test('bad files and settings get clear messages', async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('[data-testid="file-input"]', fixture('bad/bad-population.csv'));
  const notice = page.locator('#notice.error');
  await notice.waitFor();
  assert.match(await notice.textContent(), /bad-population\.csv: row \d+, field `population`/);
  // The kind of error in a sentence with what to do, above the detail.
  assert.match(await notice.textContent(), /The file has errors: correct the rows named below/);
  await page.setInputFiles('[data-testid="file-input"]', fixture('eight-grossstaedte.csv'));
  await page.waitForSelector('[data-testid="solve"]:not([disabled])');
  await page.click('[data-testid="solve"]');
  await notice.filter({ hasText: 'no feasible lineup' }).waitFor();
  await page.fill('#opt-cluster-size', '9..3');
  await page.click('[data-testid="solve"]');
  // The infeasibility above may already suggest --cluster-size: wait for
  // the field the new error marks, not for the text alone.
  await page.locator('.field.invalid[data-flag="cluster-size"]').waitFor();
  await notice.filter({ hasText: '--cluster-size' }).waitFor();
  assert.equal(await page.locator('.field.invalid[data-flag="cluster-size"]').count(), 1);
  await shot(page, '4-errors');
  // In German, the setting's error is German too: the option, the value
  // given and what it takes (the catalogue's, not clap's English).
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await page.click('[data-testid="solve"]');
  await notice.filter({ hasText: 'ungültige Clustergröße 9..3' }).waitFor();
  assert.match(await notice.textContent(), /--cluster-size: ungültige Clustergröße 9\.\.3: nötig ist 1 <= min <= max/);
  assert.doesNotMatch(await notice.textContent(), /invalid cluster size/);
  await shot(page, '4-errors-de');
  await page.selectOption('#lang', 'en');
  // The server's errors (4xx) are answers the page shows, not console errors.
  assert.deepEqual(problems().filter((p) => !/status of 4\d\d/.test(p)), []);
});

test('a solve can be cancelled and the page says so', async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  // The 81 Großstädte: their proof takes some 10 s on a quiet machine, the 30 s limit more (growth-60 is proven in a few seconds).
  await page.setInputFiles('[data-testid="file-input"]', fixture('grossstaedte-81.csv'));
  await page.fill('#opt-time-limit', '30');
  await page.click('[data-testid="solve"]');
  // A progress line of a block: the job has an id and a lineup so far.
  await page.locator('#progress li', { hasText: /·/ }).first().waitFor();
  const started = Date.now();
  await page.click('#cancel');
  // The solver stops and the page shows its best lineup so far, truthfully.
  await page.locator('#notice', { hasText: /Cancelled after/ }).waitFor();
  assert.ok(Date.now() - started < 20000, 'the 30 s solve stopped when cancelled');
  assert.equal(await page.locator('[data-testid="status"]').textContent(), 'interrupted');
  // Cards are drawn a few per frame: wait until every member is on a card.
  await page
    .waitForFunction(() => document.querySelectorAll('[data-testid="member"]').length >= 81, null, { timeout: 10_000 })
    .catch(() => {});
  assert.equal(await page.locator('[data-testid="member"]').count(), 81);
  assert.equal(await page.locator('[data-testid="solve"]:not([disabled])').count(), 1);
  await shot(page, '4b-cancelled');
  assert.deepEqual(problems().filter((p) => !/status of 4\d\d/.test(p)), []);
});

test('what-if after leaving and joining, alternatives, re-optimise, session', async () => {
  const { page, problems } = await watchedPage(browser);
  page.on('dialog', (d) => d.accept());
  await solved(page, 'growth-60.csv');
  const members = await page.locator('[data-testid="member"]').count();

  // One leaves (taken off the list), one joins from the register search.
  const leaving = page.locator('[data-testid="member"]').first();
  const leftId = await leaving.getAttribute('data-id');
  await leaving.locator('.remove').click();
  await page.locator('#add-box summary').click();
  await page.fill('#search', 'Gotha');
  await page.locator('#results button').first().click();
  await page.locator('[data-cluster-id="\u0000unplaced"]').waitFor();
  await page.locator('[data-testid="breaches"]').waitFor({ state: 'visible' });
  await page.click('#whatif');
  await page.locator('.member .mark.joined').first().waitFor({ timeout: 60_000 });
  await drawn(page);
  assert.equal(await page.locator(`[data-testid="member"][data-id="${leftId}"]`).count(), 0);
  assert.match(await text(page, '#notice'), /1 joined, \d+ moved, 1 left/);
  assert.equal(await page.locator('[data-testid="member"]').count(), members);
  assert.equal(await page.locator('[data-testid="member"][data-id="16067029"]').count(), 1);
  await page.locator('[data-testid="breaches"]').waitFor({ state: 'hidden' });
  await shot(page, '5-whatif');

  // Alternatives: flip to the second, members elsewhere are marked.
  await page.fill('#alt-count', '2');
  await page.click('#alternatives');
  await page.locator('#flip:not([hidden])').waitFor({ timeout: 90_000 });
  await page.click('#alt-next');
  await page.waitForFunction(() => window.lineupState.altIndex === 1);
  assert.match(await text(page, '#alt-label'), /2/);

  // A swap by click, then re-optimise around it: the swapped members stay put.
  const a = page.locator('[data-testid="cluster"]').nth(2).locator('[data-testid="member"]').first();
  const b = page.locator('[data-testid="cluster"]').nth(3).locator('[data-testid="member"]').first();
  const [ida, idb] = [await a.getAttribute('data-id'), await b.getAttribute('data-id')];
  const cb = await page.locator('[data-testid="cluster"]').nth(3).getAttribute('data-cluster-id');
  await a.click();
  await b.click();
  await page.waitForFunction((id) => window.lineupState.focus === id && window.lineupState.origin === 'edit', ida);
  await page.waitForSelector('#reoptimise:not([disabled])');
  await page.click('#reoptimise');
  await page.waitForFunction(() => window.lineupState.origin === 'solve', null, { timeout: 60_000 });
  await drawn(page);
  assert.equal(await page.locator(`[data-cluster-id="${cb}"] [data-testid="member"][data-id="${ida}"]`).count(), 1);

  // Save the session and load it again.
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#save-session')]);
  const file = await saved.path();
  const before = await lineupOnPage(page);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('[data-testid="file-input"]', { name: 'session.json', mimeType: 'application/json', buffer: readFileSync(file) });
  await page.waitForFunction(() => window.lineupState.evaluation !== null);
  // Cards are drawn a few per frame: wait until every member is on a card again.
  const total = before.reduce((n, c) => n + c.members.length, 0);
  await page
    .waitForFunction((n) => document.querySelectorAll('[data-testid="member"]').length >= n, total, { timeout: 10_000 })
    .catch(() => {});
  assert.deepEqual(await lineupOnPage(page), before);
  assert.ok(['optimal', 'evaluated'].includes(await text(page, '[data-testid="status"]')));
  assert.equal(idb.length > 0, true);
  assert.deepEqual(problems(), []);
});
