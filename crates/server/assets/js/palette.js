// Cluster colours and marker shapes, the same as the command line's maps
// (crates/lineup/src/map/palette.rs, `style_of`): a cluster's style follows
// from its id alone, never from its position in the lineup, so Kleinstadt-2
// keeps its colour across solve, what-if and alternatives, and the page
// matches `lineup map`. The end-to-end test compares both.

/** Okabe–Ito colours without yellow, in the library's order. */
export const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
/** Marker shapes, in the library's order. */
export const SHAPES = ['circle', 'square', 'triangle', 'diamond'];
const CLASSES = new Map([['Großstadt', 0], ['Mittelstadt', 3], ['Kleinstadt', 6], ['Landgemeinde', 1]]);
const RANK = new Map([...CLASSES.keys()].map((k, i) => [k, i]));

const encoder = new TextEncoder();
const MASK = (1n << 64n) - 1n;

/** FNV-1a over the UTF-8 bytes, shifted right by 16 as the library does. */
function fnv(s) {
  let h = 0xcbf29ce484222325n;
  for (const b of encoder.encode(s)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & MASK;
  return h >> 16n;
}

/** `CLASS-N` split into class and N (from 1), or null. */
function split(id) {
  const at = id.lastIndexOf('-');
  if (at < 0) return null;
  const tail = id.slice(at + 1);
  if (!/^\+?\d+$/.test(tail)) return null;
  const n = Number(tail.replace('+', ''));
  return n >= 1 && Number.isSafeInteger(n) ? [id.slice(0, at), n] : null;
}

const cache = new Map();

/** `{colour, index, shape}` of the cluster with this id (index into COLOURS). */
export function styleOf(id) {
  let s = cache.get(id);
  if (s) return s;
  const parts = split(id);
  let rank;
  let start;
  let n;
  const L = BigInt(COLOURS.length);
  if (parts && RANK.has(parts[0])) {
    rank = BigInt(RANK.get(parts[0]));
    start = BigInt(CLASSES.get(parts[0]));
    n = BigInt(parts[1]);
  } else {
    const h = fnv(parts ? parts[0] : id);
    rank = h / L;
    start = h;
    n = parts ? BigInt(parts[1]) : 1n;
  }
  const i = n - 1n;
  const index = Number((start + i) % L);
  s = { index, colour: COLOURS[index], shape: SHAPES[Number((rank + i / L) % BigInt(SHAPES.length))] };
  cache.set(id, s);
  return s;
}

/** The CSS class giving a card its cluster's colour (style.css: .c0 … .c6). */
export const colourClass = (id) => `c${styleOf(id).index}`;

/** Adds a marker's outline to a canvas path: the cluster's shape at (x, y). */
export function trace(g, shape, x, y, r) {
  switch (shape) {
    case 'square': {
      const s = r * 0.9;
      g.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    }
    case 'triangle': {
      const s = r * 1.25;
      g.moveTo(x, y - s);
      g.lineTo(x + s * 0.866, y + s * 0.5);
      g.lineTo(x - s * 0.866, y + s * 0.5);
      g.closePath();
      break;
    }
    case 'diamond': {
      const s = r * 1.2;
      g.moveTo(x, y - s);
      g.lineTo(x + s, y);
      g.lineTo(x, y + s);
      g.lineTo(x - s, y);
      g.closePath();
      break;
    }
    default:
      g.moveTo(x + r, y);
      g.arc(x, y, r, 0, 2 * Math.PI);
  }
}
