// The settings form, built from one list of options named like the command
// line's flags. Each shows its label, its default and a sentence of help
// (all from the message catalogue). New options (criteria, quotas) are one
// more entry in OPTIONS.

import { t } from './i18n.js';
import { $, $$, esc } from './dom.js';
import { state } from './state.js';

/**
 * flag: the CLI flag and query parameter; group: 'problem' (what is asked)
 * or 'run' (how long and how to search); kind: text | number | select |
 * lines (one value per line, repeated parameter); more: under "More settings".
 */
export const OPTIONS = [
  { flag: 'cluster-size', group: 'problem', kind: 'text', def: '6..7' },
  { flag: 'classes', group: 'problem', kind: 'text', def: 'bbsr', suggest: ['bbsr', 'kfa'] },
  { flag: 'comparability', group: 'problem', kind: 'select', def: 'strict', values: ['strict', 'adjacent'] },
  { flag: 'time-limit', group: 'run', kind: 'number', def: '10', step: '1', min: '1' },
  { flag: 'clusters', group: 'problem', kind: 'text', def: 'auto', more: true },
  { flag: 'max-per-land', group: 'problem', kind: 'number', def: '', min: '1', more: true },
  { flag: 'must-link', group: 'problem', kind: 'lines', def: '', more: true },
  { flag: 'cannot-link', group: 'problem', kind: 'lines', def: '', more: true },
  { flag: 'objective', group: 'problem', kind: 'select', def: 'lexicographic', values: ['lexicographic', 'weighted'], more: true },
  { flag: 'weights', group: 'problem', kind: 'text', def: '', more: true },
  { flag: 'solver', group: 'run', kind: 'select', def: 'auto', values: ['auto', 'exact', 'heuristic'], more: true },
  { flag: 'seed', group: 'run', kind: 'number', def: '0', min: '0', more: true },
];

const key = (flag) => flag.replace(/-/g, '_');

function input(o) {
  const id = `opt-${o.flag}`;
  if (o.kind === 'select') {
    const opts = o.values
      .map((v) => `<option value="${v}"${v === o.def ? ' selected' : ''} data-t="opt.${key(o.flag)}.${v}">${v}</option>`)
      .join('');
    return `<select id="${id}" name="${o.flag}">${opts}</select>`;
  }
  if (o.kind === 'lines') return `<textarea id="${id}" name="${o.flag}" rows="2" placeholder="16067029,03252006"></textarea>`;
  const list = o.suggest ? ` list="${id}-list"` : '';
  const datalist = o.suggest ? `<datalist id="${id}-list">${o.suggest.map((v) => `<option value="${v}">`).join('')}</datalist>` : '';
  const num = o.kind === 'number' ? ` inputmode="decimal"${o.min ? ` min="${o.min}"` : ''}${o.step ? ` step="${o.step}"` : ''}` : '';
  const type = o.kind === 'number' ? 'number' : 'text';
  return `<input type="${type}" id="${id}" name="${o.flag}" placeholder="${esc(o.def)}"${list}${num}>${datalist}`;
}

/** The default as the field shows it: a dropdown's in the page's language
 * (German "strikt" beside the list's "strikt", not the flag value). */
export const shownDefault = (o) => (o.kind === 'select' ? t(`opt.${key(o.flag)}.${o.def}`) : o.def);

function field(o) {
  const def = o.def === '' ? '' : ` <span class="def">(${esc(t('page.settings.default'))}: ${esc(shownDefault(o))})</span>`;
  return `<label class="field" data-flag="${o.flag}">
    <span data-t="opt.${key(o.flag)}.label"></span>${input(o)}
    <span class="help"><span data-t="opt.${key(o.flag)}.help"></span>${def}</span>
  </label>`;
}

/** Builds the form. */
export function build(onChange) {
  const form = $('#settings');
  const main = OPTIONS.filter((o) => !o.more).map(field).join('');
  const more = OPTIONS.filter((o) => o.more).map(field).join('');
  form.innerHTML = `${main}<details class="more"><summary data-t="page.settings.more"></summary>${more}</details>`;
  form.addEventListener('change', (e) => {
    const f = e.target.closest('.field');
    if (f) f.classList.remove('invalid');
    onChange(e.target.name);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
}

/** Re-writes the defaults in the current language. */
export function relabel() {
  for (const o of OPTIONS) {
    const def = $(`.field[data-flag="${o.flag}"] .def`);
    if (def) def.textContent = `(${t('page.settings.default')}: ${shownDefault(o)})`;
  }
}

/** The value of a flag as the user set it ('' = default). */
function value(flag) {
  const el = $(`#opt-${flag}`);
  return el ? el.value.trim() : '';
}

/** Query pairs of a group, only the values the user set. */
export function params(group) {
  const pairs = [];
  for (const o of OPTIONS.filter((x) => x.group === group)) {
    const v = value(o.flag);
    if (o.kind === 'lines') {
      for (const line of v.split('\n').map((l) => l.trim()).filter(Boolean)) pairs.push([o.flag, line]);
    } else if (v !== '' && v !== o.def) {
      pairs.push([o.flag, v]);
    }
  }
  return pairs;
}

/** The pins as `pin=ID=CLUSTER` pairs. */
export const pinParams = () => [...state.pins].map(([id, c]) => ['pin', `${id}=${c}`]);

/** All settings as an object (for a session file). */
export function snapshot() {
  return Object.fromEntries(OPTIONS.map((o) => [o.flag, value(o.flag)]));
}

/** Sets the form from a session's settings. */
export function restore(values) {
  for (const o of OPTIONS) {
    const el = $(`#opt-${o.flag}`);
    if (el && values && o.flag in values) el.value = values[o.flag];
  }
}

/** Marks the fields an error message names (`--cluster-size: …`). */
export function markInvalid(message) {
  for (const f of $$('.field[data-flag]')) {
    f.classList.toggle('invalid', message.includes(`--${f.dataset.flag}`));
  }
}
