// The scoreboard: status word, score and its last change, the status in one
// sentence, the objective's terms in their units, and every broken rule in
// words (with the names of the municipalities involved).

import { t, has } from './i18n.js';
import { $, esc, num, signed } from './dom.js';
import { state } from './state.js';
import { previousObjective } from './moves.js';

/** The objective on show: the last evaluation's, else the report's. */
export function objective() {
  if (state.evaluation) return state.evaluation.objective;
  return state.report ? state.report.objective : null;
}

const lexicographic = () => !state.report || state.report.settings.weights.mode !== 'weighted';

/** The score as one line: penalty and spread (or their difference). */
export function scoreText(o) {
  if (!o) return '—';
  if (lexicographic()) return `${num(o.penalty)} · ${num(o.spread, 2)}`;
  return num(o.spread - o.penalty, 2);
}

/** The status word of the lineup on show. */
export function status() {
  if (state.evaluation && !state.evaluation.valid) return 'edited';
  return state.report ? state.report.status : '';
}

function name(id) {
  const r = state.byId.get(id);
  return r ? `${r.name} (${id})` : id;
}

/** A broken rule in the page's language, municipalities by name. */
export function breachText(b) {
  const key = `rule.${b.rule}`;
  if (!has(key)) return b.message;
  const args = { ...b };
  for (const f of ['id', 'a', 'b']) if (args[f]) args[f] = name(args[f]);
  if (Array.isArray(args.clusters)) args.clusters = args.clusters.join(', ');
  if (Array.isArray(args.classes)) args.classes = args.classes.join(', ');
  return t(key, args);
}

function delta() {
  const before = previousObjective();
  const now = objective();
  const el = $('#delta');
  if (!before || !now || state.origin !== 'edit') {
    el.textContent = '';
    el.className = 'delta';
    return;
  }
  const dp = now.penalty - before.penalty;
  const ds = now.spread - before.spread;
  let better;
  if (lexicographic()) better = Math.abs(dp) > 1e-9 ? dp < 0 : ds > 1e-9;
  else better = ds - dp > 1e-9;
  const same = Math.abs(dp) < 1e-9 && Math.abs(ds) < 1e-9;
  el.textContent = same ? t('page.delta.same') : t('page.delta', { penalty: signed(dp), spread: signed(ds, 2) });
  el.className = 'delta' + (same ? '' : better ? ' better' : ' worse');
  el.title = t(same ? 'page.delta.same' : better ? 'page.delta.better' : 'page.delta.worse');
}

function sentence() {
  const s = status();
  const el = $('#sentence');
  if (!s) {
    el.textContent = '';
    return;
  }
  const gap = state.report ? num(state.report.gap * 100, 1) : '';
  let text = t(`status.${s}.sentence`, { gap });
  if (s === 'edited') text += ' ' + t('page.breaches.count', { n: state.evaluation.breaches.length });
  el.textContent = text;
}

function terms() {
  const o = objective();
  const el = $('#terms');
  if (!o) {
    el.innerHTML = '';
    return;
  }
  const item = (key, v) => `<span>${esc(t(key))}: <b>${v}</b></span>`;
  el.innerHTML = [
    item('term.same_state_pairs', num(o.same_state_pairs)),
    o.mixed_class_pairs ? item('term.mixed_class_pairs', num(o.mixed_class_pairs)) : '',
    item('term.non_bordering_pairs', num(o.non_bordering_pairs)),
    item('term.distance_km', num(o.distance_km)),
    state.report && status() !== 'edited' ? item('term.gap', `${num(state.report.gap * 100, 2)} %`) : '',
  ].join('');
}

function breaches() {
  const box = $('#breaches');
  const ev = state.evaluation;
  if (!ev || ev.valid) {
    box.hidden = true;
    box.innerHTML = '';
    return;
  }
  const list = ev.breaches.slice(0, 50).map((b) => `<li>${esc(breachText(b))}</li>`).join('');
  const more = ev.breaches.length > 50 ? `<li>${esc(t('page.breaches.more', { n: ev.breaches.length - 50 }))}</li>` : '';
  box.innerHTML = `<h3>${esc(t('page.breaches.title', { n: ev.breaches.length }))}</h3><ul>${list}${more}</ul><p class="why" id="why">${esc(state.why || '')}</p>`;
  box.hidden = false;
}

/** Redraws the scoreboard. */
export function render() {
  const s = status();
  const badge = $('#status');
  badge.textContent = s || '—';
  badge.dataset.status = s;
  badge.title = s ? t(`status.${s}`) : '';
  $('#score').textContent = scoreText(objective());
  $('.scoreboard').classList.toggle('empty', !objective());
  $('.score-label').textContent = t(lexicographic() ? 'page.score' : 'page.score.weighted');
  $('#score').title = lexicographic() ? t('page.score.hint') : t('page.score.hint.weighted');
  delta();
  sentence();
  terms();
  breaches();
}
