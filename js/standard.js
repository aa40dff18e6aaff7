// marcheck/standard: a Standard Schema v1 adapter (https://standardschema.dev).
// Error findings become issues with a path; warnings and info never fail a value.
//
// Loading: importing this module starts loading the core (init() of "marcheck", memoised: the
// app's own init() and marcheck/attach share the one fetch of the .wasm). `ready` resolves once it
// is loaded; from then on validate() answers synchronously, which form libraries with sync
// validators need (TanStack Form): `await ready` before they first call it. Called earlier,
// validate() returns a Promise, as Standard Schema allows. In Node the package's "node" condition
// loads standard.node.js, which initialises the core from disk first: ready at import.
// No node:* import here, so bundlers have nothing to warn about.
import init, { validate, version } from "./marcheck.js";

let loaded = false;

function probe() {
  if (!loaded)
    try {
      version(); // throws until the core is initialised (by anyone)
      loaded = true;
    } catch {
      /* not yet */
    }
  return loaded;
}

/** Resolves when the core is loaded (at once in Node); rejects if the .wasm cannot load. */
export const ready = probe()
  ? Promise.resolve()
  : init().then(() => {
      loaded = true;
    });
ready.catch(() => {}); // a page that never awaits it gets no unhandled rejection; awaiting it still throws

/** "accounts[0].value" -> ["accounts", 0, "value"]; "" -> []. */
export function toPath(field) {
  return (String(field).match(/[^.[\]]+/g) || []).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function result(value, options) {
  const report = validate(value, options);
  const issues = [];
  for (const f of report.findings)
    if (f.severity == "error") issues.push(f.field ? { message: f.message, path: toPath(f.field) } : { message: f.message });
  return issues.length ? { issues } : { value };
}

/**
 * A Standard Schema for a MAR form. `options` are validate()'s (contract §3), `scope` included:
 * `createSchema({ scope: ["authority", "case"] })` fails only on the errors of those fields, for a
 * form (or a wizard step) that renders only them; rules still read the whole value.
 */
export function createSchema(options) {
  return {
    "~standard": {
      version: 1,
      vendor: "marcheck",
      validate(value) {
        if (loaded || probe()) return result(value, options);
        return ready.then(() => result(value, options));
      },
    },
  };
}

/** The schema with the default options (asOf: the local date, locale "en"). */
export const marcheckSchema = createSchema();
export default marcheckSchema;
