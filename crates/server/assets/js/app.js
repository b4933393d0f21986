// The workbench page: starts the parts and redraws what changed, at most
// once per frame.

import * as i18n from './i18n.js';
import { $, $$, renotice } from './dom.js';
import { state, onChange, changed, canUndo, canRedo, undo, redo, unplaced, movedByHand } from './state.js';
import * as settings from './settings.js';
import * as load from './load.js';
import * as cards from './cards.js';
import * as moves from './moves.js';
import * as map from './map.js';
import * as summary from './summary.js';
import * as explain from './explain.js';
import * as solve from './solve.js';
import * as variants from './variants.js';
import * as exports from './exports.js';
import * as session from './session.js';
import { inputBlob } from './api.js';

let pending = new Set();
let lastFocus = null;
let lastEvaluation = null;

function controls() {
  const has = !!state.input;
  const lineup = state.clusters.length > 0;
  const busy = !!state.job;
  const valid = !state.evaluation || state.evaluation.valid;
  $('#solve').disabled = !has || busy;
  $('#cancel').hidden = !busy;
  $('#reoptimise').disabled = !lineup || busy || movedByHand().length === 0;
  $('#whatif').disabled = !lineup || busy;
  $('#alternatives').disabled = !has || busy;
  $('#flip').hidden = !state.alternatives || busy;
  for (const b of $$('#exports button')) b.disabled = !lineup || !valid || busy;
  $('#save-session').disabled = !has;
  $('#undo').disabled = !canUndo() || busy;
  $('#redo').disabled = !canRedo() || busy;
  $('#intro').hidden = lineup;
  $('#visual').hidden = !has;
  $('#keys-hint').hidden = !lineup;
  $('.card-tools').hidden = !lineup;
  document.body.classList.toggle('busy', busy);
}

const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));

function draw() {
  const what = pending;
  pending = new Set();
  if (what.has('input') || what.has('all')) load.renderRows();
  // The list as the server reads it, made while the planner looks at it
  // rather than when Solve is pressed (10 794 rows take a while).
  if (what.has('input') && state.input) idle(() => state.input && inputBlob(), { timeout: 2000 });
  controls();
  cards.render();
  map.draw();
  summary.render();
  if (what.has('all') || state.focus !== lastFocus || state.evaluation !== lastEvaluation) {
    lastFocus = state.focus;
    lastEvaluation = state.evaluation;
    explain.render();
  }
}

function schedule(what) {
  pending.add(what);
  if (pending.size === 1) requestAnimationFrame(draw);
}

async function setLanguage(code) {
  await i18n.load(code);
  i18n.apply();
  settings.relabel();
  renotice();
  cards.reset();
  schedule('all');
}

function onSetting(flag) {
  if (flag === 'classes' || flag === 'comparability') load.reclassify();
  const problem = settings.OPTIONS.some((o) => o.flag === flag && o.group === 'problem');
  if (problem && state.clusters.length) moves.rescore();
}

function step(fn) {
  if (state.job || !fn()) return;
  changed('lineup');
  moves.rescore();
}

function wire() {
  $('#solve').addEventListener('click', () => solve.solve());
  $('#cancel').addEventListener('click', () => solve.stop());
  $('#reoptimise').addEventListener('click', () => solve.reoptimise());
  $('#whatif').addEventListener('click', () => variants.whatif());
  $('#alternatives').addEventListener('click', () => variants.alternatives());
  $('#undo').addEventListener('click', () => step(undo));
  $('#redo').addEventListener('click', () => step(redo));
  $('#save-session').addEventListener('click', () => session.save());
  $('#lang').addEventListener('change', (e) => setLanguage(e.target.value));
  $('#page-prev').addEventListener('click', () => cards.turn(-1));
  $('#page-next').addEventListener('click', () => cards.turn(1));
  $('#card-find').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    e.target.classList.toggle('invalid', !cards.find(e.target.value));
    changed('view');
  });
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select')) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) { e.preventDefault(); step(undo); }
    if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) { e.preventDefault(); step(redo); }
  });
}

async function boot() {
  map.prefetch();
  await i18n.load(i18n.preferred());
  $('#lang').value = i18n.lang();
  settings.build(onSetting);
  i18n.apply();
  load.wire();
  moves.wire();
  explain.wire();
  variants.wire();
  exports.wire();
  wire();
  onChange(schedule);
  await map.init();
  schedule('all');
  await load.preload();
  document.body.dataset.ready = 'true';
}

boot();

// For the end-to-end tests and the curious: the model, read-only by intent.
window.lineupState = state;
window.lineupUnplaced = unplaced;
