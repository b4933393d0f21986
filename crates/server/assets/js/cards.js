// The cluster cards: one per cluster with its members and metrics. Only
// cards whose content changed are redrawn; a large lineup is drawn over
// several frames so that the page stays responsive.

import { t } from './i18n.js';
import { $, esc, num } from './dom.js';
import { state, unplaced } from './state.js';
import { colourClass } from './palette.js';

export const UNPLACED = '\u0000unplaced';
const PIN_SVG =
  '<svg viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M10.5 1.5l4 4-2 .8-2.6 2.6.3 3.1-1.2 1.2-3-3-3.5 3.5-.7-.7 3.5-3.5-3-3 1.2-1.2 3.1.3L9.7 3.5z"/></svg>';


const elements = new Map(); // cluster id → {el, sig}
let renderToken = 0;
/** New cards a frame at most. */
const MADE = 8;

let metricsFrom = null;
let metricsById = new Map();

/** Metrics of a cluster: from the last evaluation, else the last report. */
export function metricsOf(id) {
  const source = state.evaluation || state.report;
  if (source !== metricsFrom) {
    metricsFrom = source;
    metricsById = new Map((source ? source.clusters : []).map((c) => [c.id, { size_class: c.size_class, m: c.metrics }]));
  }
  return metricsById.get(id) || null;
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

function cardHtml(c, broken) {
  const x = metricsOf(c.id);
  const cls = c.id === UNPLACED ? 'unplaced' : colourClass(c.id);
  const title = c.id === UNPLACED ? t('page.card.unplaced') : c.id;
  const classes = ['card', cls];
  if (broken) classes.push('broken');
  if (state.hot === c.id) classes.push('hot');
  return `<article class="${classes.join(' ')}" data-testid="cluster" data-cluster-id="${esc(c.id)}">` +
    `<header><button type="button" class="target" title="${esc(t('page.card.target'))}">${esc(title)}</button>` +
    `<span class="cls">${esc(x ? x.size_class : '')}</span>${c.id === UNPLACED ? '' : metricsHtml(c.id)}</header>` +
    `<ol class="members">${c.members.slice(0, 200).map(memberHtml).join('')}</ol>` +
    (c.members.length > 200 ? `<p class="hint">${esc(t('page.load.more_rows', { count: num(c.members.length - 200) }))}</p>` : '') +
    '</article>';
}

function signature(c, broken) {
  const x = metricsOf(c.id);
  const m = x ? x.m : null;
  const parts = [broken, state.hot === c.id, x ? x.size_class : '', m ? `${m.size}/${m.distinct_states}/${m.same_state_pairs}/${m.mixed_class_pairs}/${m.mean_distance_km}` : ''];
  for (const id of c.members) {
    parts.push(id, state.pins.has(id), state.marks.get(id) || '', state.selected === id, state.focus === id);
  }
  return parts.join('|');
}

/** The clusters to show: the lineup, plus a card for members in none
 * (joined since the last solve; before any solve the map shows them). */
export function shownClusters() {
  const list = state.clusters.slice();
  const rest = list.length ? unplaced() : [];
  if (rest.length) list.push({ id: UNPLACED, members: rest });
  return list;
}

/** Cards on one page: a large lineup is shown a page at a time (the map shows all). */
export const PAGE = 120;
let page = 0;

function pageBar(total) {
  const bar = $('#card-pages');
  if (total <= PAGE) {
    bar.hidden = true;
    return;
  }
  const pages = Math.ceil(total / PAGE);
  page = Math.min(page, pages - 1);
  bar.hidden = false;
  $('#page-label').textContent = t('page.cards.page', {
    from: num(page * PAGE + 1),
    to: num(Math.min(total, (page + 1) * PAGE)),
    total: num(total),
  });
  $('#page-prev').disabled = page === 0;
  $('#page-next').disabled = page >= pages - 1;
}

/** Turns the page by `delta`. */
export function turn(delta) {
  page = Math.max(0, page + delta);
  render();
  $('#cards').scrollIntoView({ block: 'start' });
}

/** The clusters on the map: the lineup, and every member in none (grey). */
export function mapClusters() {
  const rest = unplaced();
  return rest.length ? [...state.clusters, { id: UNPLACED, members: rest }] : state.clusters;
}

/** Draws the cards that changed, a few milliseconds per frame. */
export function render() {
  const box = $('#cards');
  box.classList.toggle('armed', !!state.selected);
  const all = shownClusters();
  pageBar(all.length);
  const list = all.length > PAGE ? all.slice(page * PAGE, (page + 1) * PAGE) : all;
  const broken = brokenClusters();
  const token = ++renderToken;
  const keep = new Set(list.map((c) => c.id));
  const gone = [...elements.keys()].filter((id) => !keep.has(id));
  if (gone.length && gone.length === elements.size) {
    // A new page of cards: one removal instead of one per card.
    box.replaceChildren();
    elements.clear();
  } else {
    for (const id of gone) {
      elements.get(id).el.remove();
      elements.delete(id);
    }
  }
  let i = 0;
  let fresh = [];
  const step = () => {
    if (token !== renderToken) return;
    // Cards drawn in the last frame are laid out now: from here on the
    // browser may skip them while they are off screen (style.css).
    for (const el of fresh) el.classList.add('settled');
    fresh = [];
    const start = performance.now();
    let made = 0;
    let prev = i > 0 ? elements.get(list[i - 1].id)?.el : null;
    // Small batches, a few milliseconds and at most MADE cards a frame (the
    // browser's style and layout of new cards come on top): no frame waits
    // long for the cards (a page of 120 is drawn over a few frames).
    while (i < list.length && made < MADE && performance.now() - start < 6) {
      // Cards to (re)draw in this batch: parsed in one go.
      const batch = [];
      let until = i;
      for (; until < list.length && batch.length < 4 && until < i + 16; until++) {
        const c = list[until];
        const sig = signature(c, broken.has(c.id));
        const e = elements.get(c.id);
        if (!e || e.sig !== sig) batch.push([c, until, sig]);
      }
      if (batch.length) {
        made += batch.length;
        const tpl = document.createElement('template');
        tpl.innerHTML = batch.map(([c]) => cardHtml(c, broken.has(c.id))).join('');
        const cards = [...tpl.content.children];
        batch.forEach(([c, , sig], k) => {
          const old = elements.get(c.id);
          if (old) old.el.replaceWith(cards[k]);
          elements.set(c.id, { el: cards[k], sig });
        });
        fresh.push(...cards);
      }
      for (; i < until; i++) {
        const el = elements.get(list[i].id).el;
        const want = prev ? prev.nextElementSibling : box.firstElementChild;
        if (want !== el) box.insertBefore(el, want);
        prev = el;
      }
    }
    if (i < list.length || fresh.length) requestAnimationFrame(step);
  };
  // In the next frame: however often render() is called before it, one
  // chain of steps (the last) draws, so no frame gets two batches.
  requestAnimationFrame(step);
}

/** Forgets every card (language change, new list). */
export function reset() {
  elements.clear();
  $('#cards').innerHTML = '';
}

/** Shows a cluster's card: turns to its page and scrolls it into view. */
export function reveal(clusterId) {
  const at = shownClusters().findIndex((c) => c.id === clusterId);
  if (at >= 0 && Math.floor(at / PAGE) !== page) {
    page = Math.floor(at / PAGE);
    render();
  }
  // Once its card is drawn (a page is drawn over a few frames).
  const show = (frames) => {
    const e = elements.get(clusterId);
    if (e) e.el.scrollIntoView({ block: 'nearest' });
    else if (frames > 0) requestAnimationFrame(() => show(frames - 1));
  };
  requestAnimationFrame(() => show(120));
}

let index = { clusters: null, byId: null, members: [], ids: new Map() };

/** Every member's folded name in card order, and the clusters' ids: built
 * once per lineup, so that the finder does not fold 10 794 names a query. */
function findIndex() {
  if (index.clusters !== state.clusters || index.byId !== state.byId) {
    const list = shownClusters();
    const members = [];
    list.forEach((c, k) => {
      for (const id of c.members) members.push({ id, name: (state.byId.get(id)?.name || '').toLowerCase(), k, cluster: c.id });
    });
    index = { clusters: state.clusters, byId: state.byId, members, ids: new Map(list.map((c, k) => [c.id.toLowerCase(), k])) };
  }
  return index;
}

/** Finds a cluster by its id or a member's name (or AGS) and shows it: the
 * first card (in card order) that is named so or holds such a member. */
export function find(text) {
  const q = text.trim().toLowerCase();
  if (!q) return false;
  const { members, ids } = findIndex();
  const member = members.find((m) => m.id === q || m.name.startsWith(q));
  const k = ids.get(q);
  let cluster;
  if (member && (k === undefined || member.k <= k)) {
    state.focus = member.id;
    cluster = member.cluster;
  } else if (k !== undefined) {
    cluster = shownClusters()[k].id;
  } else {
    return false;
  }
  state.hot = cluster;
  reveal(cluster);
  return true;
}

const ABBR = {
  'Schleswig-Holstein': 'SH', Hamburg: 'HH', Niedersachsen: 'NI', Bremen: 'HB', 'Nordrhein-Westfalen': 'NW',
  Hessen: 'HE', 'Rheinland-Pfalz': 'RP', 'Baden-Württemberg': 'BW', Bayern: 'BY', Saarland: 'SL', Berlin: 'BE',
  Brandenburg: 'BB', 'Mecklenburg-Vorpommern': 'MV', Sachsen: 'SN', 'Sachsen-Anhalt': 'ST', 'Thüringen': 'TH',
};
/** The two-letter abbreviation of a Land's name. */
export const abbr = (name) => ABBR[name] || name;
