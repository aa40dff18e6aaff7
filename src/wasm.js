// The JavaScript half of the wasm layer (`src/wasm.rs`): how a form becomes the JSON text the
// core reads. wasm-bindgen emits it beside its glue and `scripts/build.sh` bundles it in.

// The deepest nesting the core reads (`MAX_DEPTH` in src/lib.rs): deeper values are cut to
// `null` there, so a form nested deeper than JSON.stringify can go gives the same report here
// as on the command line.
const MAX_DEPTH = 64;
// The most items of a list the core reads is 200 rows (`MAX_ROWS`); the most keys of an object
// is the model's. Beyond these, a value is cut before it is walked (`bounded`), leaving room for
// the core to say that the list was too long.
const MAX_ITEMS = 1000;
const MAX_KEYS = 1000;

/**
 * A JSON.stringify that never goes deeper than MAX_DEPTH, never throws for a cycle, and never
 * walks more than the core reads: a list is cut to its first MAX_ITEMS items and an object to
 * its first MAX_KEYS keys. With `removed`, the paths of `undefined` object values are pushed
 * there (lists of keys and row indexes). Each property is read once, as JSON.stringify reads it
 * (a getter runs once). The plain JSON.stringify of `formText` writes a huge value whole (a
 * typed array of 200 000 numbers, a sparse array with index 1e6): the core's reader passes
 * over it without building anything (tests/wasm.rs times each under 100 ms).
 */
function bounded(value, removed) {
  const path = new WeakMap();
  let root = true;
  // `this` is the holder of `v`: JSON.stringify's own wrapper (path []) for the root.
  return JSON.stringify(value, function (key, v) {
    const here = path.get(this) ?? [];
    if (typeof v === "bigint") return String(v);
    if (root && (v === null || typeof v !== "object")) root = false;
    if (removed && v === undefined && !Array.isArray(this)) removed.push(here.concat(key));
    if (v !== null && typeof v === "object") {
      if (here.length + 1 > MAX_DEPTH) return null;
      // A copy: JSON.stringify refuses an object that is already being written (a cycle), and
      // the depth limit is what ends a cycle here. Only what the core reads is copied.
      let copy;
      if (Array.isArray(v) || ArrayBuffer.isView(v)) {
        const n = Math.min(v.length >>> 0, MAX_ITEMS);
        copy = new Array(n);
        for (let i = 0; i < n; i++) copy[i] = v[i];
      } else if (typeof v.toJSON === "function") {
        return v;
      } else {
        copy = {};
        let n = 0;
        for (const k in v) {
          if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
          if (n++ >= MAX_KEYS) break;
          copy[k] = v[k];
        }
      }
      const p = root ? [] : here.concat(Array.isArray(this) ? Number(key) : key);
      root = false;
      path.set(copy, p);
      return copy;
    }
    return v;
  });
}

/**
 * Whether `v` holds, in the model's first levels (the form, its groups and lists, their rows),
 * a list or object larger than the core reads, or a typed array: then it is cut before it is
 * written (`bounded`). Values are looked at through their property descriptors, so no getter
 * runs here (it runs once, when the form is written).
 */
function large(v, depth) {
  if (ArrayBuffer.isView(v)) return true;
  const list = Array.isArray(v);
  const keys = list ? null : Object.keys(v);
  if (list ? v.length > MAX_ITEMS : keys.length > MAX_KEYS) return true;
  if (depth >= 2) return false;
  const n = list ? v.length : keys.length;
  for (let i = 0; i < n; i++) {
    const d = Object.getOwnPropertyDescriptor(v, list ? i : keys[i]);
    const c = d === undefined ? undefined : d.value;
    if (c !== null && typeof c === "object" && large(c, depth + 1)) return true;
  }
  return false;
}

/** The form as JSON text (`null` for `undefined`), or `undefined` when it cannot be read. */
export function formText(value) {
  if (value === undefined) return "null";
  try {
    if (value !== null && typeof value === "object" && large(value, 0)) return bounded(value) ?? "null";
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

/**
 * Options as JSON text for the core (`Options::from_json` in src/options.rs reads it). A number
 * JSON cannot hold (NaN, Infinity) is written as its name, so that it is refused with its path
 * instead of reading as `null` (the default); a BigInt is written as its digits; a Map or a Set
 * (which JSON writes as `{}`) is refused. Throws what JSON.stringify throws (a getter threw, a
 * cycle).
 */
export function optionsText(value) {
  return JSON.stringify(value, (key, v) => {
    if (typeof v === "bigint" || (typeof v === "number" && !Number.isFinite(v))) return String(v);
    // JSON writes a Map or a Set as {}: refused, so that it is not read as nothing said.
    if (v instanceof Map || v instanceof Set) throw new TypeError(`${key ? `"${key}" is ` : ""}a ${v instanceof Map ? "Map" : "Set"}: give a plain object or array`);
    return v;
  }) ?? "null";
}

/** `[partial, removed]` as JSON text: the partial form, and the paths of its `undefined` values. */
export function mergeText(value) {
  try {
    const removed = [];
    const text = bounded(value, removed) ?? "null";
    return "[" + text + "," + JSON.stringify(removed) + "]";
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
 * The `len` bytes of UTF-8 at `ptr` as a string. A short ASCII text (a report's usual texts:
 * dates, codes, English messages) is read by a loop here: TextDecoder's call costs more than the
 * whole loop when the keystroke finds it cold (README, "The keystroke").
 */
function textOf(memory, ptr, len) {
  const bytes = new Uint8Array(memory.buffer, ptr, len);
  if (len <= 2048) {
    let i = 0;
    while (i < len && bytes[i] < 128) i++;
    if (i == len) return String.fromCharCode.apply(null, bytes);
  }
  return (decoder ??= new TextDecoder()).decode(bytes);
}

/** The texts of the module's own data that tapes have referred to, by address and length. */
const statics = new Map();
let decoder;

/**
 * The plain value a tape holds (src/tape.rs): words NULL 0, TRUE 1, FALSE 2, INT 3 lo hi,
 * TEXT 4 end (a slice of `text`, in UTF-16 units), LIST 5 n, MAP 6 n (n key/value pairs),
 * STATIC 7 ptr len (a text of the module's data, `len` bytes of UTF-8 at `ptr` in `memory`:
 * decoded once and kept, since that data never changes). Keys are the report's own field names,
 * never a form's text.
 */
export function fromTape(words, textAt, textLen, memory) {
  const text = textOf(memory, textAt, textLen);
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
      case 7: {
        const ptr = words[i++], len = words[i++], key = len * 4294967296 + ptr;
        let s = statics.get(key);
        if (s === undefined) {
          s = (decoder ??= new TextDecoder()).decode(new Uint8Array(memory.buffer, ptr, len));
          statics.set(key, s);
        }
        return s;
      }
      default: return undefined;
    }
  };
  return read();
}
