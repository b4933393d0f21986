// Loading the list: a spreadsheet by file picker or drag-and-drop, pasted
// names or keys, or municipalities found in the register. The server reads
// the file exactly as `lineup solve` would and says how each row was read.

import { t } from './i18n.js';
import { $, esc, num, notice, showError } from './dom.js';
import { post, get, inputBlob, inputName } from './api.js';
import { state, setInput, changed, remember, forget } from './state.js';
import * as settings from './settings.js';
import * as session from './session.js';

/** Takes what /api/read answered as the new list. */
function take(name, read, keepLineup = false) {
  const pins = new Map();
  const rows = read.municipalities.map((r) => {
    if (r.cluster) pins.set(r.id, r.cluster);
    const { cluster, ...rest } = r;
    return rest;
  });
  setInput({ name, rows, must_link: read.must_link, cannot_link: read.cannot_link, classes: read.classes });
  if (!keepLineup) {
    state.clusters = [];
    state.report = null;
    state.evaluation = null;
    state.alternatives = null;
    state.marks = new Map();
    state.pins = pins;
    state.solvedAt = new Map();
    state.focus = null;
    forget();
  }
}

/** Reads a file (or a saved session) as the list. */
export async function loadFile(file) {
  notice('');
  if (/\.json$/i.test(file.name)) {
    try {
      const doc = JSON.parse(await file.text());
      if (doc && doc.format === 'lineup-session') {
        await session.restore(doc);
        return;
      }
    } catch {
      /* not a session: the server reads it as a list and says what is wrong */
    }
  }
  const body = new FormData();
  body.append('input', file, file.name);
  try {
    const read = await post('/api/read', settings.params('problem'), body);
    take(file.name, read);
    changed('input');
    notice(() => t('page.load.done', { count: read.municipalities.length, name: file.name }));
  } catch (e) {
    settings.markInvalid(e.message);
    showError(e, 'page.load.error');
  }
}

/** Reads the classes again (the size class setting changed). */
export async function reclassify() {
  if (!state.input) return;
  const body = new FormData();
  body.append('input', inputBlob(), inputName());
  try {
    const read = await post('/api/read', settings.params('problem'), body);
    const classes = new Map(read.municipalities.map((r) => [r.id, r.class]));
    const rows = state.input.rows.map((r) => ({ ...r, class: classes.get(r.id) ?? r.class }));
    setInput({ ...state.input, rows, classes: read.classes });
    changed('input');
  } catch (e) {
    settings.markInvalid(e.message);
    showError(e, 'page.settings.error');
  }
}

/** Adds rows to the list (duplicates are left out and named). */
function addRows(rows, how) {
  const fresh = rows.filter((r) => !state.byId.has(r.id));
  const known = rows.filter((r) => state.byId.has(r.id)).map((r) => r.name);
  if (!fresh.length) {
    notice(() => t('page.load.already', { names: known.join(', ') }));
    return;
  }
  remember();
  if (!state.input) {
    setInput({ name: how, rows: fresh, must_link: [], cannot_link: [], classes: [] });
  } else {
    setInput({ ...state.input, rows: [...state.input.rows, ...fresh] });
  }
  changed('input');
  notice(() => t('page.load.added', { names: fresh.map((r) => r.name).join(', ') }) +
    (known.length ? ' ' + t('page.load.already', { names: known.join(', ') }) : ''));
  reclassify();
}

/** Pasted lines: AGS keys or names, a name optionally with `; Land`. */
async function paste() {
  const lines = $('#paste').value.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return;
  const quote = (s) => `"${s.replace(/"/g, '""')}"`;
  const csv = ['id;name;state'];
  for (const line of lines) {
    const [first, land = ''] = line.split(/[;\t]/).map((s) => s.trim());
    if (/^\d{7,8}$/.test(first)) csv.push(`${quote(first)};;${quote(land)}`);
    else csv.push(`;${quote(first)};${quote(land)}`);
  }
  const body = new FormData();
  body.append('input', new Blob([csv.join('\n') + '\n'], { type: 'text/csv' }), 'pasted.csv');
  try {
    const read = await post('/api/read', settings.params('problem'), body);
    addRows(read.municipalities.map(({ cluster, ...r }) => r), t('page.load.pasted'));
    $('#paste').value = '';
  } catch (e) {
    showError(e, 'page.load.error');
  }
}

let searchSeq = 0;
async function search() {
  const q = $('#search').value.trim();
  const seq = ++searchSeq;
  const list = $('#results');
  if (q.length < 2) {
    list.innerHTML = '';
    return;
  }
  const r = await get(`/api/register?q=${encodeURIComponent(q)}&limit=12`).catch(() => ({ results: [] }));
  if (seq !== searchSeq) return;
  list.innerHTML = r.results
    .map((e, i) => `<li><button type="button" data-i="${i}">${esc(e.name)} <small>${esc(e.state)} · ${esc(e.district)} · ${num(e.population)} · ${esc(e.id)}</small></button></li>`)
    .join('') || `<li class="hint">${esc(t('page.load.none'))}</li>`;
  list.onclick = (ev) => {
    const b = ev.target.closest('button[data-i]');
    if (!b) return;
    const e = r.results[Number(b.dataset.i)];
    addRows([{ id: e.id, name: e.name, state: e.state, population: e.population, lat: e.lat, lon: e.lon, class: '', in_register: true }], t('page.load.searched'));
  };
}

/** The table of rows as read. */
export function renderRows() {
  const box = $('#rows');
  const loaded = $('#loaded');
  if (!state.input) {
    loaded.textContent = '';
    box.innerHTML = '';
    return;
  }
  const rows = state.input.rows;
  loaded.textContent = t('page.load.summary', { count: num(rows.length), name: state.input.name });
  if (!$('#rows-box').open) return;
  const shown = rows.slice(0, 2000);
  box.innerHTML = `<table><thead><tr><th>#</th><th>${esc(t('page.col.id'))}</th><th>${esc(t('page.col.name'))}</th><th>${esc(t('page.col.state'))}</th><th>${esc(t('page.col.population'))}</th><th>${esc(t('page.col.class'))}</th><th>${esc(t('page.col.register'))}</th></tr></thead><tbody>${shown
    .map((r, i) => `<tr class="${r.in_register ? '' : 'unmatched'}"><td>${i + 1}</td><td>${esc(r.id)}</td><td>${esc(r.name)}</td><td>${esc(r.state)}</td><td class="num">${num(r.population)}</td><td>${esc(r.class)}</td><td>${esc(r.in_register ? t('page.load.in_register') : t('page.load.own_values'))}</td></tr>`)
    .join('')}</tbody></table>${rows.length > shown.length ? `<p class="hint">${esc(t('page.load.more_rows', { count: num(rows.length - shown.length) }))}</p>` : ''}<p class="hint">${esc(t('page.load.register_note'))}</p>`;
}

/** Wires the picker, the drop zone, the paste box and the search. */
export function wire() {
  const picker = $('#file-input');
  picker.addEventListener('change', () => {
    if (picker.files[0]) loadFile(picker.files[0]);
    picker.value = '';
  });
  const zone = $('#dropzone');
  for (const ev of ['dragenter', 'dragover']) {
    zone.addEventListener(ev, (e) => {
      if (![...e.dataTransfer.types].includes('Files')) return;
      e.preventDefault();
      zone.classList.add('over');
    });
  }
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    zone.classList.remove('over');
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    loadFile(e.dataTransfer.files[0]);
  });
  // A file dropped anywhere else must not navigate away from the page.
  window.addEventListener('dragover', (e) => { if ([...e.dataTransfer.types].includes('Files')) e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    loadFile(e.dataTransfer.files[0]);
  });
  $('#paste-add').addEventListener('click', paste);
  let timer = 0;
  $('#search').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 180);
  });
  $('#rows-box').addEventListener('toggle', renderRows);
}

/** Loads the file given on the command line, if any. */
export async function preload() {
  const r = await fetch('/api/preload');
  if (r.status !== 200) return;
  const name = decodeURIComponent(r.headers.get('x-lineup-filename') || 'input');
  await loadFile(new File([await r.blob()], name));
}

