// marcheck/standard: the Standard Schema v1 adapter, loaded as a Node app does (the package's
// "node" condition: standard.node.js, which reads the .wasm from disk; no init step).
import { test } from "node:test";
import assert from "node:assert/strict";
import { VALID_FORM, AS_OF, variant } from "./fixtures.mjs";
import { readFileSync } from "node:fs";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { FormApi } from "@tanstack/form-core";
import { validate } from "../../pkg/marcheck.node.js";
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
});

test("createSchema checks its options at once and throws an Error that names the option", () => {
  const cases = [
    [{ asOf: "not a date" }, /createSchema\(\).*asOf/],
    [{ rules: { PRES002: "loud" } }, /createSchema\(\)/],
    [{ issues: "errors-only" }, /options\.issues must be "errors".*"warnings".*"all"/],
    [{ issues: true }, /options\.issues/],
    [{ scope: "authority" }, /options\.scope must be a list of field paths/],
    ["fr", /options must be an object/],
    [[{ locale: "fr" }], /options must be an object.*not an array/],
  ];
  for (const [options, text] of cases) {
    assert.throws(() => createSchema(options), (e) => e instanceof Error && text.test(e.message), JSON.stringify(options));
  }
  // The core's own text is kept, after the adapter's: the cause is the core's Error.
  try {
    createSchema({ asOf: "2026-02-30" });
    assert.fail("a 30 February was accepted");
  } catch (e) {
    assert.match(e.message, /^marcheck\/standard: createSchema\(\): /);
    assert.ok(e.cause instanceof Error);
  }
  for (const ok of [undefined, null, {}, { issues: "errors" }, { issues: "warnings", locale: "fr" }, { issues: "all", scope: [""] }])
    assert.doesNotThrow(() => createSchema(ok), JSON.stringify(ok));
});

test("each issue says what it is: code, params, severity, source and help beside message and path", () => {
  const form = variant((f) => (f.preservation.reference = "n/a"));
  const { issues } = schema["~standard"].validate(form);
  assert.equal(issues.length, 1);
  const [i] = issues;
  assert.deepEqual(Object.keys(i).sort(), ["code", "help", "message", "params", "path", "severity", "source"]);
  assert.equal(i.code, "PRES002");
  assert.equal(i.severity, "error");
  assert.deepEqual(i.path, ["preservation", "reference"]);
  assert.equal(typeof i.params, "object");
  assert.match(i.source, /Handbook/);
  assert.ok(i.help.length > 0);
  // The same finding as validate() reports, field for field.
  const f = validate(form, { asOf: AS_OF }).findings.find((x) => x.code == "PRES002");
  assert.deepEqual({ ...i, path: f.field }, { message: f.message, code: f.code, severity: f.severity, source: f.source, params: f.params, help: f.help, path: f.field });
  // params carry the values of the message (PRES007: days left and the expiry), for a translation by code.
  const warned = createSchema({ asOf: AS_OF, issues: "warnings" })["~standard"].validate(VALID_FORM);
  const pres007 = warned.issues.find((x) => x.code == "PRES007");
  assert.deepEqual(pres007.params, { days: 11, expiresOn: "2026-12-01" });
  assert.equal(pres007.severity, "warning");
});

test("the issues option: errors only by default; warnings, then info too, when asked", () => {
  const report = validate(VALID_FORM, { asOf: AS_OF });
  const bySeverity = (s) => report.findings.filter((f) => s.includes(f.severity)).map((f) => f.code);
  assert.ok(bySeverity(["warning"]).length > 0 && bySeverity(["info"]).length > 0, "the form has warnings and info");
  assert.deepEqual(schema["~standard"].validate(VALID_FORM), { value: VALID_FORM }, "default: no error, no issue");
  const codes = (issues) => createSchema({ asOf: AS_OF, issues })["~standard"].validate(VALID_FORM).issues.map((i) => i.code);
  assert.deepEqual(codes("warnings"), bySeverity(["warning"]));
  assert.deepEqual(codes("all"), bySeverity(["warning", "info"]), "in the report's order");
  assert.deepEqual(createSchema({ asOf: AS_OF, issues: "errors" })["~standard"].validate(VALID_FORM), { value: VALID_FORM });
});

test("react-hook-form's standardSchemaResolver: errors at their paths, the form-level one at root", async () => {
  const resolve = (schema, values) => standardSchemaResolver(schema)(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  const form = variant((f) => {
    f.preservation.reference = "n/a";
    f.accounts.push({ kind: "email", value: "not an email" });
  });
  const r = await resolve(schema, form);
  assert.deepEqual(r.values, {});
  assert.equal(r.errors.preservation.reference.message, schema["~standard"].validate(form).issues[1].message);
  assert.ok(r.errors.accounts[1].value.message.length > 0, JSON.stringify(r.errors));
  const ok = await resolve(schema, VALID_FORM);
  assert.deepEqual(ok, { values: VALID_FORM, errors: {} }, "warnings do not reach the resolver by default");
  const warned = await resolve(createSchema({ asOf: AS_OF, issues: "warnings" }), VALID_FORM);
  assert.ok(warned.errors.preservation.extensions.message.includes("11 days"), JSON.stringify(warned.errors));
  const whole = await resolve(schema, null);
  assert.ok(whole.errors.root && whole.errors.root.message.length > 0, "the form-level finding is the root error");
});

test("TanStack Form (form-core): the issues reach each field's meta with their code and severity", () => {
  const form = new FormApi({
    defaultValues: { authority: { name: "Police nationale" } },
    validators: { onChange: createSchema({ asOf: AS_OF, scope: ["authority"], issues: "warnings" }) },
  });
  form.mount();
  form.setFieldValue("authority.name", "Police nationale, OFAC");
  const email = form.getFieldMeta("authority.email");
  assert.deepEqual(email.errors.map((e) => [e.code, e.severity]), [["AUTH001", "error"]]);
  const phone = form.getFieldMeta("authority.phone");
  assert.deepEqual(phone.errors.map((e) => [e.code, e.severity]), [["AUTH003", "warning"]]);
  assert.ok(phone.errors[0].message.length > 0 && phone.errors[0].source.length > 0);
  assert.equal(form.state.canSubmit, false);
  form.setFieldValue("authority", { name: "Police nationale, OFAC", officer: "Insp. Marie Dupont", email: "m.dupont@interieur.gouv.fr", phone: "+33 1 49 27 49 27" });
  assert.deepEqual(form.getFieldMeta("authority.phone").errors, []);
  assert.equal(form.state.isValid, true);
});
