// Parses the server's large JSON answers off the page's main thread (a
// report of the whole register is about 2 MB: parsing it there would hold up
// every frame). A report's members come back as their ids only, the page's
// list knows the rest; the report's full text comes back beside it, for the
// exports that send it to the server again.

/** Every report-like object (clusters with member objects) under `value`,
 * with its path of keys. */
function reports(value, path, out) {
  if (!value || typeof value !== 'object' || path.length > 4) return out;
  if (Array.isArray(value)) {
    // A list of reports (alternatives), not a list of rows.
    if (value.length && value.length <= 64) value.forEach((v, i) => reports(v, [...path, i], out));
    return out;
  }
  const c = value.clusters;
  const first = Array.isArray(c) ? c.find((x) => x && Array.isArray(x.members) && x.members.length) : null;
  if (first && typeof first.members[0] === 'object') out.push([path, value]);
  for (const [k, v] of Object.entries(value)) if (k !== 'clusters' && k !== 'members') reports(v, [...path, k], out);
  return out;
}

self.onmessage = (e) => {
  const { id, text } = e.data;
  try {
    const value = JSON.parse(text);
    const found = reports(value, [], []);
    const texts = found.map(([, r]) => (r === value ? text : JSON.stringify(r)));
    for (const [, r] of found) for (const c of r.clusters) c.members = c.members.map((m) => ({ id: m.id }));
    // A slim answer parses in a few milliseconds on the page.
    self.postMessage({ id, slim: JSON.stringify(value), paths: found.map(([p]) => p), texts });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
};
