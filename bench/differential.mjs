// Differential check of the yardstick: the baseline and marcheck (pkg/) must find the same
// things (code, field, order) and derive the same facts, on the bench forms, on the project's
// fixtures, and on seeded random mutations of the bench forms (the lenient reader's odd
// inputs: wrong types, form-control strings, impossible dates, unknown codes).
//   node bench/differential.mjs [N=20000] [SEED=1]     prints the differences; exits 1 if any
import { readFileSync, readdirSync, existsSync } from "node:fs";
import * as baseline from "./baseline.mjs";

const here = new URL("./", import.meta.url);
const root = new URL("../", import.meta.url);

export async function loadMarcheck() {
  const pkg = new URL((process.env.BENCH_PKG || "pkg").replace(/\/?$/, "/"), root);
  if (!existsSync(new URL("marcheck_bg.wasm", pkg))) return null;
  const m = await import(new URL("marcheck.js", pkg));
  m.initSync({ module: readFileSync(new URL("marcheck_bg.wasm", pkg)) });
  return m;
}

const POOL = [
  "", " ", "yes", "no", "on", "0", "1", 0, 1, 2, -5, 90, " 90 ", "90.0", 731, null, true, false, [], {}, ["x"],
  "2026-11-20", "2026-11-30", "2026-02-30", "20/11/2026", "2026-11-19T10:00", "2026-11-19T10:00:00+12:00",
  "us", "AU", "XX", "FJ", "formal_mar", "police-to-police", "preserved", "requested", "not_requested", "content",
  "death", "serious_harm", "other", "unknown", "domain_name", "n/a", "aaaa", "ABC-1234", "a@gmail.com",
  "x@police.gov.fj", "+679 334-3777", "0412 345 678", "https://x.y/z", "ftp://a", "10.0.0.1", "::1", "1.2.3",
  "ip", "phone", "email", "url", "username", "user_id", "meta", "x", "tiktok", "snap", "google", "nope",
];
const AS_OFS = ["2026-11-20", "2026-12-01", "2026-12-28", "2027-03-01"];

const summary = (r) => JSON.stringify([r.findings.map((f) => `${f.code} ${f.field}`), r.facts]);

function paths(o, pre = "", out = []) {
  for (const k of Object.keys(o)) {
    const p = pre ? `${pre}.${k}` : k;
    out.push(p);
    if (o[k] && typeof o[k] === "object") paths(o[k], p, out);
  }
  return out;
}

function set(o, path, v) {
  const ks = path.split(".");
  let x = o;
  for (let i = 0; i < ks.length - 1; i++) {
    if (x == null || typeof x !== "object") return;
    x = x[ks[i]];
  }
  if (x != null && typeof x === "object") x[ks[ks.length - 1]] = v;
}

/** The cases: [{ name, form, options }]. */
export function* cases(n = 20000, seed = 1) {
  const forms = ["typical-valid", "ten-findings"].map((name) => ({ name, form: JSON.parse(readFileSync(new URL(`forms/${name}.json`, here), "utf8")) }));
  for (const { name, form } of forms) yield { name, form, options: { asOf: "2026-11-20" } };
  const fx = new URL("tests/fixtures/", root);
  if (existsSync(fx)) {
    for (const f of readdirSync(fx).filter((f) => f.endsWith(".json")).sort()) {
      const x = JSON.parse(readFileSync(new URL(f, fx), "utf8"));
      if (x && typeof x === "object" && "form" in x) yield { name: `fixture ${f}`, form: x.form, options: x.options ?? { asOf: "2026-11-20" } };
    }
  }
  const all = [...new Set(forms.flatMap((f) => paths(f.form)))];
  let s = seed >>> 0 || 1;
  const rnd = (k) => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return (s >>> 8) % k; };
  for (let i = 0; i < n; i++) {
    const form = structuredClone(forms[rnd(2)].form);
    for (let j = 1 + rnd(4); j > 0; j--) set(form, all[rnd(all.length)], structuredClone(POOL[rnd(POOL.length)]));
    yield { name: `mutation ${i} (seed ${seed})`, form, options: { asOf: AS_OFS[rnd(AS_OFS.length)] } };
  }
}

/** Differences between the two: [{ name, form, options, marcheck, baseline }]. */
export function differences(m, n, seed) {
  const out = [];
  for (const c of cases(n, seed)) {
    const a = summary(m.validate(c.form, c.options));
    const b = summary(baseline.validate(c.form, c.options));
    if (a !== b) out.push({ ...c, marcheck: JSON.parse(a), baseline: JSON.parse(b) });
  }
  return out;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const m = await loadMarcheck();
  if (!m) { console.error("differential: pkg/ is not built (make build)"); process.exit(2); }
  const n = Number(process.argv[2] ?? 20000), seed = Number(process.argv[3] ?? 1);
  const d = differences(m, n, seed);
  for (const x of d.slice(0, 10)) console.log(JSON.stringify(x));
  console.log(`differential: ${d.length} difference(s) over the bench forms, the fixtures and ${n} mutations (seed ${seed})`);
  process.exit(d.length ? 1 : 0);
}
