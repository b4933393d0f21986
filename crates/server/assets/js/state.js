// The page's model: the list of municipalities, the lineup (clusters of ids),
// pins, marks, the last report and evaluation, and the undo/redo history.
// The server keeps nothing: everything needed to continue is here (and in a
// saved session file).

export const state = {
  /** {name, rows: [...], must_link, cannot_link, classes} or null. */
  input: null,
  /** id → row of the list. */
  byId: new Map(),
  /** [{id, members: [ids]}], in display order. */
  clusters: [],
  /** id → cluster id the member is fixed to. */
  pins: new Map(),
  /** Members taken off the list since the last solve: id → {row, cluster}
   * (the what-if's baseline still holds them, so they are reported as left). */
  left: new Map(),
  /** id → 'joined' | 'moved' | 'differs'. */
  marks: new Map(),
  /** The last report that belongs to `clusters` (solve, what-if, or a valid edit). */
  report: null,
  /** The assignment the report was solved to (id → cluster), for "moved by hand". */
  solvedAt: new Map(),
  /** The last evaluation (score, breaches, explanation) … */
  evaluation: null,
  /** … and the `clusters` it was made for (older while a new one is on its way). */
  evaluatedFor: null,
  /** The last lineup that kept every rule (explanations of a broken edit use it). */
  lastValid: null,
  /** Where `clusters` came from: 'solve', 'edit', 'whatif', 'alternative', 'session'. */
  origin: null,
  /** Alternatives report and the one shown. */
  alternatives: null,
  altIndex: 0,
  /** The member picked up by keyboard or click, waiting for a target. */
  selected: null,
  /** The member whose explanation is shown. */
  focus: null,
  /** Why the last edit breaks rules, in words (from the explanation). */
  why: '',
  /** A cluster highlighted on map and cards. */
  hot: null,
  /** A job (solve, what-if, alternatives) running: {id, kind, abort}. */
  job: null,
};

const listeners = new Set();
/** Calls `fn(what)` after every change. */
export const onChange = (fn) => listeners.add(fn);
/** Tells the listeners what changed: 'input', 'lineup', 'evaluation', 'view', 'job'. */
export function changed(what) {
  for (const fn of listeners) fn(what);
}

/** Replaces the list of municipalities. */
export function setInput(input) {
  state.input = input;
  state.byId = new Map(input.rows.map((r) => [r.id, r]));
}

// The lineup is replaced, never changed in place (every edit makes new
// arrays), so what follows from it is computed once per lineup: the page
// asks for it every frame, and the whole register has 10 794 members.
let placed = { clusters: null, map: new Map() };
let rest = { clusters: null, rows: null, ids: [] };

/** The cluster id of every member (id → cluster id); do not change it. */
export function assignment() {
  if (placed.clusters !== state.clusters) {
    const map = new Map();
    state.clusters.forEach((c) => c.members.forEach((id) => map.set(id, c.id)));
    placed = { clusters: state.clusters, map };
  }
  return placed.map;
}

/** Ids of the list that are in no cluster. */
export function unplaced() {
  const rows = state.input ? state.input.rows : null;
  if (rest.clusters !== state.clusters || rest.rows !== rows) {
    const a = assignment();
    rest = { clusters: state.clusters, rows, ids: rows ? rows.map((r) => r.id).filter((id) => !a.has(id)) : [] };
  }
  return rest.ids;
}

/** The lineup as the API reads it. */
export function lineupJson() {
  return { clusters: state.clusters.map((c) => ({ id: c.id, members: [...c.members] })) };
}

/** Takes the lineup of a report (solve, what-if, alternative). */
export function takeReport(report, origin) {
  state.clusters = report.clusters.map((c) => ({ id: c.id, members: c.members.map((m) => m.id) }));
  state.report = report;
  state.evaluation = null;
  state.origin = origin;
  state.solvedAt = assignment();
  state.left = new Map();
  state.selected = null;
}

/** Members whose cluster differs from the one the last solve gave them. */
export function movedByHand() {
  const now = assignment();
  return [...now].filter(([id, c]) => state.solvedAt.has(id) && state.solvedAt.get(id) !== c).map(([id]) => id);
}

// History: snapshots of the lineup, pins, marks and list.

const undoStack = [];
const redoStack = [];
const LIMIT = 200;

function snapshot() {
  return {
    clusters: state.clusters.map((c) => ({ id: c.id, members: [...c.members] })),
    pins: [...state.pins],
    marks: [...state.marks],
    left: state.left,
    rows: state.input ? state.input.rows : null,
    report: state.report,
    origin: state.origin,
    solvedAt: state.solvedAt,
  };
}

function restore(s) {
  state.clusters = s.clusters;
  state.pins = new Map(s.pins);
  state.marks = new Map(s.marks);
  state.left = s.left;
  if (s.rows && state.input) setInput({ ...state.input, rows: s.rows });
  state.report = s.report;
  state.origin = s.origin;
  state.solvedAt = s.solvedAt;
  // The evaluation stays on show (most clusters are unchanged) until the
  // restored lineup is scored again; `evaluatedFor` tells it is older.
  state.selected = null;
}

/** Records the state before a change, so that undo returns to it. */
export function remember() {
  undoStack.push(snapshot());
  if (undoStack.length > LIMIT) undoStack.shift();
  redoStack.length = 0;
}

/** Forgets the history (a new list was loaded). */
export function forget() {
  undoStack.length = 0;
  redoStack.length = 0;
}

export const canUndo = () => undoStack.length > 0;
export const canRedo = () => redoStack.length > 0;

/** Undoes the last change; false if there is none. */
export function undo() {
  if (!undoStack.length) return false;
  redoStack.push(snapshot());
  restore(undoStack.pop());
  return true;
}

/** Redoes the last undone change; false if there is none. */
export function redo() {
  if (!redoStack.length) return false;
  undoStack.push(snapshot());
  restore(redoStack.pop());
  return true;
}
