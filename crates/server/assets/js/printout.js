// The one-page summary for the steering group (A4 landscape): title, status
// in a sentence, the key figures, a small map in the clusters' colours and
// shapes, and a table of the clusters with a swatch each — in the page's
// language. The browser prints it (print.css hides everything else).

import { t, lang } from './i18n.js';
import { $, esc, num } from './dom.js';
import { state } from './state.js';
import { styleOf } from './palette.js';
import { metricsOf, abbr } from './cards.js';
import { status, scoreText, objective } from './summary.js';
import { picture } from './map.js';

const SHAPE_SVG = {
  circle: '<circle cx="6" cy="6" r="5"/>',
  square: '<rect x="1.5" y="1.5" width="9" height="9"/>',
  triangle: '<path d="M6 0.5L11.5 10.5H0.5Z"/>',
  diamond: '<path d="M6 0.3L11.7 6L6 11.7L0.3 6Z"/>',
};

/** A cluster's swatch: its marker on the map, in its colour. */
export function swatch(id) {
  const s = styleOf(id);
  return `<svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><g fill="${s.colour}" stroke="#1a1a1a" stroke-width="0.8">${SHAPE_SVG[s.shape]}</g></svg>`;
}

function figure(label, value) {
  return `<div class="figure"><span>${esc(label)}</span><b>${esc(value)}</b></div>`;
}

function rows() {
  return state.clusters
    .map((c) => {
      const x = metricsOf(c.id);
      const m = x ? x.m : null;
      const names = c.members
        .map((id) => state.byId.get(id))
        .filter(Boolean)
        .map((r) => `${esc(r.name)}&nbsp;<span class="land">${esc(abbr(r.state))}</span>`)
        .join(', ');
      return `<tr><td class="id">${swatch(c.id)}<b>${esc(c.id)}</b></td>` +
        `<td class="names">${names}</td>` +
        `<td class="num">${m ? num(m.distinct_states) : ''}</td>` +
        `<td class="num${m && m.same_state_pairs ? ' bad' : ''}">${m ? num(m.same_state_pairs) : ''}</td>` +
        `<td class="num">${m ? num(m.mean_distance_km) : ''}</td></tr>`;
    })
    .join('');
}

/** Fills the summary (it is printed as it stands). */
export function fill() {
  const r = state.report;
  const o = objective();
  const s = status();
  const n = state.clusters.reduce((sum, c) => sum + c.members.length, 0);
  const settings = r
    ? t('page.print.settings', { size: `${r.settings.cluster_size.min}–${r.settings.cluster_size.max}`, classes: r.settings.classes })
    : '';
  const figures = [
    figure(t('page.print.status'), s ? t(`status.${s}`) : '—'),
    figure(t('page.score'), scoreText(o)),
    figure(t('term.same_state_pairs'), num(o ? o.same_state_pairs : 0)),
    figure(t('term.non_bordering_pairs'), num(o ? o.non_bordering_pairs : 0)),
    figure(t('term.distance_km'), num(o ? o.distance_km : 0)),
    r && s !== 'edited' ? figure(t('term.gap'), `${num(r.gap * 100, 2)} %`) : '',
  ].join('');
  const map = picture(380, 500);
  const date = new Date().toLocaleDateString(lang() === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  $('#printout').innerHTML = `<header><h1>${esc(t('page.print.title', { name: state.input ? state.input.name : '' }))}</h1>` +
    `<p class="when">${esc(date)}</p></header>` +
    `<p class="meta">${esc($('#sentence').textContent)} ${esc(t('page.print.counts', { n: num(n), clusters: num(state.clusters.length) }))}${settings ? ` · ${esc(settings)}` : ''}</p>` +
    `<div class="figures">${figures}</div>` +
    '<div class="columns">' +
    `<figure class="map">${map ? `<img alt="" src="${map}">` : ''}<figcaption>${esc(t('page.print.map'))}</figcaption></figure>` +
    `<table><thead><tr><th>${esc(t('page.print.cluster'))}</th><th>${esc(t('page.print.members'))}</th>` +
    `<th class="num">${esc(t('page.print.lands'))}</th><th class="num">${esc(t('page.print.same'))}</th><th class="num">${esc(t('page.print.km'))}</th></tr></thead>` +
    `<tbody>${rows()}</tbody></table></div>` +
    `<p class="foot">${esc(t('page.print.foot', { date }))}</p>`;
}

/** Fills the summary and opens the print dialog. */
export async function printSummary() {
  fill();
  const img = $('#printout img');
  if (img) await img.decode().catch(() => {});
  window.print();
}
