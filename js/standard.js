// marcheck/standard: a Standard Schema v1 adapter (https://standardschema.dev).
// Findings become issues with a path and what a portal needs to translate or style them: the
// finding's code, params, severity and source (and its help text). By default only errors are
// issues (warnings and info never fail a value); `issues: "warnings"` or `"all"` lets them through.
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

// `issues`: which severities become issues. The least severe one each choice lets through.
const LEVELS = { errors: 3, warnings: 2, all: 1 };
const RANK = { error: 3, warning: 2, info: 1 };

/** An Error that says which createSchema option is wrong and what it takes. */
const bad = (what, cause) =>
  new Error(`marcheck/standard: createSchema(): ${what}`, cause === undefined ? undefined : { cause });

/** Checks the options without the core (it may not be loaded yet); returns { core, least }. */
function split(options) {
  if (options === undefined || options === null) return { core: undefined, least: 3 };
  if (typeof options != "object" || Array.isArray(options))
    throw bad(`options must be an object (validate()'s options, plus "issues"), not ${Array.isArray(options) ? "an array" : typeof options}`);
  const { issues = "errors", ...core } = options;
  if (!Object.hasOwn(LEVELS, issues))
    throw bad(`options.issues must be "errors" (the default), "warnings" (errors and warnings) or "all" (info too), not ${JSON.stringify(issues) ?? String(issues)}`);
  if ("scope" in core && core.scope !== undefined && (!Array.isArray(core.scope) || core.scope.some((p) => typeof p != "string")))
    throw bad('options.scope must be a list of field paths (strings), e.g. ["authority", "case"]');
  return { core, least: LEVELS[issues] };
}

/** The core's own check of the options (asOf, locale, rules, thresholds...), once it is loaded. */
function checkWithCore(core) {
  try {
    validate({}, core);
  } catch (e) {
    throw bad(String((e && e.message) || e).replace(/^marcheck:\s*/, ""), e);
  }
}

function issueOf(f) {
  const issue = { message: f.message, code: f.code, severity: f.severity, source: f.source, params: f.params ?? {}, help: f.help };
  if (f.field) issue.path = toPath(f.field);
  return issue;
}

function result(value, core, least) {
  const report = validate(value, core);
  const issues = [];
  for (const f of report.findings) if ((RANK[f.severity] || 0) >= least) issues.push(issueOf(f));
  return issues.length ? { issues } : { value };
}

/**
 * A Standard Schema for a MAR form. `options` are validate()'s (contract §3), `scope` included:
 * `createSchema({ scope: ["authority", "case"] })` fails only on the findings of those fields, for
 * a form (or a wizard step) that renders only them; rules still read the whole value. One more
 * option, `issues`, says which findings are issues: "errors" (default), "warnings" (errors and
 * warnings) or "all" (info too). Bad options throw an Error here, at once (the core's own check
 * runs at once when it is loaded, else when it has loaded, before the first validation).
 */
export function createSchema(options) {
  const { core, least } = split(options);
  let checked = false;
  const check = () => {
    if (!checked) checkWithCore(core);
    checked = true;
  };
  if (loaded || probe()) check();
  return {
    "~standard": {
      version: 1,
      vendor: "marcheck",
      validate(value) {
        if (loaded || probe()) return check(), result(value, core, least);
        return ready.then(() => (check(), result(value, core, least)));
      },
    },
  };
}

/** The schema with the default options (asOf: the local date, locale "en"). */
export const marcheckSchema = createSchema();
export default marcheckSchema;
