// The map: Länder outlines (BKG) in a Lambert conformal conic projection,
// members as markers in their cluster's colour and shape (by cluster id, as
// the command line's maps). Drawn on a canvas, so that the
// whole register (10 794 dots) stays fast; hover shows a name and lights up
// its cluster, a click explains the municipality.

import { $, esc, perFrame } from './dom.js';
import { get } from './api.js';
import { state, changed } from './state.js';
import { mapClusters, UNPLACED, reveal } from './cards.js';
import { styleOf, trace } from './palette.js';

const RAD = Math.PI / 180;
const P1 = 48.67 * RAD;
const P2 = 53.67 * RAD;
const P0 = 51 * RAD;
const L0 = 10.5 * RAD;
const N = Math.log(Math.cos(P1) / Math.cos(P2)) / Math.log(Math.tan(Math.PI / 4 + P2 / 2) / Math.tan(Math.PI / 4 + P1 / 2));
const F = (Math.cos(P1) * Math.tan(Math.PI / 4 + P1 / 2) ** N) / N;
const R0 = F / Math.tan(Math.PI / 4 + P0 / 2) ** N;

/** Lambert conformal conic: (lon, lat) in degrees → plane (north up). */
function project(lon, lat) {
  const r = F / Math.tan(Math.PI / 4 + (lat * RAD) / 2) ** N;
  const a = N * (lon * RAD - L0);
  return [r * Math.sin(a), -(R0 - r * Math.cos(a))];
}

let rings = [];
let bounds = null;
let fit = null;
let dots = [];
let grid = new Map();
let hover = null;
const CELL = 16;

let outlines = null;
/** Starts fetching the outlines (while the catalogue loads). */
export function prefetch() {
  outlines = outlines || get('/api/outlines');
}

/** Loads the outlines. */
export async function init() {
  prefetch();
  const o = await outlines;
  rings = o.rings.map((r) => ({ land: r.land, pts: r.points.map(([lon, lat]) => project(lon, lat)) }));
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) for (const [x, y] of r.pts) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  bounds = { x0, y0, x1, y1 };
  $('#attribution').textContent = o.attribution.join(' · ');
  const canvas = $('#map');
  // The canvas's size as the browser last laid it out: reading clientWidth
  // while drawing would force a layout of everything changed since (a page
  // of new cards).
  new ResizeObserver((entries) => {
    const box = entries[entries.length - 1].contentRect;
    shown = { w: box.width, h: box.height };
    draw();
  }).observe(canvas);
  canvas.addEventListener('mousemove', onMove);
  canvas.addEventListener('mouseleave', () => setHover(null));
  canvas.addEventListener('click', onClick);
}

function radius(n) {
  if (n <= 60) return 6;
  if (n <= 200) return 4.5;
  if (n <= 1000) return 3;
  return 1.7;
}

let shown = { w: 0, h: 0 };

function fitTo(w, h) {
  const pad = 12;
  const s = Math.min((w - 2 * pad) / (bounds.x1 - bounds.x0), (h - 2 * pad) / (bounds.y1 - bounds.y0));
  const ox = (w - s * (bounds.x1 - bounds.x0)) / 2;
  const oy = (h - s * (bounds.y1 - bounds.y0)) / 2;
  return { w, h, px: ([x, y]) => [ox + s * (x - bounds.x0), oy + s * (y - bounds.y0)] };
}

function layer(fit, dpr) {
  const c = document.createElement('canvas');
  c.width = Math.round(fit.w * dpr);
  c.height = Math.round(fit.h * dpr);
  const g = c.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  return [c, g];
}

/** The Länder, drawn once per size. */
function outlineLayer(fit, dpr) {
  const [c, g] = layer(fit, dpr);
  g.beginPath();
  for (const r of rings) {
    r.pts.forEach((p, i) => {
      const [x, y] = fit.px(p);
      if (i) g.lineTo(x, y); else g.moveTo(x, y);
    });
    g.closePath();
  }
  g.fillStyle = '#e7ecf1';
  g.fill('evenodd');
  g.strokeStyle = '#9aa6b2';
  g.lineWidth = 0.8;
  g.stroke();
  return c;
}

/**
 * Every member as a dot, drawn once per lineup, and the hover index: a few
 * milliseconds per frame, so that the whole register (10 794 dots) does not
 * hold up a frame; `more()` says whether it is still drawing.
 */
function dotLayer(fit, dpr, clusters, r) {
  dots = [];
  grid = new Map();
  const [canvas, g] = layer(fit, dpr);
  // Markers of a small lineup get a dark rim, as on the command line's map.
  g.strokeStyle = '#1a1a1a';
  g.lineWidth = r >= 3 ? 0.8 : 0;
  let next = 0;
  const slice = () => {
    const start = performance.now();
    // One path per colour and shape within a slice: a few fills per frame.
    while (next < clusters.length && performance.now() - start < 6) {
      const byStyle = new Map();
      for (let k = 0; k < 64 && next < clusters.length; k++, next++) {
        const c = clusters[next];
        const style = c.id === UNPLACED ? { colour: '#8a8a8a', shape: 'circle' } : styleOf(c.id);
        const { colour, shape } = style;
        const key = `${colour} ${shape}`;
        if (!byStyle.has(key)) byStyle.set(key, { colour, shape, list: [] });
        const list = byStyle.get(key).list;
        for (const id of c.members) {
          const m = state.byId.get(id);
          if (!m) continue;
          const [x, y] = fit.px(project(m.lon, m.lat));
          const dot = { x, y, id, cluster: c.id, colour, shape };
          dots.push(dot);
          const cell = `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
          if (!grid.has(cell)) grid.set(cell, []);
          grid.get(cell).push(dot);
          list.push(dot);
        }
      }
      for (const { colour, shape, list } of byStyle.values()) {
        g.fillStyle = colour;
        g.beginPath();
        for (const d of list) trace(g, shape, d.x, d.y, r);
        g.fill();
        if (r >= 3) g.stroke();
      }
    }
    if (next < clusters.length || r < 3) return;
    g.lineWidth = 2;
    for (const d of dots) {
      const mark = state.marks.get(d.id);
      if (!mark) continue;
      g.strokeStyle = mark === 'joined' ? '#1f7a3a' : mark === 'moved' ? '#c98f00' : '#0b5cad';
      g.beginPath();
      g.arc(d.x, d.y, r + 3, 0, 2 * Math.PI);
      g.stroke();
    }
  };
  return { canvas, slice, more: () => next < clusters.length };
}

const cache = { size: '', outline: null, lineup: null, dots: null };

function drawNow() {
  const canvas = $('#map');
  if (!bounds || !shown.w) return;
  const dpr = window.devicePixelRatio || 1;
  fit = fitTo(shown.w, shown.h);
  const size = `${fit.w}x${fit.h}@${dpr}`;
  if (canvas.width !== Math.round(fit.w * dpr) || canvas.height !== Math.round(fit.h * dpr)) {
    canvas.width = Math.round(fit.w * dpr);
    canvas.height = Math.round(fit.h * dpr);
  }
  const clusters = mapClusters();
  const n = clusters.reduce((s, c) => s + c.members.length, 0);
  const r = radius(n);
  if (cache.size !== size) {
    cache.size = size;
    cache.outline = outlineLayer(fit, dpr);
    cache.lineup = null;
  }
  const lineup = [state.clusters, state.byId, state.marks, n];
  if (!cache.lineup || cache.lineup.some((x, i) => x !== lineup[i])) {
    cache.lineup = lineup;
    cache.dots = dotLayer(fit, dpr, clusters, r);
  }
  if (cache.dots.more()) {
    cache.dots.slice();
    // The rest in the next frames.
    if (cache.dots.more()) draw();
  }
  const g = canvas.getContext('2d');
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.drawImage(cache.outline, 0, 0);
  const hot = hover ? hover.cluster : state.hot;
  g.globalAlpha = hot ? 0.25 : 1;
  g.drawImage(cache.dots.canvas, 0, 0);
  g.globalAlpha = 1;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (hot) drawCluster(g, dots.filter((d) => d.cluster === hot), Math.max(r, 5));
  const focus = state.focus ? dots.find((d) => d.id === state.focus) : null;
  if (focus) {
    g.strokeStyle = '#14202b';
    g.lineWidth = 2.5;
    g.beginPath();
    g.arc(focus.x, focus.y, Math.max(r, 5) + 4, 0, 2 * Math.PI);
    g.stroke();
  }
  canvas.setAttribute('aria-label', `${clusters.length} clusters, ${n} municipalities`);
}

function drawCluster(g, list, r) {
  if (!list.length) return;
  const colour = list[0].colour;
  if (list.length <= 12) {
    g.strokeStyle = colour;
    g.globalAlpha = 0.55;
    g.lineWidth = 1.5;
    g.beginPath();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      g.moveTo(list[i].x, list[i].y);
      g.lineTo(list[j].x, list[j].y);
    }
    g.stroke();
    g.globalAlpha = 1;
  }
  g.fillStyle = colour;
  g.strokeStyle = '#ffffff';
  g.lineWidth = 2;
  for (const d of list) {
    g.beginPath();
    trace(g, d.shape, d.x, d.y, r + 1.5);
    g.fill();
    g.stroke();
  }
  if (list.length <= 12) {
    g.font = '600 13px system-ui, sans-serif';
    g.lineWidth = 3.5;
    g.strokeStyle = '#ffffff';
    g.fillStyle = '#14202b';
    for (const d of list) {
      const name = state.byId.get(d.id).name;
      g.strokeText(name, d.x + r + 4, d.y + 4);
      g.fillText(name, d.x + r + 4, d.y + 4);
    }
  }
}

/** Redraws (at most once per frame). */
export const draw = perFrame(drawNow);

function nearest(x, y) {
  let best = null;
  let dist = 12 * 12;
  const cx = Math.floor(x / CELL);
  const cy = Math.floor(y / CELL);
  for (let i = cx - 1; i <= cx + 1; i++) for (let j = cy - 1; j <= cy + 1; j++) {
    for (const d of grid.get(`${i},${j}`) || []) {
      const dd = (d.x - x) ** 2 + (d.y - y) ** 2;
      if (dd < dist) { dist = dd; best = d; }
    }
  }
  return best;
}

function setHover(d) {
  const tip = $('#tooltip');
  if (!d) {
    tip.hidden = true;
    if (hover) { hover = null; draw(); }
    return;
  }
  const m = state.byId.get(d.id);
  tip.innerHTML = `<b>${esc(m.name)}</b> · ${esc(m.state)} · ${esc(d.cluster === UNPLACED ? '–' : d.cluster)}`;
  tip.style.left = `${d.x + 14}px`;
  tip.style.top = `${d.y - 8}px`;
  tip.hidden = false;
  if (!hover || hover.cluster !== d.cluster) { hover = d; draw(); }
}

function onMove(e) {
  const rect = e.target.getBoundingClientRect();
  setHover(nearest(e.clientX - rect.left, e.clientY - rect.top));
}

function onClick(e) {
  const rect = e.target.getBoundingClientRect();
  const d = nearest(e.clientX - rect.left, e.clientY - rect.top);
  if (!d) return;
  state.focus = d.id;
  changed('view');
  reveal(d.cluster);
}

/**
 * The lineup as a picture of `w`×`h` CSS pixels at `scale` device pixels
 * each (for the printed summary): outlines, every member in its cluster's
 * colour and shape, each cluster's members joined by thin lines. A data URL.
 */
export function picture(w, h, scale = 3) {
  if (!bounds) return '';
  const f = fitTo(w, h);
  const c = outlineLayer(f, scale);
  const g = c.getContext('2d');
  const clusters = mapClusters();
  const n = clusters.reduce((s, k) => s + k.members.length, 0);
  const r = Math.max(1.2, radius(n) * 0.8);
  const placed = clusters.map((k) => ({
    style: k.id === UNPLACED ? { colour: '#8a8a8a', shape: 'circle' } : styleOf(k.id),
    pts: k.members.map((id) => state.byId.get(id)).filter(Boolean).map((m) => f.px(project(m.lon, m.lat))),
  }));
  if (n <= 400) {
    g.lineWidth = 0.8;
    g.globalAlpha = 0.6;
    for (const { style, pts } of placed) {
      // A path through the members from west to east: the cluster at a glance.
      const order = [...pts].sort((a, b) => a[0] - b[0]);
      g.strokeStyle = style.colour;
      g.beginPath();
      order.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
      g.stroke();
    }
    g.globalAlpha = 1;
  }
  g.strokeStyle = '#1a1a1a';
  g.lineWidth = 0.5;
  for (const { style, pts } of placed) {
    g.fillStyle = style.colour;
    g.beginPath();
    for (const [x, y] of pts) trace(g, style.shape, x, y, r);
    g.fill();
    if (n <= 400) g.stroke();
  }
  return c.toDataURL('image/png');
}
