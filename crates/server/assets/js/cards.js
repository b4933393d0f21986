// The cluster cards: one per cluster with its members and metrics. Only
// cards whose content changed are redrawn; a large lineup is drawn over
// several frames so that the page stays responsive.

import { t } from './i18n.js';
import { $, esc, num } from './dom.js';
import { state, unplaced } from './state.js';

export const UNPLACED = '\u0000unplaced';
const PIN_SVG =
  '<svg viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M10.5 1.5l4 4-2 .8-2.6 2.6.3 3.1-1.2 1.2-3-3-3.5 3.5-.7-.7 3.5-3.5-3-3 1.2-1.2 3.1.3L9.7 3.5z"/></svg>';

/** The colour class of the i-th cluster (the map uses the same order). */
export const colourClass = (i) => `k${i % 12}`;

const elements = new Map(); // cluster id → {el, sig}
let renderToken = 0;

/** Metrics of a cluster: from the last evaluation, else the last report. */
export function metricsOf(id) {
  const ev = state.evaluation;
  const c = ev ? ev.clusters.find((x) => x.id === id) : null;
  if (c) return { size_class: c.size_class, m: c.metrics };
  const r = state.report && state.report.clusters.find((x) => x.id === id);
  return r ? { size_class: r.size_class, m: r.metrics } : null;
}

/** Clusters named by a broken rule. */
export function brokenClusters() {
  const set = new Set();
  const ev = state.evaluation;
  if (ev && !ev.valid) for (const b of ev.breaches) if (b.cluster) set.add(b.cluster);
  return set;
}

function memberHtml(id) {
  const r = state.byId.get(id);
  if (!r) return '';
  const pinned = state.pins.has(id);
  const mark = state.marks.get(id);
  const cls = ['member'];
  if (state.selected === id) cls.push('selected');
  if (state.focus === id) cls.push('focus');
  const markHtml = mark ? `<span class="mark ${mark}">${esc(t(`page.mark.${mark}`))}</span>` : '<span></span>';
  return `<li class="${cls.join(' ')}" data-testid="member" data-id="${esc(id)}" draggable="true" tabindex="0" aria-selected="${state.selected === id}">` +
    `<span class="name">${esc(r.name)}</span>${markHtml}` +
    `<span class="land" title="${esc(r.state)}">${esc(abbr(r.state))}</span>` +
    `<span class="pop">${num(r.population)}</span>` +
    `<span><button type="button" class="pin" aria-pressed="${pinned}" title="${esc(t(pinned ? 'page.pin.release' : 'page.pin.fix'))}">${PIN_SVG}</button>` +
    `<button type="button" class="remove" title="${esc(t('page.member.remove'))}">×</button></span></li>`;
}

function metricsHtml(id) {
  const x = metricsOf(id);
  if (!x) return '';
  const m = x.m;
  const same = m.same_state_pairs ? ` class="bad"` : '';
  const mixed = m.mixed_class_pairs ? ` · <span class="bad">${esc(t('page.card.mixed', { n: m.mixed_class_pairs }))}</span>` : '';
  return `<span class="metrics">${esc(t('page.card.size', { n: m.size }))} · ${esc(t('page.card.lands', { n: m.distinct_states }))} · <span${same}>${esc(t('page.card.same', { n: m.same_state_pairs }))}</span>${mixed} · ${esc(t('page.card.mean', { km: num(m.mean_distance_km) }))}</span>`;
}

function cardHtml(c, i, broken) {
  const x = metricsOf(c.id);
  const cls = c.id === UNPLACED ? 'unplaced' : colourClass(i);
  const title = c.id === UNPLACED ? t('page.card.unplaced') : c.id;
  const classes = ['card', cls];
  if (broken) classes.push('broken');
  if (state.hot === c.id) classes.push('hot');
  return `<article class="${classes.join(' ')}" data-testid="cluster" data-cluster-id="${esc(c.id)}">` +
    `<header><button type="button" class="target${state.selected ? ' armed' : ''}" title="${esc(t('page.card.target'))}">${esc(title)}</button>` +
    `<span class="cls">${esc(x ? x.size_class : '')}</span>${c.id === UNPLACED ? '' : metricsHtml(c.id)}</header>` +
    `<ol class="members">${c.members.map(memberHtml).join('')}</ol></article>`;
}

function signature(c, i, broken) {
  const x = metricsOf(c.id);
  const parts = [i % 12, broken, state.hot === c.id, !!state.selected, x ? JSON.stringify(x) : '', t('page.card.size', { n: 0 })];
  for (const id of c.members) {
    parts.push(id, state.pins.has(id), state.marks.get(id) || '', state.selected === id, state.focus === id);
  }
  return parts.join('|');
}

/** The clusters to show: the lineup, plus a card for unplaced members. */
export function shownClusters() {
  const list = state.clusters.slice();
  const rest = unplaced();
  if (rest.length && (list.length || state.input)) list.push({ id: UNPLACED, members: rest });
  return list;
}

/** Draws the cards that changed. */
export function render() {
  const box = $('#cards');
  const list = shownClusters();
  const broken = brokenClusters();
  const token = ++renderToken;
  const keep = new Set(list.map((c) => c.id));
  for (const [id, e] of elements) {
    if (!keep.has(id)) {
      e.el.remove();
      elements.delete(id);
    }
  }
  let i = 0;
  const step = () => {
    if (token !== renderToken) return;
    const until = Math.min(list.length, i + (i === 0 ? 120 : 250));
    let prev = i > 0 ? elements.get(list[i - 1].id)?.el : null;
    for (; i < until; i++) {
      const c = list[i];
      const sig = signature(c, i, broken.has(c.id));
      let e = elements.get(c.id);
      if (!e || e.sig !== sig) {
        const tpl = document.createElement('template');
        tpl.innerHTML = cardHtml(c, i, broken.has(c.id));
        const el = tpl.content.firstElementChild;
        if (e) e.el.replaceWith(el);
        e = { el, sig };
        elements.set(c.id, e);
      }
      const want = prev ? prev.nextElementSibling : box.firstElementChild;
      if (want !== e.el) box.insertBefore(e.el, want);
      prev = e.el;
    }
    if (i < list.length) requestAnimationFrame(step);
  };
  step();
}

/** Forgets every card (language change, new list). */
export function reset() {
  elements.clear();
  $('#cards').innerHTML = '';
}

/** Scrolls a cluster's card into view. */
export function reveal(clusterId) {
  const e = elements.get(clusterId);
  if (e) e.el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

const ABBR = {
  'Schleswig-Holstein': 'SH', Hamburg: 'HH', Niedersachsen: 'NI', Bremen: 'HB', 'Nordrhein-Westfalen': 'NW',
  Hessen: 'HE', 'Rheinland-Pfalz': 'RP', 'Baden-Württemberg': 'BW', Bayern: 'BY', Saarland: 'SL', Berlin: 'BE',
  Brandenburg: 'BB', 'Mecklenburg-Vorpommern': 'MV', Sachsen: 'SN', 'Sachsen-Anhalt': 'ST', 'Thüringen': 'TH',
};
/** The two-letter abbreviation of a Land's name. */
export const abbr = (name) => ABBR[name] || name;
