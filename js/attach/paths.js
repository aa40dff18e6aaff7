// Model paths and partial forms for the binding: checking a path given from code, merging values
// from elsewhere, and narrowing a report to the binding's scope (contract §8: "controls", an
// element or a list of paths; findings out of scope neither mark, list nor block, while
// `h.report` keeps them all). The form itself lives in the core's session (`createSession`).

const SEG = /[^.[\]]+/g;
const UNSAFE = new Set(["__proto__", "constructor", "prototype"]);
const isObj = (v) => v !== null && typeof v == "object" && !Array.isArray(v);

/** "accounts[2].value" -> ["accounts", 2, "value"]; null for a path that is not one. */
export function segments(path) {
  if (typeof path != "string" || !/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(path)) return null;
  const segs = path.match(SEG).map((s) => (/^\d+$/.test(s) ? +s : s));
  return segs.some((s) => UNSAFE.has(s)) ? null : segs;
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

/** Does a list of paths (the binding's `scope`, as §3 reads one) cover a finding's field? */
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
