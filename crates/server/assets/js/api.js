// Requests to the server's API: forms with the list and the lineup, query
// parameters named like the command line's options, and the event stream of
// long jobs.

import { state, lineupJson } from './state.js';
import { lang } from './i18n.js';

/** An error answer of the API: status, kind and the message. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.status = status;
    this.kind = body && body.kind;
    this.body = body;
  }
}

const FIELDS = ['id', 'name', 'state', 'population', 'lat', 'lon', 'size_class'];
let cached = { rows: null, blob: null };

/** The list as the JSON input format (pins travel as `pin=` parameters). */
export function inputBlob() {
  if (cached.rows !== state.input.rows) {
    const municipalities = state.input.rows.map((r) => {
      const o = {};
      for (const f of FIELDS) if (r[f] !== undefined && r[f] !== null) o[f] = r[f];
      return o;
    });
    const doc = { municipalities, must_link: state.input.must_link, cannot_link: state.input.cannot_link };
    cached = { rows: state.input.rows, blob: new Blob([JSON.stringify(doc)], { type: 'application/json' }) };
  }
  return cached.blob;
}

/** The name the list goes by in the server's messages. */
export function inputName() {
  const name = state.input.name || 'list';
  return /\.json$/i.test(name) ? name : name.replace(/\.[^.]*$/, '') + '.json';
}

// Large answers (a report of the whole register is about 2 MB) are parsed
// by a worker (workers/parse.js), so that no frame waits for them: their
// reports come with members as ids only, and their full text is kept here
// for sending them back (exports).
const LARGE = 200_000;
let worker = null;
let asked = 0;
const waiting = new Map();
const fullText = new WeakMap();

function parsed(e) {
  const { id, slim, paths, texts, error } = e.data;
  const w = waiting.get(id);
  waiting.delete(id);
  if (!w) return;
  if (error !== undefined) {
    w.reject(new SyntaxError(error));
    return;
  }
  const value = JSON.parse(slim);
  paths.forEach((path, i) => fullText.set(path.reduce((v, k) => v[k], value), texts[i]));
  w.resolve(value);
}

/** Parses JSON; a large text in the worker (on the page if it cannot run). */
export function parseJson(text) {
  if (text.length < LARGE || worker === false || typeof Worker === 'undefined') return Promise.resolve(JSON.parse(text));
  if (!worker) {
    try {
      worker = new Worker('/assets/workers/parse.js');
      worker.onmessage = parsed;
      worker.onerror = () => {
        // Parse here from now on; whatever was waiting too.
        worker = false;
        for (const [, w] of waiting) {
          try { w.resolve(JSON.parse(w.text)); } catch (err) { w.reject(err); }
        }
        waiting.clear();
      };
    } catch {
      worker = false;
      return Promise.resolve(JSON.parse(text));
    }
  }
  return new Promise((resolve, reject) => {
    const id = ++asked;
    waiting.set(id, { resolve, reject, text });
    worker.postMessage({ id, text });
  });
}

/** A form with the list and, if given, other parts (objects become JSON;
 * a report parsed by the worker is sent as it came). */
export function form(parts = {}) {
  const f = new FormData();
  f.append('input', inputBlob(), inputName());
  for (const [name, value] of Object.entries(parts)) {
    const text = value instanceof Blob ? null : fullText.get(value) ?? JSON.stringify(value);
    const blob = value instanceof Blob ? value : new Blob([text], { type: 'application/json' });
    f.append(name, blob, `${name}.json`);
  }
  return f;
}

/** The form of the current lineup. */
export const lineupForm = () => form({ lineup: lineupJson() });

/** Query string from [key, value] pairs, with the page's language (the
 * server answers errors and writes workbooks and maps in it). */
export function query(pairs) {
  const q = new URLSearchParams();
  for (const [k, v] of pairs) q.append(k, v);
  q.append('lang', lang());
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function answer(r) {
  const type = r.headers.get('content-type') || '';
  const body = type.includes('json') ? await r.text().then(parseJson).catch(() => null) : null;
  if (!r.ok) throw new ApiError(r.status, body);
  return body;
}

/** POST a form, JSON back. */
export async function post(path, pairs, body) {
  const r = await fetch(path + query(pairs), { method: 'POST', body });
  return answer(r);
}

/** GET JSON. */
export async function get(path) {
  return answer(await fetch(path));
}

/** POST a form and take the file it answers with: {blob, name}. */
export async function file(path, pairs, body) {
  const r = await fetch(path + query(pairs), { method: 'POST', body });
  if (!r.ok) await answer(r);
  const disposition = r.headers.get('content-disposition') || '';
  const m = /filename="([^"]+)"/.exec(disposition);
  return { blob: await r.blob(), name: m ? m[1] : 'lineup' };
}

/**
 * Runs a long job with progress: `onEvent(name, data)` for `accepted`,
 * `started` and `progress`; resolves with the result, rejects with the error
 * event (or the HTTP error: 400, 422, 429). `signal` aborts the request.
 */
export async function job(path, pairs, body, onEvent, signal) {
  const r = await fetch(path + query(pairs), {
    method: 'POST',
    body,
    headers: { Accept: 'text/event-stream' },
    signal,
  });
  if (!r.ok) await answer(r);
  const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let from = 0; // where to look for the end of the next event (a large result comes in many chunks)
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n', from)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      from = 0;
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (!data.length) continue;
      const payload = name === 'result' ? await parseJson(data.join('\n')) : JSON.parse(data.join('\n'));
      if (name === 'result') return payload;
      if (name === 'error') throw new ApiError(payload.status || 500, payload);
      onEvent(name, payload);
    }
    from = Math.max(0, buffer.length - 1);
  }
  throw new ApiError(0, { error: 'the connection closed before the answer' });
}

/** Asks the server to stop a job. */
export async function cancel(id) {
  await fetch(`/api/jobs/${id}`, { method: 'DELETE' });
}
