// Exports: the server verifies the lineup again and writes xlsx, CSV, JSON,
// GeoJSON, the SVG map or the same map as PNG (drawn by the server with its
// embedded font, so it equals `lineup map -o map.png`), in the page's
// language; the printable summary is printout.js.

import { t } from './i18n.js';
import { $, download, showError, notice } from './dom.js';
import { file, form } from './api.js';
import { state, lineupJson } from './state.js';
import * as settings from './settings.js';
import { printSummary } from './printout.js';

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

/** Wires the export buttons. */
export function wire() {
  $('#exports').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-export]');
    if (b) exportAs(b.dataset.export);
  });
  $('#print').addEventListener('click', printSummary);
}
