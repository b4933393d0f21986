// Solving with live progress and a cancel button; "re-optimise around my
// changes" solves again with the members moved by hand fixed where they are.

import { t } from './i18n.js';
import { $, esc, num, notice, showError } from './dom.js';
import { job, cancel, form } from './api.js';
import { state, changed, remember, takeReport, movedByHand } from './state.js';
import * as settings from './settings.js';
import { rescore } from './moves.js';

const blocks = new Map();

function progressLine(name, p) {
  const bound = p.bound ? t('page.progress.bound', { penalty: num(p.bound.penalty), spread: num(p.bound.spread, 2) }) : '';
  return `${name}: ${t(`stage.${p.stage}`)} · ${num(p.elapsed_s, 1)} s · ${t('term.penalty')} ${num(p.penalty)}, ${t('term.spread')} ${num(p.spread, 2)}${bound ? ` · ${bound}` : ''}`;
}

function showProgress() {
  $('#progress').innerHTML = [...blocks]
    .map(([name, line]) => `<li class="${line.done ? 'done' : ''}">${esc(line.text)}</li>`)
    .join('');
}

/**
 * Runs a long job (solve, what-if, alternatives) with progress and cancel;
 * resolves with its result, or null if it failed or was cancelled.
 */
export async function runJob(kind, path, pairs, body) {
  if (state.job) return null;
  const abort = new AbortController();
  state.job = { id: null, kind, abort };
  blocks.clear();
  blocks.set('', { text: t('stage.queued'), done: false });
  showProgress();
  changed('job');
  try {
    return await job(path, pairs, body, (name, data) => {
      if (name === 'accepted') state.job.id = data.id;
      if (name === 'started') blocks.set('', { text: t('stage.started'), done: false });
      if (name === 'progress') {
        blocks.delete('');
        blocks.set(data.block, { text: progressLine(data.block, data), done: data.stage === 'done' });
      }
      showProgress();
    }, abort.signal);
  } catch (e) {
    if (e.kind === 'cancelled' || e.name === 'AbortError') notice(() => t('page.run.cancelled'));
    else {
      settings.markInvalid(e.message);
      showError(e, e.status === 429 ? 'page.run.busy' : 'page.run.error');
    }
    return null;
  } finally {
    state.job = null;
    $('#progress').innerHTML = '';
    changed('job');
  }
}

/** Solves the list with the settings (and the pins). */
export async function solve(extraPins = []) {
  const pairs = [...settings.params('problem'), ...settings.params('run'), ...settings.pinParams(), ...extraPins];
  const report = await runJob('solve', '/api/solve', pairs, form());
  if (!report) return;
  remember();
  state.marks = new Map();
  state.alternatives = null;
  takeReport(report, 'solve');
  const done = report.status === 'interrupted' ? 'page.run.interrupted' : 'page.run.solved';
  notice(() => t(done, { n: report.clusters.length, s: num(report.time_s, 1) }));
  changed('lineup');
  rescore();
}

/** Solves again, fixing the members moved by hand to their clusters. */
export async function reoptimise() {
  const moved = movedByHand().filter((id) => !state.pins.has(id));
  const where = new Map(state.clusters.flatMap((c) => c.members.map((m) => [m, c.id])));
  const pins = moved.map((id) => ['pin', `${id}=${where.get(id)}`]);
  if (!moved.length) notice(() => t('page.run.nothing_moved'));
  await solve(pins);
}

/**
 * Stops the running job. Once the server has given it an id, the solver is
 * told to stop and the stream answers with its best lineup so far (status
 * `interrupted`); before that, the request is simply dropped (which cancels
 * the job as well).
 */
export async function stop() {
  if (!state.job) return;
  if (state.job.id) await cancel(state.job.id);
  else state.job.abort.abort();
}
