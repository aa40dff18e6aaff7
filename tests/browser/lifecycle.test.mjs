// Session lifecycle in Chromium (issue 16 item 5): the browser entry (pkg/marcheck.js) gives the
// same texts as Node after free(), on a second free() and on a re-entrant call; and the binding
// queues a handle call made from inside onReport instead of nesting its callbacks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./helpers.mjs";

const env = useBrowser();

test("Chromium: freed sessions and re-entrant calls say what happened, never wasm-bindgen's texts", async () => {
  const page = await env.open("/test/done.html");
  const r = await page.evaluate(async () => {
    const m = await import("/pkg/marcheck.js");
    await m.default();
    const s = m.createSession({ asOf: "2026-11-20" });
    s.set("case.reference", "OFAC-1");
    const inner = [];
    s.set("authority", {
      get name() {
        try {
          s.set("case.reference", "X");
        } catch (e) {
          inner.push(e.message);
        }
        try {
          s.free();
        } catch (e) {
          inner.push(e.message);
        }
        return "Police";
      },
    });
    const form = s.form();
    s.free();
    const second = s.free();
    const after = [];
    for (const call of [() => s.set("case.reference", "Y"), () => s.merge({}), () => s.replace({}), () => s.form(), () => s.report()])
      try {
        call();
        after.push("ran");
      } catch (e) {
        after.push(e instanceof Error ? e.message : "not an Error: " + e);
      }
    return { inner, form, second: second === undefined ? "undefined" : String(second), after };
  });
  assert.equal(r.inner.length, 2);
  for (const t of r.inner) assert.match(t, /^marcheck: session\.(set|free)\(\) was called while this session was still busy with another call/);
  assert.equal(r.form.authority.name, "Police");
  assert.equal(r.form.case.reference, "OFAC-1", "the refused inner set changed nothing");
  assert.equal(r.second, "undefined");
  assert.equal(r.after.length, 5);
  for (const t of r.after) {
    assert.match(t, /^marcheck: session\.\w+\(\) was called after session\.free\(\): this session is freed/);
    assert.doesNotMatch(t, /null pointer|recursive use/);
  }
  assert.deepEqual(page.log.errors, []);
  await page.closeAll();
});

test("Chromium: h.set() from inside onReport is queued: the callbacks never nest, and the value is kept", async () => {
  const page = await env.open("/test/v2.html", { waitFor: () => window.v2Ready });
  const r = await page.evaluate(async () => {
    const trace = [];
    let depth = 0, maxDepth = 0, once = false;
    await window.attachV2({
      onReport(report) {
        depth++;
        maxDepth = Math.max(maxDepth, depth);
        trace.push(report.findings.some((f) => f.field == "requestedCountry") ? "no-ref" : "ref");
        if (!once && window.h) {
          once = true;
          const inner = window.h.set("requestedCountry", "US"); // from inside onReport
          trace.push(inner && typeof inner.ok == "boolean" ? "set-returned-report" : "set-returned " + inner);
        }
        depth--;
      },
    });
    trace.length = 0;
    const rc = document.getElementById("rc");
    rc.value = "FR";
    rc.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 20));
    return { trace, maxDepth, held: window.h.report.findings.some((f) => f.field == "requestedCountry") };
  });
  assert.equal(r.maxDepth, 1, "onReport never ran inside itself");
  assert.deepEqual(r.trace.slice(0, 3), ["no-ref", "set-returned-report", "ref"], JSON.stringify(r.trace));
  assert.equal(r.held, false, "the value set from onReport is in the report");
  assert.deepEqual(page.log.errors, []);
  await page.closeAll();
});
