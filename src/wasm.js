// The JavaScript half of the wasm layer (`src/wasm.rs`): how a form goes in and a report comes
// out. wasm-bindgen emits it beside its glue and `scripts/build.sh` bundles it into
// `pkg/marcheck.js`, so the package keeps its files.
//
// In: `JSON.stringify` (native; it drops functions and `undefined`, writes lone surrogates as
// escapes and `Date`s as ISO text), then one `encodeInto` straight into wasm memory.
// Out: the report as a list of 32-bit words that `buildReport` turns into plain objects. Texts
// that live in the wasm's own data (codes, sources, keys, messages without a placeholder) are
// sent as their address and decoded once, then taken from a cache; the other texts of a report
// are written one after another, decoded in one call and sliced. This replaces a JSON text and
// `JSON.parse`, which cost more than the rules themselves.

let memory, u8, i32;
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
let pending = "";

export function setMemory(m) {
  memory = m;
}

function views() {
  if (u8 === undefined || u8.buffer !== memory.buffer) {
    u8 = new Uint8Array(memory.buffer);
    i32 = new Int32Array(memory.buffer);
  }
}

/** Keeps `JSON.stringify(value)` (`null` for `undefined`); its length, or -1 when JSON cannot hold it. */
export function textOf(value) {
  let text;
  try {
    text = value === undefined ? "null" : JSON.stringify(value);
  } catch {
    text = undefined; // a cycle or a BigInt
  }
  pending = typeof text === "string" ? text : "";
  return typeof text === "string" ? text.length : -1;
}

/** Writes the kept text as UTF-8 at `ptr` (room for `cap` bytes); the bytes written. */
export function takeText(ptr, cap) {
  views();
  const { written } = encoder.encodeInto(pending, u8.subarray(ptr, ptr + cap));
  pending = "";
  return written;
}

/** Today in the browser's local time zone (not UTC), as `yyyymmdd`. */
export function localToday() {
  const d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

// Reading the words: `i` is the next word, `text` the report's other texts, `at` where the next
// of them starts in it.
let i = 0, text = "", at = 0;
const statics = new Map();

/** A text in the wasm's data: address and length in bytes. */
function fixed() {
  const ptr = i32[i++], len = i32[i++];
  let hit = statics.get(ptr);
  if (hit === undefined || hit.len !== len) {
    hit = { len, s: decoder.decode(u8.subarray(ptr, ptr + len)) };
    statics.set(ptr, hit);
  }
  return hit.s;
}

// Value tags, as `src/wasm.rs` writes them.
const NULL = 0, INT = 1, FIXED = 2, TEXT = 3;

function value() {
  switch (i32[i++]) {
    case INT: {
      const lo = i32[i++], hi = i32[i++];
      return hi * 4294967296 + (lo >>> 0);
    }
    case FIXED:
      return fixed();
    case TEXT: {
      const end = i32[i++];
      const s = text.slice(at, end);
      at = end;
      return s;
    }
    default:
      return null;
  }
}

function params() {
  const p = {};
  for (let n = i32[i++]; n > 0; n--) {
    const name = fixed();
    p[name] = value();
  }
  return p;
}

/** The report written at word `words` (an index of 32-bit words), its texts at `ptr`, `len` bytes. */
export function buildReport(words, ptr, len) {
  views();
  i = words;
  text = len === 0 ? "" : decoder.decode(u8.subarray(ptr, ptr + len));
  at = 0;
  const ok = i32[i++] !== 0;
  const counts = { error: i32[i++], warning: i32[i++], info: i32[i++] };
  const findings = [];
  for (let n = i32[i++]; n > 0; n--) {
    findings.push({
      code: fixed(), severity: fixed(), field: value(), message: value(), help: value(),
      source: fixed(), params: params(),
    });
  }
  const facts = {
    preservationStart: value(), preservationExpiresOn: value(), preservationDaysLeft: value(),
    extensionsCounted: value(), responseDueOn: value(), submissionDate: value(), asOf: value(),
    preservationWarningFrom: value(),
  };
  text = "";
  return { ok, counts, findings, facts };
}
