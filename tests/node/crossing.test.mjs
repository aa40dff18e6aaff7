// The wasm layer's crossing (src/wasm.rs, src/wasm.js): the form goes in as JSON text written
// straight into wasm memory, options are kept while they read the same, and the report comes
// back as words turned into plain objects. These are the corners that design has.
import { test } from "node:test";
import assert from "node:assert/strict";
import { wasmBytes, VALID_FORM, AS_OF, assertReport, assertPlain } from "./fixtures.mjs";
import { initSync, validate } from "../../pkg/marcheck.js";

initSync({ module: wasmBytes() });

test("a getter of the form may call validate: both calls give their own report", () => {
  let inner;
  const form = {
    ...VALID_FORM,
    get requestType() {
      inner = validate({ requestingCountry: "ZZ" }, { asOf: "2026-01-02", locale: "fr" });
      return "formal_mar";
    },
  };
  const outer = validate(form, { asOf: AS_OF });
  assertReport(outer);
  assertReport(inner);
  assert.deepEqual(outer, validate(VALID_FORM, { asOf: AS_OF }));
  assert.deepEqual(inner, validate({ requestingCountry: "ZZ" }, { asOf: "2026-01-02", locale: "fr" }));
  assert.equal(inner.facts.asOf, "2026-01-02");
});

test("options are read again whenever they differ, and a bad one never sticks", () => {
  const options = { asOf: AS_OF };
  const en = validate({}, options);
  options.locale = "fr";
  const fr = validate({}, options);
  assert.notEqual(en.findings[0].message, fr.findings[0].message, "the same object, changed, is read again");
  assert.throws(() => validate({}, { asOf: "tomorrow" }), /asOf/);
  assert.deepEqual(validate({}, { asOf: AS_OF }), en);
  assert.throws(() => validate({}, { asOf: "tomorrow" }), /asOf/, "still an error the second time");
  assert.equal(validate({}, undefined).facts.asOf, validate({}, null).facts.asOf);
});

test("texts of every kind come back intact, in order", () => {
  const odd = "\ufeffé😀\u2028\"\\\n\t\u0001 x";
  const r = validate(
    { requestType: odd, authority: { name: odd, email: "Ö@gmail.com" }, accounts: [{ kind: "url", value: odd }], preservation: { periodDays: 999_999_999_999, extensions: [{ periodDays: -999_999_999_999 }] } },
    { asOf: AS_OF },
  );
  assertPlain(r);
  const form001 = r.findings.find((f) => f.code === "FORM001" && f.field === "requestType");
  assert.equal(form001.params.value, odd, "U+FEFF is not white space to the core");
  const days = r.findings.filter((f) => f.code === "PRES014").map((f) => f.params.days);
  assert.deepEqual(days, [999_999_999_999, -999_999_999_999], "large integers cross exactly");
  const again = JSON.parse(JSON.stringify(r));
  assert.deepEqual(Object.keys(r), Object.keys(again));
  assert.deepEqual(r, again);
});

test("a long form grows the buffers and a short one after it still reads right", () => {
  const long = { case: { facts: "x".repeat(300_000) }, accounts: Array.from({ length: 300 }, (_, i) => ({ kind: "email", value: `u${i}@example.org` })) };
  assertReport(validate(long, { asOf: AS_OF }));
  assert.deepEqual(validate(VALID_FORM, { asOf: AS_OF }), validate(structuredClone(VALID_FORM), { asOf: AS_OF }));
});
