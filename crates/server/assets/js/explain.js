// Why a municipality is where it is (the library's explain): its share of
// the score, its partners, and what moving it to each other cluster (alone
// or in exchange) would change, with the rules that forbid a move. After a
// move that breaks rules, the same table of the last valid lineup says why.

import { t } from './i18n.js';
import { $, esc, num, signed } from './dom.js';
import { post, form } from './api.js';
import { state, assignment, changed } from './state.js';
import * as settings from './settings.js';
import { move, swap } from './moves.js';

let seq = 0;
const cache = new Map();

/** A blocking rule in the page's language: the library's typed blocker
 * through the catalogue (`blocker.<rule>`), its fields as placeholders. */
export function blockerText(b) {
  const args = { ...b };
  if (Array.isArray(b.classes)) args.classes = b.classes.join(t('blocker.and'));
  return t(`blocker.${b.rule}`, args);
}

/** The rules that block a change, in the page's language. */
export function blockedBy(c) {
  if (c.blockers && c.blockers.length === c.blocked_by.length) return c.blockers.map(blockerText).join('; ');
  return c.blocked_by.join('; ');
}

/** The note of an explanation, in the page's language. */
function note(m) {
  if (m.other_classes) return t('explain.note.other_classes', { count: m.other_classes });
  return m.note || '';
}

function verdict(c) {
  if (c.blocked_by.length) return `<span class="blocked">${esc(t('page.explain.blocked'))}: ${esc(blockedBy(c))}</span>`;
  if (c.improves) return `<span class="better">${esc(t('page.explain.better'))}</span>`;
  return esc(t('page.explain.not_better'));
}

function rows(label, c, action) {
  return `<tr><td>${label}</td><td class="num">${signed(c.delta_penalty)}</td><td class="num">${signed(c.delta_spread, 2)}</td><td>${action}</td></tr>` +
    `<tr class="verdict"><td colspan="4">${verdict(c)}</td></tr>`;
}

function table(m, interactive) {
  const body = m.moves
    .map((mv) => {
      const act = interactive && !mv.alone.blocked_by.length ? `<button type="button" data-move="${esc(mv.to)}">${esc(t('page.explain.do_move'))}</button>` : '';
      let out = rows(`<b>${esc(mv.to)}</b>`, mv.alone, act);
      if (mv.best_swap) {
        const s = mv.best_swap;
        const swapAct = interactive && !s.change.blocked_by.length ? `<button type="button" data-swap="${esc(s.with)}">${esc(t('page.explain.do_swap'))}</button>` : '';
        out += rows(`&nbsp;&nbsp;${esc(t('page.explain.swap_with', { name: s.name }))}`, s.change, swapAct);
      }
      return out;
    })
    .join('');
  return `<table><thead><tr><th>${esc(t('page.explain.to'))}</th><th>${esc(t('term.penalty'))}</th><th>${esc(t('term.spread'))}</th><th></th></tr></thead><tbody>${body}</tbody></table>`;
}

function facts(m) {
  const list = (v) => (v.length ? v.join(', ') : t('page.explain.none'));
  const nearest = m.nearest ? `${m.nearest[0]} (${num(m.nearest[1])} km)` : '–';
  return `<h3>${esc(m.name)} <small>${esc(m.state)} · ${esc(m.cluster)}</small></h3>
  <p>${esc(t('page.explain.share', { penalty: num(m.penalty_share), spread: num(m.spread_share, 2) }))}<br>
  ${esc(t('page.explain.same_land'))}: ${esc(list(m.same_state_partners))}<br>
  ${esc(t('page.explain.bordering'))}: ${esc(list(m.bordering_partners))}<br>
  ${esc(t('page.explain.nearest'))}: ${esc(nearest)}</p>${note(m) ? `<p class="hint">${esc(note(m))}</p>` : ''}`;
}

async function fetchExplanation(lineup, id) {
  const key = JSON.stringify([lineup, id, settings.params('problem'), [...state.pins]]);
  if (cache.has(key)) return cache.get(key);
  const pairs = [...settings.params('problem'), ...settings.pinParams(), ['municipality', id]];
  const e = await post('/api/explain', pairs, form({ lineup }));
  if (cache.size > 50) cache.clear();
  cache.set(key, e);
  return e;
}

/** Shows the explanation of the focused municipality. */
export async function render() {
  const box = $('#explanation');
  const id = state.focus;
  const mine = ++seq;
  if (!id || !state.byId.has(id)) {
    box.innerHTML = `<p class="hint">${esc(t('page.explain.pick'))}</p>`;
    return;
  }
  const ev = state.evaluation;
  if (ev && state.evaluatedFor !== state.clusters) return; // the new score is on its way
  try {
    if (ev && !ev.valid) {
      // Why the edit breaks rules: the move as seen from the last valid lineup.
      const now = assignment().get(id);
      if (!state.lastValid) {
        box.innerHTML = `<p class="hint">${esc(t('page.explain.invalid'))}</p>`;
        return;
      }
      const e = await fetchExplanation(state.lastValid, id);
      if (mine !== seq) return;
      const m = e.municipalities[0];
      const mv = m && m.moves.find((x) => x.to === now);
      box.innerHTML = `<p class="hint">${esc(t('page.explain.from_valid'))}</p>${m ? facts(m) : ''}${m && m.moves.length ? table(m, false) : ''}`;
      let why = '';
      if (mv && mv.alone.blocked_by.length) {
        why = t('page.explain.why_blocked', { name: m.name, to: now, rules: blockedBy(mv.alone) });
      } else if (m && !mv && note(m)) {
        why = t('page.explain.why_note', { note: note(m) });
      }
      if (why !== state.why) {
        state.why = why;
        changed('view');
      }
      return;
    }
    if (state.why) {
      state.why = '';
      changed('view');
    }
    let m = ev && ev.explanation ? ev.explanation.municipalities.find((x) => x.id === id) : null;
    if (!m && state.clusters.length) {
      const e = await fetchExplanation({ clusters: state.clusters }, id);
      if (mine !== seq) return;
      m = e.municipalities[0];
    }
    if (!m) {
      box.innerHTML = `<p class="hint">${esc(t('page.explain.pick'))}</p>`;
      return;
    }
    box.innerHTML = facts(m) + (m.moves.length ? table(m, true) : '');
  } catch (err) {
    if (mine === seq) box.innerHTML = `<p class="hint">${esc(err.message)}</p>`;
  }
}

/** Wires the move and swap buttons of the table. */
export function wire() {
  $('#explanation').addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b || !state.focus) return;
    if (b.dataset.move) move(state.focus, b.dataset.move);
    if (b.dataset.swap) swap(state.focus, b.dataset.swap);
  });
}
