// Adjusting by hand: drag a member onto another cluster card (onto a member
// with Shift held: swap the two), or pick a member up with a click or Enter
// and put it down on another card (move) or member (swap). Every change is
// undoable and re-scored by the server at once.

import { t } from './i18n.js';
import { $, showError } from './dom.js';
import { post, lineupForm } from './api.js';
import { state, changed, remember, assignment, lineupJson, setInput } from './state.js';
import { UNPLACED } from './cards.js';
import * as settings from './settings.js';

let seq = 0;
let lastObjective = null;

/** The objective shown before the last change (for the score's change). */
export const previousObjective = () => lastObjective;

/**
 * Scores the current lineup on the server: score, broken rules, and the
 * explanation of `explain` (ids). Late answers of older edits are dropped.
 */
export async function rescore(explain = []) {
  if (!state.input || !state.clusters.length) return;
  const mine = ++seq;
  const clusters = state.clusters;
  const pairs = [...settings.params('problem'), ...settings.pinParams(), ...explain.map((id) => ['municipality', id])];
  try {
    const ev = await post('/api/evaluate', pairs, lineupForm());
    if (mine !== seq) return;
    state.evaluation = ev;
    state.evaluatedFor = clusters;
    if (ev.valid) {
      state.lastValid = lineupJson();
      const untouched = [...assignment()].every(([id, c]) => state.solvedAt.get(id) === c) && assignment().size === state.solvedAt.size;
      if (!untouched || !state.report) state.report = ev.report;
    }
    changed('evaluation');
  } catch (e) {
    if (mine !== seq) return;
    settings.markInvalid(e.message);
    showError(e, 'page.evaluate.error');
  }
}

function commitEdit(focusId) {
  state.origin = 'edit';
  state.selected = null;
  state.focus = focusId;
  changed('lineup');
  rescore(focusId ? [focusId] : []);
}

function remember_() {
  const ev = state.evaluation;
  lastObjective = ev ? ev.objective : state.report ? state.report.objective : null;
  remember();
}

/** Moves a member to another cluster. */
export function move(id, to) {
  const from = assignment().get(id);
  if (from === to || to === UNPLACED) return;
  remember_();
  state.clusters = state.clusters.map((c) => {
    if (c.id === from) return { id: c.id, members: c.members.filter((m) => m !== id) };
    if (c.id === to) return { id: c.id, members: ordered([...c.members, id]) };
    return c;
  });
  commitEdit(id);
}

/** Exchanges two members of different clusters. */
export function swap(a, b) {
  const where = assignment();
  const ca = where.get(a);
  const cb = where.get(b);
  if (!ca || !cb || ca === cb) return;
  remember_();
  state.clusters = state.clusters.map((c) => {
    if (c.id === ca) return { id: c.id, members: ordered(c.members.map((m) => (m === a ? b : m))) };
    if (c.id === cb) return { id: c.id, members: ordered(c.members.map((m) => (m === b ? a : m))) };
    return c;
  });
  commitEdit(a);
}

/** Members in list order (as the reports give them). */
function ordered(ids) {
  const index = new Map(state.input.rows.map((r, i) => [r.id, i]));
  return ids.sort((x, y) => index.get(x) - index.get(y));
}

/** Fixes a member to its cluster, or releases it. */
export function togglePin(id) {
  const c = assignment().get(id);
  remember_();
  if (state.pins.has(id)) state.pins.delete(id);
  else if (c) state.pins.set(id, c);
  changed('lineup');
  rescore();
}

/** Takes a member off the list (it leaves; a what-if re-solves). */
export function remove(id) {
  const r = state.byId.get(id);
  if (!r || !window.confirm(t('page.member.remove.confirm', { name: r.name }))) return;
  remember_();
  const from = assignment().get(id);
  if (from) state.left = new Map([...state.left, [id, { row: r, cluster: from }]]);
  state.clusters = state.clusters.map((c) => ({ id: c.id, members: c.members.filter((m) => m !== id) }));
  state.pins.delete(id);
  setInput({ ...state.input, rows: state.input.rows.filter((x) => x.id !== id) });
  commitEdit(null);
  changed('input');
}

function cardOf(el) {
  return el && el.closest('[data-testid="cluster"]');
}

function memberOf(el) {
  return el && el.closest('[data-testid="member"]');
}

/** A click or Enter on the cards. */
function activate(target) {
  const member = memberOf(target);
  const card = cardOf(target);
  if (target.closest('.pin') && member) return togglePin(member.dataset.id);
  if (target.closest('.remove') && member) return remove(member.dataset.id);
  if (member) {
    const id = member.dataset.id;
    if (state.selected && state.selected !== id) {
      const a = assignment();
      if (a.get(state.selected) !== a.get(id)) return swap(state.selected, id);
    }
    state.selected = state.selected === id ? null : id;
    state.focus = id;
    changed('view');
    return undefined;
  }
  if (card && target.closest('.target')) {
    const to = card.dataset.clusterId;
    if (state.selected) return move(state.selected, to);
    state.hot = state.hot === to ? null : to;
    changed('view');
  }
  return undefined;
}

/** Wires clicks, keys and drag-and-drop on the card area. */
export function wire() {
  const box = $('#cards');
  box.addEventListener('click', (e) => activate(e.target));
  box.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && (memberOf(e.target) || e.target.closest('.target'))) {
      if (e.target.closest('.pin, .remove')) return;
      e.preventDefault();
      activate(e.target);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.selected) {
      state.selected = null;
      changed('view');
    }
  });
  let dragged = null;
  box.addEventListener('dragstart', (e) => {
    const m = memberOf(e.target);
    if (!m) return;
    dragged = m.dataset.id;
    e.dataTransfer.setData('text/plain', dragged);
    e.dataTransfer.effectAllowed = 'move';
    m.classList.add('dragging');
  });
  box.addEventListener('dragend', (e) => {
    const m = memberOf(e.target);
    if (m) m.classList.remove('dragging');
    for (const c of box.querySelectorAll('.card.drop')) c.classList.remove('drop');
    dragged = null;
  });
  box.addEventListener('dragover', (e) => {
    const card = cardOf(e.target);
    if (!dragged || !card || card.dataset.clusterId === UNPLACED) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    for (const c of box.querySelectorAll('.card.drop')) if (c !== card) c.classList.remove('drop');
    card.classList.add('drop');
  });
  box.addEventListener('drop', (e) => {
    const card = cardOf(e.target);
    const id = dragged || e.dataTransfer.getData('text/plain');
    if (!card || !id) return;
    e.preventDefault();
    card.classList.remove('drop');
    const onto = memberOf(e.target);
    if (e.shiftKey && onto && onto.dataset.id !== id) swap(id, onto.dataset.id);
    else move(id, card.dataset.clusterId);
  });
}
