// Exports: the server verifies the lineup again and writes xlsx, CSV, JSON,
// GeoJSON, the SVG map or the same map as PNG (drawn by the server with its
// embedded font, so it equals `lineup map -o map.png`); the printable
// summary is one page for the steering group.

import { t } from './i18n.js';
import { $, esc, num, download, showError, notice } from './dom.js';
import { file, form } from './api.js';
import { state, lineupJson } from './state.js';
import * as settings from './settings.js';
import { colourClass } from './palette.js';
import { status, scoreText, objective } from './summary.js';

/** The lineup to export: the report itself while it is the lineup on show
 * (so a solve's status and bound are kept), else the clusters. */
function lineupPart() {
  const ev = state.evaluation;
  if (state.report && (!ev || ev.valid)) return state.report;
  return lineupJson();
}

async function fetchExport(format) {
  const pairs = [...settings.params('problem'), ...settings.pinParams(), ['format', format]];
  return file('/api/export', pairs, form({ lineup: lineupPart() }));
}

/** Exports in a format (xlsx, csv, json, geojson, svg, png). */
export async function exportAs(format) {
  if (state.evaluation && !state.evaluation.valid) {
    notice(() => t('page.export.invalid'), 'error');
    return;
  }
  try {
    const f = await fetchExport(format);
    download(f.blob, f.name);
  } catch (e) {
    showError(e, 'page.export.error');
  }
}

/** Fills the one-page summary and opens the print dialog. */
export async function printSummary() {
  const box = $('#printout');
  let mapUrl = '';
  try {
    mapUrl = URL.createObjectURL((await fetchExport('svg')).blob);
  } catch {
    /* the summary is printed without the map */
  }
  const r = state.report;
  const rows = state.clusters
    .map((c, i) => {
      const names = c.members.map((id) => state.byId.get(id)).filter(Boolean).map((m) => `${m.name} (${m.state})`).join(', ');
      return `<tr class="${colourClass(c.id)}"><td><span class="swatch"></span>${esc(c.id)}</td><td>${esc(names)}</td></tr>`;
    })
    .join('');
  const o = objective();
  box.innerHTML = `<h1>${esc(t('page.print.title', { name: state.input ? state.input.name : '' }))}</h1>
    <p class="meta"><b>${esc(status())}</b> — ${esc($('#sentence').textContent)}<br>
    ${esc(t('page.score'))}: ${esc(scoreText(o))} · ${esc(t('term.same_state_pairs'))}: ${num(o ? o.same_state_pairs : 0)} ·
    ${esc(t('term.non_bordering_pairs'))}: ${num(o ? o.non_bordering_pairs : 0)} · ${esc(t('term.distance_km'))}: ${num(o ? o.distance_km : 0)}
    ${r ? ` · ${esc(t('page.print.settings', { size: r.settings.cluster_size.min + '..' + r.settings.cluster_size.max, classes: r.settings.classes }))}` : ''}</p>
    <div class="columns"><div>${mapUrl ? `<img alt="" src="${mapUrl}">` : ''}</div>
    <table><thead><tr><th>${esc(t('page.print.cluster'))}</th><th>${esc(t('page.print.members'))}</th></tr></thead><tbody>${rows}</tbody></table></div>
    <p class="foot">${esc(t('page.print.foot', { date: new Date().toLocaleDateString(document.documentElement.lang) }))}</p>`;
  const img = box.querySelector('img');
  if (img) await img.decode().catch(() => {});
  window.print();
}

/** Wires the export buttons. */
export function wire() {
  $('#exports').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-export]');
    if (b) exportAs(b.dataset.export);
  });
  $('#print').addEventListener('click', printSummary);
}
