// The scoreboard: status word, score and its last change, the status in one
// sentence, the objective's terms in their units, and every broken rule in
// words (with the names of the municipalities involved).

import { t, has, lang } from './i18n.js';
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

/** A gap as the library words it for "at most … % below"
 * (`messages::percent`): rounded up, one decimal from 1 %, two below, and a
 * gap that is not zero never reads as 0. */
export function percent(gap) {
  const p = gap * 100;
  const places = p >= 1 ? 1 : 2;
  const scale = 10 ** places;
  return num(Math.max(Math.ceil(p * scale - 1e-6) / scale, 0.01), places);
}

// A lineup scored against the closed-form bounds only (a block's typed note
// of the library's key `solver.closed_form`): its gap is measured against
// simple bounds.
const CLOSED_FORM = 'solver.closed_form';

/** The catalogue key of the status's words, as `Report::status_sentence`
 * picks it: an evaluated lineup with no gap is proven best possible. */
function statusKey(s) {
  const r = state.report;
  if (s !== 'evaluated' || !r) return `status.${s}`;
  if (r.gap === 0) return 'status.optimal';
  const closed = (r.blocks || []).every((b) => (b.typed_notes || []).some((n) => n.key === CLOSED_FORM));
  return closed ? 'status.evaluated' : 'status.evaluated.bound';
}

function sentence() {
  const s = status();
  const el = $('#sentence');
  const says = $('#status-says');
  if (!s) {
    el.textContent = '';
    says.textContent = '';
    return;
  }
  const gap = state.report ? percent(state.report.gap) : '';
  const key = statusKey(s);
  let text = t(`${key}.sentence`, { gap });
  if (s === 'edited') text += ' ' + t('page.breaches.count', { n: state.evaluation.breaches.length });
  el.textContent = text;
  // Beside the badge: the same in a few words (the badge keeps the status word).
  says.textContent = t(`${key === 'status.evaluated.bound' ? 'status.evaluated' : key}.short`, { gap });
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

/** A library note (`messages::note::Note`, a block's `typed_notes`) in the
 * page's language, worded as `Note::text` words it: a block by its name, a
 * status by its word, decimals with the language's comma, nested notes in
 * their slots. */
export function noteText(n) {
  const args = {};
  for (const [k, v] of Object.entries(n.args || {})) {
    if (k === 'block') args[k] = blockName(v);
    else if (k === 'status') args[k] = has(`status.${v}`) ? t(`status.${v}`) : v;
    else if (n.key.startsWith('solver.') && COUNTS.includes(k) && /^[0-9]+$/.test(v)) args[k] = num(Number(v));
    else args[k] = lang() === 'de' && /^-?[0-9]*\.[0-9]+$/.test(v) ? v.replace('.', ',') : v;
  }
  for (const [k, inner] of Object.entries(n.nested || {})) args[k] = noteText(inner);
  return t(n.key, args);
}

// The solver notes' counts, grouped by thousands (`messages::note::COUNTS`).
const COUNTS = ['columns', 'exact', 'max', 'n', 'pairs', 'round', 'rounds'];

const blockName = (name) => (name === 'all classes' ? t('block.all_classes') : name);

// Notes that say where an evaluated lineup's bound comes from.
const SOURCES = ['bound.recorded', 'bound.solved', 'whatif.block.bound'];

/** What the solver did per block, as the command line shows it: whenever
 * the lineup is not proven optimal, or its bound comes from elsewhere. */
function blockNotes() {
  const box = $('#block-notes');
  const r = state.report;
  const s = status();
  const blocks = (r && r.blocks) || [];
  const sourced = blocks.some((b) => (b.typed_notes || []).some((n) => SOURCES.includes(n.key)));
  if (!blocks.length || s === 'edited' || (s === 'optimal' && !sourced)) {
    box.hidden = true;
    box.innerHTML = '';
    return;
  }
  const open = box.open;
  const items = blocks.map((b) => {
    const head = t('page.blocks.line', { block: blockName(b.name), members: num(b.members), status: t(`status.${b.status}`) });
    const notes = (b.typed_notes || []).map((n) => `<li>${esc(noteText(n))}</li>`).join('');
    return `<li><b>${esc(head)}</b>${notes ? `<ul>${notes}</ul>` : ''}</li>`;
  });
  box.innerHTML = `<summary>${esc(t('page.blocks.title'))}</summary><ul>${items.join('')}</ul>`;
  box.open = open;
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
  blockNotes();
  terms();
  breaches();
}
