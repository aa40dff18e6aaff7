// A session (contract §7) for the binding: the core's own `createSession` when the core has one,
// else an exact emulation over `validate` (the form kept as a JS object, validated in full on
// every call). The binding only ever talks to what this returns.

const SEG = /[^.[\]]+/g;
const UNSAFE = new Set(["__proto__", "constructor", "prototype"]);
const isObj = (v) => v !== null && typeof v == "object" && !Array.isArray(v);

/** "accounts[2].value" -> ["accounts", 2, "value"]; null for a path that is not one. */
export function segments(path) {
  if (typeof path != "string" || !/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(path)) return null;
  const segs = path.match(SEG).map((s) => (/^\d+$/.test(s) ? +s : s));
  return segs.some((s) => UNSAFE.has(s)) ? null : segs;
}

/** Sets `value` at `segs` in `obj`, creating parents (arrays under an index); undefined removes. */
export function setIn(obj, segs, value) {
  for (let i = 0; i < segs.length - 1; i++) {
    const k = segs[i];
    if (!obj[k] || typeof obj[k] != "object") {
      if (value === undefined) return obj; // removing under a missing parent: nothing to do
      obj[k] = typeof segs[i + 1] == "number" ? [] : {};
    }
    obj = obj[k];
  }
  const last = segs[segs.length - 1];
  if (value !== undefined) obj[last] = value;
  else if (Array.isArray(obj) && typeof last == "number") {
    if (last < obj.length) obj[last] = undefined;
  } else delete obj[last];
  return obj;
}

/** Deep merge (contract §7): objects merge, arrays and other values replace, undefined removes. */
export function mergeInto(target, partial) {
  if (!isObj(partial)) return target;
  for (const k of Object.keys(partial)) {
    if (UNSAFE.has(k)) continue;
    const v = partial[k];
    if (v === undefined) delete target[k];
    else if (isObj(v)) target[k] = mergeInto(isObj(target[k]) ? target[k] : {}, v);
    else target[k] = clone(v);
  }
  return target;
}

export const clone = (v) =>
  Array.isArray(v) ? v.map(clone) : isObj(v) ? mergeInto({}, v) : v;

/** Does a scope (a list of paths, §3) cover a finding's field? */
export function covers(scope, field) {
  for (const p of scope) {
    if (p === "" ? field === "" : field === p || (field.startsWith(p) && (field[p.length] == "." || field[p.length] == "[")))
      return true;
  }
  return false;
}

/** A report with only the findings `keep` accepts; ok and counts recomputed over those (§3). */
export function narrow(report, keep) {
  const findings = report.findings.filter((f) => keep(f.field));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in counts) counts[f.severity]++;
  return { ...report, ok: counts.error == 0, counts, findings };
}

/**
 * createSession(core, options) -> { set, merge, replace, form, report, free }, each returning a
 * Report (contract §7). `core` is the loaded `marcheck.js` module.
 */
export function createSession(core, options = {}) {
  if (typeof core.createSession == "function") return core.createSession(options);

  // ---- Emulation over validate(). Remove when the core's session lands (contract §7). ----
  let form = {}, freed = false;
  const live = () => {
    if (freed) throw new Error("marcheck: this session was freed");
  };
  const report = (scope) => {
    live();
    const opts = scope === undefined ? options : { ...options, scope };
    const r = core.validate(form, opts);
    // The v0.1 core ignores `scope`: narrow the report here. Remove when the core's session lands.
    const s = scope === undefined ? options.scope : scope;
    return Array.isArray(s) && !(r.findings.length == 1 && r.findings[0].code == "FORM001" && r.findings[0].field == "")
      ? narrow(r, (field) => covers(s, field))
      : r;
  };
  return {
    set(path, value) {
      live();
      const segs = segments(path);
      if (!segs) throw new Error(`marcheck: "${path}" is not a model path`);
      setIn(form, segs, clone(value));
      return report();
    },
    merge(partial) {
      live();
      mergeInto(form, partial);
      return report();
    },
    replace(next) {
      live();
      form = isObj(next) ? mergeInto({}, next) : clone(next);
      return report();
    },
    form() {
      live();
      return clone(form);
    },
    report,
    free() {
      freed = true;
      form = null;
    },
  };
  // ---- end of the emulation ----
}
