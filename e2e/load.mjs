// Load test of `lineup serve`: 50 concurrent solves of kfa-18 and 5 of
// growth-60 against the real server on loopback. Passes when no answer is a
// 5xx (or anything but 200 and 429), the busy answers say when to come back,
// and the server answers afterwards; prints the counts, times and the
// server's peak memory (VmHWM). Bounded: 55 requests, one attempt each.
//
//   node e2e/load.mjs          (uses target/release/lineup)

import { readFileSync } from 'node:fs';
import { startServer, fixture } from './lib.mjs';

const server = await startServer();
const url = server.url;
const peakRss = () => {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kb = (key) => Number((new RegExp(`${key}:\\s+(\\d+)`).exec(status) || [])[1] || 0);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
};

async function solve(file, query) {
  const started = performance.now();
  try {
    const r = await fetch(`${url}api/solve?${query}`, { method: 'POST', body: readFileSync(fixture(file)) });
    const body = await r.text();
    let status = '';
    if (r.status === 200) status = JSON.parse(body).status;
    return { file, code: r.status, retry: r.headers.get('retry-after'), status, ms: performance.now() - started };
  } catch (e) {
    return { file, code: 0, error: String(e), ms: performance.now() - started };
  }
}

const before = peakRss();
const t0 = performance.now();
// The growth-60 solves go out a moment before the burst of kfa-18, so that
// they take the solve slots and the queue and the heavier solve really runs
// under load (sent all at once, the many small ones took every place first).
const heavy = Array.from({ length: 5 }, () => solve('growth-60.csv', 'time-limit=5'));
await new Promise((resolve) => setTimeout(resolve, 200));
const light = Array.from({ length: 50 }, () => solve('kfa-18.csv', 'classes=kfa'));
const results = await Promise.all([...light, ...heavy]);
const wall = performance.now() - t0;
const after = peakRss();

const health = await fetch(`${url}api/health`).then((r) => r.json());
const again = await solve('kfa-18.csv', 'classes=kfa');
await server.stop();

const table = {};
for (const r of results) {
  const key = `${r.file} ${r.code}${r.status ? ` ${r.status}` : ''}`;
  table[key] = table[key] || { count: 0, maxMs: 0 };
  table[key].count += 1;
  table[key].maxMs = Math.max(table[key].maxMs, Math.round(r.ms));
}
console.log(`55 concurrent solves in ${(wall / 1000).toFixed(1)} s`);
console.table(table);
console.log(`server memory: RSS ${before.rss} kB before, peak (VmHWM) ${after.hwm} kB`);
console.log(`afterwards: health ${health.ok ? 'ok' : 'NOT ok'}, a new solve answered ${again.code} ${again.status}`);

const bad = results.filter((r) => r.code !== 200 && r.code !== 429);
const busyWithoutRetry = results.filter((r) => r.code === 429 && !r.retry);
const ok = results.filter((r) => r.code === 200).length;
const problems = [];
if (bad.length) problems.push(`${bad.length} answers neither 200 nor 429: ${JSON.stringify(bad.slice(0, 3))}`);
if (busyWithoutRetry.length) problems.push(`${busyWithoutRetry.length} answers 429 without Retry-After`);
if (ok < 2) problems.push(`only ${ok} solves answered 200`);
if (!results.some((r) => r.file === 'growth-60.csv' && r.code === 200)) {
  problems.push('no growth-60 solve answered 200: the heavier solve never ran under load');
}
if (!health.ok || again.code !== 200) problems.push('the server did not answer properly afterwards');
if (after.hwm > 1024 * 1024) problems.push(`peak memory ${after.hwm} kB is over 1 GB`);
console.log(`${problems.length ? 0 : 1} passed, ${problems.length ? 1 : 0} failed`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
