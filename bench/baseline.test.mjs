// Keeps the yardstick honest: the JS baseline must do the contract's work, or the benchmark
// compares marcheck with something that does less.   node --test bench/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { validate } from "./baseline.mjs";

const load = (name) => JSON.parse(readFileSync(new URL(`./forms/${name}.json`, import.meta.url), "utf8"));
const AS_OF = { asOf: "2026-11-20" };
const codes = (r) => r.findings.map((f) => f.code);
const at = (r, code) => r.findings.filter((f) => f.code === code).map((f) => f.field);
const clone = (v) => structuredClone(v);

test("the typical valid form has no error and no warning", () => {
  const r = validate(load("typical-valid"), AS_OF);
  assert.equal(r.ok, true);
  assert.deepEqual(r.counts, { error: 0, warning: 0, info: 1 });
  assert.deepEqual(codes(r), ["LOC005"]); // records in the US: information only
  assert.deepEqual(r.facts, {
    preservationStart: "2026-09-02", preservationExpiresOn: "2027-03-01", preservationDaysLeft: 101,
    extensionsCounted: 1, responseDueOn: "2026-09-03", submissionDate: "2026-11-20",
    asOf: "2026-11-20", preservationWarningFrom: "2027-01-30",
  });
});

test("the ten-findings form gives its ten findings, in form order", () => {
  const r = validate(load("ten-findings"), AS_OF);
  assert.equal(r.ok, false);
  assert.deepEqual(r.findings.map((f) => `${f.code} ${f.field}`), [
    "AUTH002 authority.email",
    "DATA003 case.nexus",
    "ID002 accounts[1].value",
    "ID003 accounts[2].timestamp",
    "DATE004 data.from",
    "PRES002 preservation.reference",
    "FORM001 preservation.periodDays",
    "PRES010 preservation.proofAttached",
    "LOC005 recordsLocation.country",
    "NOTE002 notification.reason",
  ]);
  assert.deepEqual(r.counts, { error: 4, warning: 5, info: 1 });
  // The unreadable period falls back to the profile (google: unknown) then the option (90).
  assert.equal(r.facts.preservationExpiresOn, "2026-12-28");
  for (const f of r.findings) {
    assert.ok(f.message && f.help && f.source && typeof f.params === "object", f.code);
  }
});

test("the contract's window example: 90 days from 2026-09-01", () => {
  const form = clone(load("typical-valid"));
  form.preservation = { status: "preserved", requestedOn: "2026-09-01", confirmedOn: "2026-09-01", reference: "ABC-12345", periodDays: 90, proofAttached: true };
  form.data.to = "2026-08-31";
  let r = validate(form, { asOf: "2026-11-29" });
  assert.equal(r.facts.preservationExpiresOn, "2026-11-30");
  assert.equal(r.facts.preservationDaysLeft, 1);
  assert.deepEqual(at(r, "PRES007"), ["preservation.extensions"]);
  assert.deepEqual(at(r, "PRES006"), []);
  r = validate(form, { asOf: "2026-11-30" });
  assert.deepEqual(at(r, "PRES006"), ["preservation.confirmedOn"]);
  assert.deepEqual(at(r, "PRES007"), []);

  // An extension asked on the expiry day itself counts.
  form.preservation.extensions = [{ requestedOn: "2026-11-30", reference: "ABC-12345-X" }];
  r = validate(form, { asOf: "2026-11-30" });
  assert.equal(r.facts.extensionsCounted, 1);
  assert.equal(r.facts.preservationExpiresOn, "2027-02-28");
  assert.deepEqual(at(r, "PRES006"), []);
  assert.deepEqual(at(r, "PRES008"), []);

  // One day later it is outside the window: PRES008, and the preservation has lapsed.
  form.preservation.extensions = [{ requestedOn: "2026-12-01" }];
  r = validate(form, { asOf: "2026-12-02" });
  assert.deepEqual(at(r, "PRES008"), ["preservation.extensions[0].requestedOn"]);
  assert.deepEqual(at(r, "PRES006"), ["preservation.confirmedOn"]);

  // Two counted extensions of 90 exceed maxTotalDays 180: PRES009 on the extensions.
  form.preservation.extensions = [{ requestedOn: "2026-11-01" }, { requestedOn: "2027-01-15" }];
  r = validate(form, { asOf: "2026-11-20" });
  assert.equal(r.facts.extensionsCounted, 2);
  assert.deepEqual(at(r, "PRES009"), ["preservation.extensions"]);
  assert.deepEqual(at(r, "PRES005"), ["preservation.extensions[1].requestedOn"]);
});

test("business days skip weekends and holidays (PRES003)", () => {
  const form = clone(load("typical-valid"));
  form.requestType = "preservation_only";
  form.preservation = { status: "requested", requestedOn: "2026-11-13" }; // a Friday
  let r = validate(form, { asOf: "2026-11-18" });
  assert.equal(r.facts.responseDueOn, "2026-11-17");
  assert.deepEqual(at(r, "PRES003"), ["preservation.reference"]);
  r = validate(form, { asOf: "2026-11-18", holidays: ["2026-11-16"] });
  assert.equal(r.facts.responseDueOn, "2026-11-18");
  assert.deepEqual(at(r, "PRES003"), []);
});

test("lenient reading: strings from form controls, and FORM001 for the rest", () => {
  const form = clone(load("typical-valid"));
  form.requestingCountry = " fj ";
  form.preservation.periodDays = " 90 ";
  form.preservation.proofAttached = "on";
  form.recordsLocation.confirmed = "Yes";
  form.authority.phone = "+679 334-3777";
  form.requestType = "Formal-MAR";
  assert.deepEqual(codes(validate(form, AS_OF)), ["LOC005"]);

  form.recordsLocation.confirmed = "maybe";
  form.submissionDate = "20/11/2026";
  const r = validate(form, AS_OF);
  assert.deepEqual(at(r, "FORM001"), ["submissionDate", "recordsLocation.confirmed"]);
  assert.deepEqual(at(r, "LOC002"), []); // reported once, not again as "not confirmed"
  assert.deepEqual(at(validate(form, { ...AS_OF, dateOrder: "dmy" }), "FORM001"), ["recordsLocation.confirmed"]);

  assert.deepEqual(validate("not a form", AS_OF).findings.map((f) => [f.code, f.field]), [["FORM001", ""]]);
  assert.equal(validate({}, AS_OF).ok, false);
});

test("identifiers, emergency, CSAM and notification rules", () => {
  const form = clone(load("typical-valid"));
  form.accounts.push({ kind: "email", value: "Tide.Runner.FJ@example.net" }, { kind: "user_id", value: "123" }, { kind: "ip", value: "2001:db8::1", timestamp: "2026-10-01T10:00:00Z" });
  form.emergency = { active: true, risk: "other", justification: "Urgent.", harmExpectedBy: "2026-12-31", oral: true };
  form.csam = { likely: true, declared: false };
  form.requestingCountry = "AU";
  form.notification = { providerNotifies: "unknown", requestNonDisclosure: false };
  const r = validate(form, AS_OF);
  assert.deepEqual(at(r, "ID004"), ["accounts[3].value"]);
  assert.deepEqual(at(r, "ID005"), ["accounts[4].kind", "accounts[5].kind"]);
  assert.deepEqual(at(r, "ID002"), []);
  assert.deepEqual(at(r, "ID003"), []);
  for (const c of ["EMER001", "EMER002", "EMER004", "EMER005", "EMER006", "CSAM001", "CSAM002", "CSAM003", "CSAM004", "NOTE001"]) {
    assert.equal(at(r, c).length, 1, c);
  }
});

test("options: defaults, overrides and errors", () => {
  const form = load("ten-findings");
  const r = validate(form, { ...AS_OF, rules: { LOC005: "off", AUTH002: "error", NOPE999: "error" } });
  assert.deepEqual(at(r, "LOC005"), []);
  assert.equal(r.findings.find((f) => f.code === "AUTH002").severity, "error");
  assert.equal(r.counts.error, 5);
  assert.throws(() => validate(form, { asOf: "20/11/2026" }), Error);
  assert.throws(() => validate(form, { ...AS_OF, rules: { LOC005: "loud" } }), Error);
  assert.throws(() => validate(form, { ...AS_OF, preservation: { expiryWarningDays: -1 } }), Error);
  assert.throws(() => validate(form, { ...AS_OF, holidays: ["soon"] }), Error);
  assert.doesNotThrow(() => validate(form, { ...AS_OF, locale: "fr-CA" }));
  assert.doesNotThrow(() => validate(form)); // asOf defaults to today's local date
});
