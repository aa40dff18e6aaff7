// Shared by the Node tests: loads pkg/ and holds a form that passes every error rule.
import { readFileSync, existsSync } from "node:fs";
import assert from "node:assert/strict";

export const PKG = new URL("../../pkg/", import.meta.url);
export const WASM = new URL("marcheck_bg.wasm", PKG);
assert.ok(existsSync(WASM), "pkg/marcheck_bg.wasm is missing: run `make build` first");
export const wasmBytes = () => readFileSync(WASM);

export const AS_OF = "2026-11-20";

/** Valid on 2026-11-20 except for warnings (preservation expires in 11 days) and info. */
export const VALID_FORM = Object.freeze({
  requestType: "formal_mar",
  requestingCountry: "FR",
  requestedCountry: "US",
  legalBasis: { instrument: "France–US Mutual Legal Assistance Treaty", article: "Art. 1" }, // v2: CASE004 for a formal MAR
  authority: {
    name: "Police nationale, OFAC",
    officer: "Insp. Marie Dupont",
    email: "m.dupont@interieur.gouv.fr",
    phone: "+33 1 49 27 49 27",
  },
  case: {
    reference: "OFAC-2026-1142",
    facts:
      "Between May and August 2026 the suspect used the account below to sell counterfeit bank cards to at least forty victims in France.",
    nexus: "The account was used to negotiate every sale with the victims.",
    offences: [{ name: "Fraud", provision: "Code penal art. 313-1", maxPenaltyYears: 5 }],
  },
  provider: { name: "Google LLC", profile: "google" },
  accounts: [{ kind: "email", value: "seller.cards@gmail.com" }],
  data: { categories: ["subscriber", "traffic"], from: "2026-06-01", to: "2026-08-31" },
  preservation: {
    status: "preserved",
    requestedOn: "2026-09-01",
    confirmedOn: "2026-09-02",
    reference: "GGL-PRES-88231",
    periodDays: 90,
    proofAttached: true,
  },
  recordsLocation: { country: "US", confirmed: true, basis: "provider_confirmed" },
  notification: {
    providerNotifies: "yes",
    requestNonDisclosure: true,
    reason: "Notice would let the suspect destroy the evidence.",
    durationDays: 180,
  },
});

/** A deep copy with changes applied by `edit(copy)`. */
export function variant(edit) {
  const copy = structuredClone(VALID_FORM);
  edit(copy);
  return copy;
}

/** Asserts `v` is plain data all the way down (plain objects and arrays, no Map, no class). */
export function assertPlain(v, where = "report") {
  if (v === null || ["string", "number", "boolean"].includes(typeof v)) return;
  if (Array.isArray(v)) return v.forEach((x, i) => assertPlain(x, `${where}[${i}]`));
  assert.equal(typeof v, "object", `${where} is ${typeof v}`);
  assert.equal(Object.getPrototypeOf(v), Object.prototype, `${where} is not a plain object`);
  for (const [k, x] of Object.entries(v)) assertPlain(x, `${where}.${k}`);
}

/** Asserts the report shape of contract §4, and that its counts agree with its findings. */
export function assertReport(r) {
  assertPlain(r);
  assert.deepEqual(Object.keys(r).sort(), ["counts", "facts", "findings", "ok"]);
  assert.equal(typeof r.ok, "boolean");
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of r.findings) {
    assert.deepEqual(Object.keys(f).sort(), ["code", "field", "help", "message", "params", "severity", "source"]);
    assert.match(f.code, /^[A-Z]+\d{3}$/);
    assert.ok(f.severity in counts, f.severity);
    assert.equal(typeof f.field, "string");
    assert.ok(f.message.length > 0, `${f.code} has a message`);
    counts[f.severity]++;
  }
  assert.deepEqual(r.counts, counts);
  assert.equal(r.ok, counts.error === 0);
  for (const k of ["preservationStart", "preservationExpiresOn", "preservationDaysLeft", "extensionsCounted", "responseDueOn", "submissionDate"])
    assert.ok(k in r.facts, `facts.${k}`);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r, "survives JSON unchanged");
}
