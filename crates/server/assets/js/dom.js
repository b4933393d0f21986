// Small DOM helpers: element lookup, HTML escaping, numbers, downloads, notices.

import { t, lang, has } from './i18n.js';

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for innerHTML. */
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

const formats = new Map();
/** A number in the page's language: 1 484 226 / 1.484.226, fixed decimals. */
export function num(x, digits = 0) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  const key = `${lang()}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang() === 'de' ? 'de-DE' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, f);
  }
  return f.format(x);
}

/** A signed change: +1, −2.35; zero as ±0. */
export function signed(x, digits = 0) {
  const eps = 0.5 * 10 ** -digits;
  if (Math.abs(x) < eps) return '±0';
  return (x > 0 ? '+' : '−') + num(Math.abs(x), digits);
}

/** Saves bytes as a file. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

let noticeTimer = 0;
let shown = null; // the notice on show: {render, kind}

/**
 * Shows a message above the lineup; errors stay until the next message.
 * `text` may be a function giving the text, so that a change of language
 * says it again in the new language (see `renotice`).
 */
export function notice(text, kind = 'info') {
  const box = $('#notice');
  clearTimeout(noticeTimer);
  if (!text) {
    box.hidden = true;
    shown = null;
    return;
  }
  shown = { render: typeof text === 'function' ? text : () => text, kind };
  box.textContent = shown.render();
  box.className = 'notice' + (kind === 'error' ? ' error' : '');
  box.hidden = false;
  if (kind !== 'error') noticeTimer = setTimeout(() => { box.hidden = true; shown = null; }, 8000);
}

/** Says the notice on show again, in the page's language now. */
export function renotice() {
  if (shown) $('#notice').textContent = shown.render();
}

/** Shows an API error with a translated lead-in. */
export function showError(err, lead = 'page.error') {
  const detail = err && err.message ? err.message : String(err);
  // The kind in the page's language, then the detail (the server's text in
  // the language of the request: row, field and what to do).
  notice(() => {
    const key = err && err.kind ? `error.kind.${err.kind}` : '';
    const kind = key && has(key) ? `\n${t(key)}` : '';
    const written = (err && err.body && err.body.lang) || 'en';
    const intro = kind && lang() !== written ? `\n${t('error.detail')}` : '';
    return `${t(lead)}${kind}${intro}\n${detail}`;
  }, 'error');
}

/** Runs `fn` at most once per animation frame, with the latest arguments. */
export function perFrame(fn) {
  let queued = false;
  let args = [];
  return (...a) => {
    args = a;
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fn(...args);
    });
  };
}
