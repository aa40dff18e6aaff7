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

/**
 * The plain value a tape holds (src/tape.rs): words NULL 0, TRUE 1, FALSE 2, INT 3 lo hi,
 * TEXT 4 end (a slice of `text`, in UTF-16 units), LIST 5 n, MAP 6 n (n key/value pairs). Keys
 * are the report's own field names, never a form's text.
 */
export function fromTape(words, text) {
  let i = 0, at = 0;
  const read = () => {
    switch (words[i++]) {
      case 0: return null;
      case 1: return true;
      case 2: return false;
      case 3: { const lo = words[i++], hi = words[i++] | 0; return hi * 4294967296 + lo; }
      case 4: { const end = words[i++]; const s = text.slice(at, end); at = end; return s; }
      case 5: { const n = words[i++], a = new Array(n); for (let k = 0; k < n; k++) a[k] = read(); return a; }
      case 6: { const n = words[i++], o = {}; for (let k = 0; k < n; k++) { const key = read(); o[key] = read(); } return o; }
      default: return undefined;
    }
  };
  return read();
}
