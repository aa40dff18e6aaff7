// marcheck/standard: the Standard Schema v1 adapter, loaded as a Node app does (the package's
// "node" condition: standard.node.js, which reads the .wasm from disk; no init step).
import { test } from "node:test";
import assert from "node:assert/strict";
import { VALID_FORM, AS_OF, variant } from "./fixtures.mjs";
import { readFileSync } from "node:fs";
import marcheckDefault, { marcheckSchema, createSchema, toPath, ready } from "../../pkg/standard.node.js";

const schema = createSchema({ asOf: AS_OF });

/** What a Standard Schema consumer does (from the spec's README). */
async function standardValidate(s, input) {
  let result = s["~standard"].validate(input);
  if (result instanceof Promise) result = await result;
  return result;
}

test("the schema's props follow Standard Schema v1", () => {
  assert.equal(marcheckDefault, marcheckSchema);
  for (const s of [schema, marcheckSchema]) {
    assert.equal(s["~standard"].version, 1);
    assert.equal(s["~standard"].vendor, "marcheck");
    assert.equal(typeof s["~standard"].validate, "function");
  }
});

test("in Node the schema is ready at import: validate answers synchronously from the first call", async () => {
  assert.ok(ready instanceof Promise);
  await ready; // already resolved
  const first = schema["~standard"].validate(VALID_FORM);
  assert.ok(!(first instanceof Promise), "no Promise: the node condition initialised the core at import");
  assert.equal(first.value, VALID_FORM, "the value is returned unchanged");
  assert.equal(first.issues, undefined);
  assert.ok(!(marcheckSchema["~standard"].validate({}) instanceof Promise), "ready for every schema");
});

test("standard.js imports nothing from node:* (bundlers would warn); the node entry does", () => {
  for (const f of ["standard.js", "marcheck.js", "attach.js"]) {
    const text = readFileSync(new URL(`../../pkg/${f}`, import.meta.url), "utf8");
    assert.doesNotMatch(text, /node:|["'`]fs["'`]|fs\/promises/, `pkg/${f} mentions a Node module`);
  }
});

test("scope: only the errors of the listed paths fail the value; \"\" covers the form-level ones", () => {
  const form = variant((f) => {
    f.preservation.reference = "n/a"; // PRES002, an error at preservation.reference
    delete f.authority.officer; // AUTH001 at authority.officer
  });
  const all = createSchema({ asOf: AS_OF })["~standard"].validate(form);
  assert.deepEqual(all.issues.map((i) => i.path.join(".")), ["authority.officer", "preservation.reference"]);
  const auth = createSchema({ asOf: AS_OF, scope: ["authority"] })["~standard"].validate(form);
  assert.deepEqual(auth.issues.map((i) => i.path.join(".")), ["authority.officer"]);
  const none = createSchema({ asOf: AS_OF, scope: ["case"] })["~standard"].validate(form);
  assert.deepEqual(none, { value: form }, "no error in scope: success, the value unchanged");
  const whole = createSchema({ scope: [""] })["~standard"].validate(null);
  assert.equal(whole.issues.length, 1, "a form that is not an object: one issue, once");
  assert.equal(whole.issues[0].path, undefined);
});

test("error findings become issues with path segments; warnings never fail", async () => {
  const form = variant((f) => {
    f.preservation.reference = "n/a";
    f.accounts.push({ kind: "email", value: "not an email" });
  });
  const result = await standardValidate(schema, form);
  assert.ok(Array.isArray(result.issues));
  assert.ok(!("value" in result));
  assert.deepEqual(
    result.issues.map((i) => i.path),
    [["accounts", 1, "value"], ["preservation", "reference"]], // form order (contract §4)
  );
  for (const i of result.issues) assert.ok(typeof i.message === "string" && i.message.length > 0);

  // a warning (PRES007) and info (LOC005) only: success
  const ok = await standardValidate(schema, VALID_FORM);
  assert.deepEqual(Object.keys(ok), ["value"]);
});

test("a finding about the whole form has no path; toPath splits field paths", async () => {
  const r = await standardValidate(schema, null);
  const whole = r.issues.find((i) => i.path === undefined);
  assert.ok(whole, JSON.stringify(r.issues));
  assert.deepEqual(toPath("preservation.extensions[1].requestedOn"), ["preservation", "extensions", 1, "requestedOn"]);
  assert.deepEqual(toPath("accounts[0].value"), ["accounts", 0, "value"]);
  assert.deepEqual(toPath("data.categories"), ["data", "categories"]);
  assert.deepEqual(toPath(""), []);
});

test("options reach the core: locale, and bad options throw an Error", async () => {
  const form = variant((f) => (f.preservation.reference = "n/a"));
  const en = await standardValidate(schema, form);
  const fr = await standardValidate(createSchema({ asOf: AS_OF, locale: "fr" }), form);
  assert.notEqual(fr.issues[0].message, en.issues[0].message);
  assert.throws(() => createSchema({ asOf: "not a date" })["~standard"].validate(form), Error);
});
