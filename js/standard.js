// marcheck/standard: a Standard Schema v1 adapter (https://standardschema.dev).
// Error findings become issues with a path; warnings and info never fail a value.
// The wasm is initialised on first use: until it is ready, validate() returns a Promise;
// afterwards it answers synchronously (also when the app initialised "marcheck" itself).
import init, { validate } from "./marcheck.js";

let ready = false;
let loading;

function isReady() {
  if (!ready)
    try {
      validate({}, {}); // answers once the core is initialised (init() or initSync(), by anyone)
      ready = true;
    } catch {
      /* not yet */
    }
  return ready;
}

// In a browser init() fetches marcheck_bg.wasm next to marcheck.js; Node has no fetch for file:
// URLs, so there the bytes are read from disk (a computed specifier, ignored by bundlers).
async function initialise() {
  const node = typeof process == "object" && process.versions && process.versions.node;
  if (!node) return init();
  const fs = "node:fs/promises";
  const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fs);
  return init({ module_or_path: await readFile(new URL("./marcheck_bg.wasm", import.meta.url)) });
}

function load() {
  return (loading ||= initialise().then(
    () => (ready = true),
    (e) => {
      loading = null; // try again next time
      if (!isReady()) throw e; // unless someone initialised the core meanwhile
    },
  ));
}

/** "accounts[0].value" -> ["accounts", 0, "value"]; "" -> []. */
export function toPath(field) {
  return (String(field).match(/[^.[\]]+/g) || []).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function result(value, options) {
  const report = validate(value, options);
  const issues = report.findings
    .filter((f) => f.severity == "error")
    .map((f) => (f.field ? { message: f.message, path: toPath(f.field) } : { message: f.message }));
  return issues.length ? { issues } : { value };
}

/** A Standard Schema for a MAR form; `options` are marcheck's validate() options (contract §3). */
export function createSchema(options) {
  return {
    "~standard": {
      version: 1,
      vendor: "marcheck",
      validate(value) {
        if (isReady()) return result(value, options);
        return load().then(() => result(value, options));
      },
    },
  };
}

/** The schema with the default options (asOf: the local date, locale "en"). */
export const marcheckSchema = createSchema();
export default marcheckSchema;
