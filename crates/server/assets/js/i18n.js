// The message catalogue of the library, served by /api/messages: every text
// on the page comes from it, in English or German.

let texts = {};
let current = 'en';

/** The page's language. */
export const lang = () => current;

/** Loads the catalogue of a language ('en' or 'de'). */
export async function load(code) {
  const r = await fetch(`/api/messages?lang=${encodeURIComponent(code)}`);
  const body = await r.json();
  texts = body.messages;
  current = body.lang;
  document.documentElement.lang = current;
  try { localStorage.setItem('lineup.lang', current); } catch { /* private mode */ }
}

/** The language to start in: the last choice, else the browser's. */
export function preferred() {
  let saved = null;
  try { saved = localStorage.getItem('lineup.lang'); } catch { /* private mode */ }
  return saved || (navigator.language || 'en').slice(0, 2);
}

/** The text of a key with {placeholders} filled; the key itself if unknown.
 * For a count of one (`n` or `count` is 1) the singular `KEY.one` is taken
 * where the catalogue has it. */
export function t(key, args = {}) {
  const count = 'n' in args ? args.n : args.count;
  const one = Number(count) === 1 && texts[`${key}.one`];
  const text = one || texts[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in args ? String(args[name]) : m));
}

/** Whether the catalogue has a key. */
export const has = (key) => key in texts;

/** Sets the texts of a subtree: data-t (content), data-t-title, data-t-ph. */
export function apply(root = document) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of root.querySelectorAll('[data-t-title]')) el.title = t(el.dataset.tTitle);
  for (const el of root.querySelectorAll('[data-t-ph]')) el.placeholder = t(el.dataset.tPh);
  document.title = t('page.title');
}
