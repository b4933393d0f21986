// What-if (municipalities joined or left: re-solve keeping the lineup as far
// as possible, marking who joined and who moved) and alternatives (several
// good lineups; flip between them and see who sits elsewhere).

import { t } from './i18n.js';
import { $, num, notice } from './dom.js';
import { form } from './api.js';
import { state, changed, remember, takeReport } from './state.js';
import * as settings from './settings.js';
import { runJob } from './solve.js';
import { rescore } from './moves.js';

/** The current lineup as a baseline: clusters with their members' data,
 * and the members taken off the list where they were (so they "leave"). */
function baseline() {
  const data = (id, r) => ({ id, name: r.name, state: r.state, population: r.population, lat: r.lat, lon: r.lon });
  return {
    clusters: state.clusters.map((c) => ({
      id: c.id,
      members: [
        ...c.members.map((id) => data(id, state.byId.get(id) || {})),
        ...[...state.left].filter(([, l]) => l.cluster === c.id).map(([id, l]) => data(id, l.row)),
      ],
    })),
  };
}

/** A typed note of the library ({key, args}) in the page's language. */
const said = (n) => t(n.key, n.args);

/** What keeping members in place costs and the setting measured to win
 * most of it back (the library's `diff.stability_cost`), as lines. */
function stabilityCost(d) {
  const c = d.stability_cost;
  if (!c || !d.objective_free) return [];
  const a = d.objective_after;
  const f = d.objective_free;
  const out = [c.in_penalty
    ? t('stability.costly.penalty', { penalty: num(a.penalty, 2), free_penalty: num(f.penalty, 2) })
    : t('stability.costly.spread', { spread: num(a.spread, 2), free_spread: num(f.spread, 2) })];
  const r = c.recommended !== null && c.recommended !== undefined ? c.tried[c.recommended]
    : c.tried.reduce((x, y) => (!x || y.recovered > x.recovered ? y : x), null);
  if (!r) return out;
  const s = r.setting;
  const setting = 'max_moves' in s ? t('stability.setting.max_moves', { n: s.max_moves })
    : t('stability.setting.weight', { w: num(s.weight, 2) });
  out.push(t(c.recommended !== null && c.recommended !== undefined ? 'stability.recommend' : 'stability.none_enough', {
    setting, share: num(r.recovered * 100), penalty: num(r.objective.penalty, 2),
    spread: num(r.objective.spread, 2), moves: r.moves,
  }));
  return out;
}

/** Re-solves after joining and leaving, moving as few members as possible. */
export async function whatif() {
  const pairs = [...settings.params('problem'), ...settings.params('run'), ...settings.pinParams()];
  const w = await runJob('whatif', '/api/whatif', pairs, form({ baseline: baseline() }));
  if (!w) return;
  remember();
  takeReport(w, 'whatif');
  state.marks = new Map();
  for (const j of w.diff.joined) state.marks.set(j.id, 'joined');
  for (const m of w.diff.moved) state.marks.set(m.id, 'moved');
  state.alternatives = null;
  const lines = [t('page.whatif.done', { joined: w.diff.joined.length, moved: w.diff.moved.length, left: w.diff.left.length }),
    ...w.diff.notes.map(said), ...stabilityCost(w.diff)];
  notice(lines.join('\n'));
  changed('lineup');
  rescore();
}

/** Computes alternatives and shows the first. */
export async function alternatives() {
  const k = $('#alt-count').value || '3';
  const pairs = [...settings.params('problem'), ...settings.params('run'), ...settings.pinParams(), ['k', k]];
  const a = await runJob('alternatives', '/api/alternatives', pairs, form());
  if (!a) return;
  state.alternatives = a;
  if (a.note) notice(said(a.note));
  show(0);
}

/** For each member of `b`: whether its cluster-mates differ from those in `a`. */
function differs(a, b) {
  const clusterOf = new Map();
  a.clusters.forEach((c, i) => c.members.forEach((m) => clusterOf.set(m.id, i)));
  const out = new Set();
  for (const c of b.clusters) {
    const count = new Map();
    for (const m of c.members) count.set(clusterOf.get(m.id), (count.get(clusterOf.get(m.id)) || 0) + 1);
    const best = [...count].sort((x, y) => y[1] - x[1])[0];
    for (const m of c.members) if (!best || clusterOf.get(m.id) !== best[0]) out.add(m.id);
  }
  return out;
}

/** Shows alternative i (0-based). */
export function show(i) {
  const a = state.alternatives;
  if (!a || !a.lineups.length) return;
  const n = a.lineups.length;
  state.altIndex = ((i % n) + n) % n;
  const l = a.lineups[state.altIndex];
  remember();
  takeReport(l, 'alternative');
  state.marks = new Map();
  if (state.altIndex > 0) for (const id of differs(a.lineups[0], l)) state.marks.set(id, 'differs');
  const gap = num(l.gap_to_best * 100, 2);
  $('#alt-label').textContent = t('page.alt.label', { i: state.altIndex + 1, n, gap, d: l.differs_from_earlier.length ? l.differs_from_earlier[0] : 0 });
  changed('lineup');
  rescore();
}

/** Wires the flip buttons. */
export function wire() {
  $('#alt-prev').addEventListener('click', () => show(state.altIndex - 1));
  $('#alt-next').addEventListener('click', () => show(state.altIndex + 1));
}
