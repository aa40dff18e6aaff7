// The package as Node sees it (pkg/marcheck.js + initSync): validate never throws for a form,
// throws an Error for bad options, and returns plain data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { wasmBytes, VALID_FORM, AS_OF, variant, assertReport, assertPlain } from "./fixtures.mjs";
import { initSync, validate, createSession, rules, providers, version } from "../../pkg/marcheck.js";

initSync({ module: wasmBytes() });
const opts = { asOf: AS_OF };

test("the valid fixture has no error, keeps its warning, and the report is plain data", () => {
  const r = validate(VALID_FORM, opts);
  assertReport(r);
  assert.deepEqual(r.findings.filter((f) => f.severity === "error"), []);
  assert.ok(r.findings.some((f) => f.code === "PRES007" && f.severity === "warning"));
  assert.equal(r.facts.preservationStart, "2026-09-02");
  assert.equal(r.facts.preservationExpiresOn, "2026-12-01");
  assert.equal(r.facts.preservationDaysLeft, 11);
});

test("validate never throws for hostile values, and always returns a well-formed report", () => {
  const deep = {};
  let cur = deep;
  for (let i = 0; i < 5000; i++) cur = cur.case = {};
  const hostile = [
    undefined, null, 0, -0, NaN, Infinity, 42, "", "form", "x".repeat(1_000_000), true, false,
    10n, Symbol("s"), () => {}, new Date(0), new Map([["requestType", "formal_mar"]]), new Set([1]),
    [], [VALID_FORM], Object.create(null), new Uint8Array(8), /re/, new Error("e"),
    { requestType: 42 }, { requestType: {} }, { requestType: "FORMAL_MAR" }, { requestType: "\u0000" },
    { accounts: "seller@example.org" }, { accounts: {} }, { accounts: [null, 1, "x", [], { value: {} }, { kind: 7 }] },
    { accounts: Array.from({ length: 5000 }, () => ({ kind: "email", value: "a@b.co" })) },
    { accounts: [{ kind: "ip", value: "999.1.1.1", timestamp: "2026-02-30T25:61:00+99:00", port: -1 }] },
    { accounts: [{ kind: "phone", value: "+" + "9".repeat(500) }, { kind: "url", value: "javascript:alert(1)" }] },
    { data: { categories: "content" } }, { data: { categories: [null, 1, {}, "CONTENT"] } },
    { data: { from: "0000-00-00", to: "9999-12-31" } }, { data: { from: "-271821-04-20", to: "+275760-09-13" } },
    { preservation: { periodDays: 1e308 } }, { preservation: { periodDays: -5 } }, { preservation: { periodDays: "9".repeat(400) } },
    { preservation: { periodDays: 2 ** 53 + 1, requestedOn: "2026-02-29" } },
    { preservation: { status: "preserved", confirmedOn: "1900-01-01", periodDays: 730, extensions: Array.from({ length: 2000 }, () => ({ requestedOn: "1900-02-01", periodDays: 730 })) } },
    { preservation: { extensions: "none" } }, { preservation: { extensions: [null, [], "x"] } },
    { emergency: { active: "maybe", harmExpectedBy: "soon", risk: ["death"] } },
    { csam: { likely: "YES", ncmecReports: "123" } }, { notification: { durationDays: "\uD800" } },
    { requestingCountry: "\uD83D", requestedCountry: "🇫🇷", authority: { email: "@".repeat(10000) } },
    JSON.parse('{"__proto__": {"requestType": "formal_mar"}, "constructor": {"prototype": {"x": 1}}}'),
    deep,
  ];
  for (const form of hostile) {
    const label = typeof form === "symbol" ? "Symbol" : (() => { try { return JSON.stringify(form)?.slice(0, 60); } catch { return String(form); } })();
    let r;
    assert.doesNotThrow(() => (r = validate(form, opts)), `validate(${label}) threw`);
    assertReport(r);
  }
  assert.equal(({}).x, undefined, "no prototype pollution");
});

test("a form that is not an object gives one FORM001 at the field \"\"", () => {
  for (const form of [null, 42, "form", true, []]) {
    const r = validate(form, opts);
    const whole = r.findings.filter((f) => f.code === "FORM001" && f.field === "");
    assert.equal(whole.length, 1, `validate(${JSON.stringify(form)})`);
    assert.equal(whole[0].severity, "error");
    assert.equal(r.ok, false);
  }
});

test("values JSON cannot hold: a throwing getter, proxy or toJSON is one FORM001 at \"\"; a cycle and a BigInt are read", () => {
  // v2 (src/wasm.js): a cycle is read up to the depth limit and a BigInt as its decimal digits,
  // so such forms are checked as usual (tests/wasm.rs a_cyclic_form_is_read_up_to_the_depth_limit).
  const cycle = { requestType: "formal_mar" };
  cycle.self = cycle;
  let r;
  assert.doesNotThrow(() => (r = validate(cycle, opts)), "cycle");
  assertReport(r);
  assert.ok(!r.findings.some((f) => f.code === "FORM001"), "cycle: no FORM001");
  assert.equal(r.facts.requestType, "formal_mar", "cycle: the form was read");
  assert.ok(r.findings.some((f) => f.code === "CASE004"), "cycle: the formal MAR's rules ran");
  const big = { accounts: [{ kind: "ip", value: "203.0.113.7", port: 10n }] };
  assert.doesNotThrow(() => (r = validate(big, opts)), "bigint");
  assertReport(r);
  assert.ok(!r.findings.some((f) => f.code === "FORM001"), "bigint: no FORM001");
  assert.ok(!r.findings.some((f) => f.code === "ID006"), "bigint: the port 10n was read as a port");
  assert.ok(validate({ accounts: [{ kind: "ip", value: "203.0.113.7" }] }, opts).findings.some((f) => f.code === "ID006"), "without the port: ID006");

  const exotic = {
    getter: { get requestType() { throw new Error("boom"); } },
    proxy: new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("keys"); } }),
    toJSON: { toJSON() { throw new Error("toJSON"); } },
  };
  for (const [name, form] of Object.entries(exotic)) {
    let r;
    assert.doesNotThrow(() => (r = validate(form, opts)), name);
    assertReport(r);
    assert.deepEqual(r.findings.filter((f) => f.field === "").map((f) => f.code), ["FORM001"], name);
  }
});

test("bad options throw an Error (and only those)", () => {
  const bad = [
    { asOf: "2026-13-45" }, { asOf: "yesterday" }, { asOf: 20261120 },
    { rules: { PRES002: "fatal" } }, { holidays: ["not-a-date"] },
    { preservation: { defaultPeriodDays: -1 } }, { emergency: { minJustificationChars: -3 } },
    { case: { minFactsChars: -1 } }, { dateRange: { maxSpanDays: -10 } },
  ];
  for (const o of bad) {
    assert.throws(() => validate(VALID_FORM, o), (e) => e instanceof Error && e.message.length > 0, JSON.stringify(o));
  }
  // Lenient cases that are not errors (contract §6, Options).
  for (const o of [undefined, {}, { rules: { NOPE999: "off" } }, { locale: "fr-CA" }, { locale: "de" }, { asOf: AS_OF, holidays: [] }]) {
    assert.doesNotThrow(() => assertReport(validate(VALID_FORM, o)), JSON.stringify(o));
  }
});

test("options are read from what JSON.stringify writes of them: each bad value is named with its path", () => {
  const message = (o) => {
    try { validate(VALID_FORM, o); } catch (e) { return e.message; }
    return "no error";
  };
  // NaN and Infinity are refused where they stand (JSON would write null, the default).
  assert.equal(message({ preservation: { expiryWarningDays: NaN } }),
    'marcheck: option `preservation.expiryWarningDays`: invalid value: string "NaN", expected a whole number, 0 or more');
  assert.match(message({ emergency: { maxImminenceDays: Infinity } }), /option `emergency\.maxImminenceDays`: .*"Infinity"/);
  assert.equal(message({ holidays: ["2026-12-25", "xmas"] }),
    'marcheck: option `holidays[1]`: invalid value: string "xmas", expected a date as YYYY-MM-DD');
  assert.equal(message({ providers: { meta: { periodDays: 5000 } } }),
    "marcheck: option `providers.meta.periodDays`: invalid value: number `5000`, expected a number of days from 0 to 3650");
  assert.equal(message({ providers: { acme: { entities: [{ users: "*", country: "US" }] } } }),
    "marcheck: option `providers.acme.entities[0]`: missing field `legalEntity`");
  // A BigInt is its digits; a Date is what its toJSON writes (a time, not a date: named).
  assert.equal(validate(VALID_FORM, { ...opts, preservation: { expiryWarningDays: 10n } }).ok, true);
  assert.match(message({ asOf: new Date(2026, 10, 20) }), /^marcheck: option `asOf`: invalid value: string "2026-11-/);
  // A getter that throws, a cycle: the options cannot be written, and the error says so.
  assert.match(message({ get asOf() { throw new Error("no date here"); } }), /cannot be written as JSON \(no date here\)/);
  const cyclic = { asOf: AS_OF }; cyclic.self = cyclic;
  assert.match(message(cyclic), /cannot be written as JSON/);
  // A Map or a Set, which JSON writes as {}, is refused rather than read as nothing said.
  assert.match(message(new Map([["asOf", AS_OF]])), /cannot be written as JSON \(a Map: give a plain object or array\)/);
  assert.match(message({ providers: new Map() }), /"providers" is a Map/);
  // Unknown keys are ignored, whatever they hold (a NaN too).
  assert.equal(message({ colour: NaN, asOf: AS_OF }), "no error");
  // A key given twice in text is read as its last value; in JavaScript it cannot be given twice.
  const session = createSession(opts);
  assert.throws(() => session.report(["accounts", 5]), /option `scope\[1\]`: invalid type: number `5`, expected a text/);
  assert.ok(session.report(["accounts"]).findings.every((f) => f.field.startsWith("accounts")));
  session.free();
});

test("options change the report: locale, rule severity overrides", () => {
  const form = variant((f) => (f.preservation.reference = "n/a"));
  const en = validate(form, opts).findings.find((f) => f.code === "PRES002");
  const fr = validate(form, { ...opts, locale: "fr-FR" }).findings.find((f) => f.code === "PRES002");
  const de = validate(form, { ...opts, locale: "de" }).findings.find((f) => f.code === "PRES002");
  assert.ok(en && fr && de);
  assert.notEqual(fr.message, en.message, "fr-FR means fr");
  assert.equal(de.message, en.message, "another language falls back to en");
  assert.equal(en.field, "preservation.reference");

  const warned = validate(form, { ...opts, rules: { PRES002: "warning" } });
  assert.equal(warned.findings.find((f) => f.code === "PRES002").severity, "warning");
  assert.equal(warned.ok, true);
  const off = validate(form, { ...opts, rules: { PRES002: "off" } });
  assert.ok(!off.findings.some((f) => f.code === "PRES002"));
});

test("the contract's preservation example: lapsed on the expiry day, one day left the day before", () => {
  const form = { preservation: { status: "preserved", confirmedOn: "2026-09-01", periodDays: 90, reference: "GGL-1234" } };
  const before = validate(form, { asOf: "2026-11-29" });
  assert.equal(before.facts.preservationExpiresOn, "2026-11-30");
  assert.equal(before.facts.preservationDaysLeft, 1);
  assert.ok(!before.findings.some((f) => f.code === "PRES006"));
  assert.ok(validate(form, { asOf: "2026-11-30" }).findings.some((f) => f.code === "PRES006"));
});

test("rules(), providers() and version() return plain data", () => {
  const list = rules();
  assertPlain(list, "rules()");
  assert.equal(list.length, 63, "contract v2's catalogue");
  assert.equal(new Set(list.map((r) => r.code)).size, list.length, "codes are unique");
  const TYPES = ["formal_mar", "police_to_police", "preservation_only", "emergency_disclosure"];
  for (const r of list) {
    for (const k of ["code", "severity", "area", "title", "description", "source", "appliesTo"]) assert.ok(k in r, `${r.code}.${k}`);
    assert.ok(r.appliesTo.length > 0 && r.appliesTo.every((t) => TYPES.includes(t)), `${r.code}.appliesTo: ${r.appliesTo}`);
  }
  assert.deepEqual(list.find((r) => r.code === "CASE004").appliesTo, ["formal_mar"], "§6.1: only a formal MAR needs a legal basis");
  assert.notEqual(rules("fr")[0].title, list[0].title);
  const p = providers();
  assertPlain(p, "providers()");
  for (const k of ["meta", "google", "microsoft", "apple", "x", "tiktok", "snap", "us_default"]) assert.ok(k in p, k);
  assert.equal(p.us_default.periodDays, 90);
  assert.match(version(), /^\d+\.\d+\.\d+/);
});
