// marcheck/standard: the Standard Schema v1 adapter, loaded as a Node app would (no initSync).
import { test } from "node:test";
import assert from "node:assert/strict";
import { VALID_FORM, AS_OF, variant } from "./fixtures.mjs";
import marcheckDefault, { marcheckSchema, createSchema, toPath } from "../../pkg/standard.js";

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

test("before the wasm is ready validate returns a Promise; afterwards it answers synchronously", async () => {
  const first = schema["~standard"].validate(VALID_FORM);
  assert.ok(first instanceof Promise, "the first call initialises the wasm (read from disk in Node)");
  assert.deepEqual(await first, { value: VALID_FORM });
  const second = schema["~standard"].validate(VALID_FORM);
  assert.ok(!(second instanceof Promise));
  assert.equal(second.value, VALID_FORM, "the value is returned unchanged");
  assert.equal(second.issues, undefined);
  assert.ok(!(marcheckSchema["~standard"].validate({}) instanceof Promise), "ready for every schema");
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
