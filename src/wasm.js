// The JavaScript half of the wasm layer (`src/wasm.rs`): how a form becomes the JSON text the
// core reads. wasm-bindgen emits it beside its glue and `scripts/build.sh` bundles it in.

// The deepest nesting the core reads (`MAX_DEPTH` in src/lib.rs): deeper values are cut to
// `null` there, so a form nested deeper than JSON.stringify can go gives the same report here
// as on the command line.
const MAX_DEPTH = 64;

/** A JSON.stringify that never goes deeper than MAX_DEPTH and never throws for a cycle. */
function bounded(value, mark) {
  const depth = new WeakMap();
  // `this` is the holder of `v`: JSON.stringify's own wrapper (depth 0) for the root.
  return JSON.stringify(value, function (key, v) {
    const d = depth.get(this) ?? 0;
    if (typeof v === "bigint") return String(v);
    if (mark !== undefined && v === undefined && !Array.isArray(this)) return mark;
    if (v !== null && typeof v === "object") {
      if (d + 1 > MAX_DEPTH) return null;
      // A copy: JSON.stringify refuses an object that is already being written (a cycle), and
      // the depth limit is what ends a cycle here.
      const copy = Array.isArray(v) ? v.slice() : { ...v };
      depth.set(copy, d + 1);
      return copy;
    }
    return v;
  });
}

/** The form as JSON text (`null` for `undefined`), or `undefined` when it cannot be read. */
export function formText(value) {
  if (value === undefined) return "null";
  try {
    const text = JSON.stringify(value);
    return text === undefined ? "null" : text;
  } catch {
    // Too deep for JSON.stringify, a cycle, or a BigInt: read again with bounds.
    try {
      return bounded(value) ?? "null";
    } catch {
      return undefined; // a getter or toJSON threw
    }
  }
}

/** A partial form as JSON text, its `undefined` object values written as `removed`. */
export function mergeText(value, removed) {
  try {
    return bounded(value, removed) ?? "null";
  } catch {
    return undefined;
  }
}

/** Today in the browser's local time zone (not UTC), as `yyyymmdd`. */
export function localToday() {
  const d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}
