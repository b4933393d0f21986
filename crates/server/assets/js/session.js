// A session file: the list, the settings, the lineup and its pins, saved by
// the browser and loaded like a spreadsheet. The server keeps nothing, so
// this is how work continues another day.

import { t } from './i18n.js';
import { download, notice } from './dom.js';
import { state, setInput, changed, forget, assignment } from './state.js';
import * as settings from './settings.js';
import { rescore } from './moves.js';

/** Saves the session as JSON. */
export function save() {
  const doc = {
    format: 'lineup-session',
    version: 1,
    saved: new Date().toISOString(),
    input: state.input,
    settings: settings.snapshot(),
    clusters: state.clusters,
    pins: [...state.pins],
    marks: [...state.marks],
    solved_at: [...state.solvedAt],
  };
  const name = (state.input.name || 'lineup').replace(/\.[^.]*$/, '') + '-session.json';
  download(new Blob([JSON.stringify(doc)], { type: 'application/json' }), name);
}

/** Restores a saved session. */
export async function restore(doc) {
  if (doc.version !== 1 || !doc.input || !Array.isArray(doc.input.rows)) {
    notice(() => t('page.session.bad'), 'error');
    return;
  }
  settings.restore(doc.settings);
  setInput(doc.input);
  state.clusters = Array.isArray(doc.clusters) ? doc.clusters : [];
  state.pins = new Map(doc.pins || []);
  state.marks = new Map(doc.marks || []);
  // The status of a saved solve is not taken on trust: the lineup is scored again.
  state.report = null;
  state.solvedAt = new Map(doc.solved_at || []);
  if (!state.solvedAt.size) state.solvedAt = assignment();
  state.evaluation = null;
  state.alternatives = null;
  state.origin = 'session';
  forget();
  changed('input');
  changed('lineup');
  notice(() => t('page.session.loaded', { name: doc.input.name }));
  await rescore();
}
