// Session lifecycle (contract §7, issue 16 item 5) in Node, through the package's "node" entry:
// after free() every method throws an Error that says so; a second free() does nothing; a call
// that comes back into a session while it is busy is refused with a text that says why. Never
// wasm-bindgen's internal texts ("null pointer passed to rust", "recursive use of an object").
import { test } from "node:test";
import assert from "node:assert/strict";
import { createSession, validate } from "../../pkg/marcheck.node.js";
import { AS_OF, VALID_FORM } from "./fixtures.mjs";

const INTERNAL = /null pointer|recursive use|unsafe aliasing|already borrowed|unreachable/i;
const CALLS = {
  set: (s) => s.set("case.reference", "X-1"),
  merge: (s) => s.merge({ case: { reference: "X-2" } }),
  replace: (s) => s.replace(VALID_FORM),
  form: (s) => s.form(),
  report: (s) => s.report(),
  "report(scope)": (s) => s.report(["case"]),
};

test("after free(), every method throws an Error that says the session was freed", () => {
  const s = createSession({ asOf: AS_OF });
  s.replace(VALID_FORM);
  s.free();
  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(s)).filter((k) => k != "constructor" && !k.startsWith("__") && k != "free");
  for (const m of ["set", "merge", "replace", "form", "report"]) assert.ok(methods.includes(m), `Session has ${m}()`);
  for (const [name, call] of Object.entries(CALLS))
    assert.throws(() => call(s), (e) => {
      assert.ok(e instanceof Error, name);
      assert.match(e.message, /^marcheck: session\.\w+\(\) was called after session\.free\(\): this session is freed/, name);
      assert.match(e.message, /createSession\(\)/, `${name}: says what to do`);
      assert.doesNotMatch(e.message, INTERNAL);
      return true;
    });
  // Every method the class has, not only the ones listed above (a method added later is guarded too).
  for (const m of methods) {
    if (typeof s[m] != "function") continue;
    assert.throws(() => s[m](), /was called after session\.free\(\)/, m);
  }
});

test("a second free() does nothing, nor does [Symbol.dispose] after free()", () => {
  const s = createSession();
  s.free();
  assert.equal(s.free(), undefined);
  assert.doesNotThrow(() => s.free());
  if (typeof Symbol.dispose == "symbol" && typeof s[Symbol.dispose] == "function") assert.doesNotThrow(() => s[Symbol.dispose]());
  // Another session is not affected.
  const t = createSession({ asOf: AS_OF });
  assert.deepEqual(t.replace(VALID_FORM), validate(VALID_FORM, { asOf: AS_OF }));
  t.free();
});

test("a call that comes back into a busy session is refused with a text that says why; the outer call completes", () => {
  const s = createSession({ asOf: AS_OF });
  s.replace(VALID_FORM);
  const inner = [];
  // The core reads the value given to set(): a getter (or toJSON) that calls the session again.
  const sneaky = {
    get name() {
      for (const call of Object.values(CALLS))
        try {
          call(s);
          inner.push("ran");
        } catch (e) {
          inner.push(e);
        }
      try {
        s.free();
        inner.push("freed");
      } catch (e) {
        inner.push(e);
      }
      return "Police nationale, OFAC";
    },
    officer: "Insp. Marie Dupont",
    email: "m.dupont@interieur.gouv.fr",
    phone: "+33 1 49 27 49 27",
  };
  const r = s.set("authority", sneaky);
  assert.equal(inner.length, Object.keys(CALLS).length + 1);
  for (const e of inner) {
    assert.ok(e instanceof Error, `refused, not run: ${e}`);
    assert.match(e.message, /^marcheck: session\.\w+\(\) was called while this session was still busy with another call/);
    assert.match(e.message, /one call at a time/);
    assert.match(e.message, /after the other one has returned/);
    assert.doesNotMatch(e.message, INTERNAL);
  }
  // The outer call did what it was asked, and the session still works (it was not freed inside).
  assert.deepEqual(r, validate(VALID_FORM, { asOf: AS_OF }));
  assert.equal(s.form().authority.name, "Police nationale, OFAC");
  assert.equal(s.form().case.reference, VALID_FORM.case.reference, "no inner call changed the form");
  s.set("case.reference", "OFAC-2026-1143");
  assert.equal(s.form().case.reference, "OFAC-2026-1143");
  s.free();
});

test("a toJSON that re-enters merge() is refused the same way; another session may be used from inside", () => {
  const s = createSession({ asOf: AS_OF });
  const other = createSession({ asOf: AS_OF });
  let refused, fromOther;
  s.merge({
    case: {
      toJSON() {
        try {
          s.merge({});
        } catch (e) {
          refused = e;
        }
        fromOther = other.set("case.reference", "OTHER-1").ok; // a different session: not busy
        return { reference: "OFAC-1" };
      },
    },
  });
  assert.match(refused?.message ?? "", /session\.merge\(\) was called while this session was still busy/);
  assert.equal(typeof fromOther, "boolean");
  assert.equal(s.form().case.reference, "OFAC-1");
  assert.equal(other.form().case.reference, "OTHER-1");
  s.free();
  other.free();
});
