// How attach() reads controls into the model (§2): select multiple, radios, single checkbox,
// checkbox groups, indexed rows, data-marcheck-field, disabled and hostile names; and `on`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./helpers.mjs";

const env = useBrowser();

const codes = (page, field) =>
  page.evaluate(
    (f) => window.h.validate().findings.filter((x) => f === undefined || x.field === f).map((x) => x.code),
    field,
  );

test("select multiple, radio group, single checkbox, data-marcheck-field, disabled and hostile names", async () => {
  const page = await env.open("/test/model.html", { waitFor: () => window.modelReady });
  assert.equal(await page.evaluate(() => window.attachModel()), true);

  // select multiple -> array of the selected values
  await page.selectOption('[name="requestType"]', "police_to_police");
  assert.ok((await codes(page, "data.categories")).includes("DATA001"), "no category selected");
  await page.selectOption('[name="data.categories"]', ["subscriber", "content"]);
  assert.deepEqual(await codes(page, "data.categories"), ["DATA002"], "content with police_to_police");
  await page.selectOption('[name="requestType"]', "formal_mar");
  await page.selectOption('[name="data.categories"]', ["subscriber", "traffic"]);
  assert.deepEqual(await codes(page, "data.categories"), ["DATA004"]);

  // radio group -> the checked value, or absent
  assert.ok((await codes(page, "preservation.status")).includes("PRES012"), "formal MAR without a status");
  await page.check('[name="preservation.status"][value="preserved"]');
  assert.ok(!(await codes(page, "preservation.status")).includes("PRES012"));
  // single checkbox -> boolean
  assert.ok((await codes(page, "preservation.proofAttached")).includes("PRES010"));
  await page.check('[name="preservation.proofAttached"]');
  assert.ok(!(await codes(page, "preservation.proofAttached")).includes("PRES010"));
  await page.uncheck('[name="preservation.proofAttached"]');
  assert.ok((await codes(page, "preservation.proofAttached")).includes("PRES010"));

  // data-marcheck-field maps a control with another name
  await page.fill('[name="pres-ref"]', "n/a");
  assert.ok((await codes(page, "preservation.reference")).includes("PRES002"));
  await page.press('[name="pres-ref"]', "Tab");
  assert.equal(await page.getAttribute('[name="pres-ref"]', "aria-invalid"), "true");

  // a disabled control is not read (it would not be submitted either)
  assert.ok((await codes(page, "recordsLocation.country")).includes("LOC001"));
  // names like __proto__.x never reach Object.prototype
  assert.equal(await page.evaluate(() => ({}).polluted ?? Object.prototype.polluted2 ?? null), null);

  // checked radio is where a summary link leads; the marked radio group shares one message
  await page.click('button[type="submit"]');
  const radios = await page.$$eval('[name="preservation.status"]', (rs) => rs.map((r) => r.getAttribute("aria-describedby")));
  assert.equal(new Set(radios).size, 1, "one message for the whole group");
  env.assertSameOrigin(page);
  await page.closeAll();
});

test("indexed rows build arrays of objects; rows added later count", async () => {
  const page = await env.open("/test/model.html", { waitFor: () => window.modelReady });
  await page.evaluate(() => window.attachModel());
  assert.ok((await codes(page, "case.offences")).includes("CASE002"));
  await page.fill('[name="case.offences[0].name"]', "Fraud");
  assert.deepEqual(await codes(page, "case.offences"), []);

  assert.ok((await codes(page, "accounts")).includes("ID001"), "no account with a value");
  await page.selectOption('[name="accounts[0].kind"]', "ip");
  await page.fill('[name="accounts[0].value"]', "203.0.113.7");
  assert.deepEqual(await codes(page, "accounts"), []);
  assert.ok((await codes(page, "accounts[0].timestamp")).includes("ID003"));
  await page.fill('[name="accounts[0].timestamp"]', "2026-08-01T10:00:00+02:00");
  assert.deepEqual(await codes(page, "accounts[0].timestamp"), []);

  await page.evaluate(() => window.addRow(1));
  await page.evaluate(() => window.addRow(2));
  await page.selectOption('[name="accounts[2].kind"]', "ip");
  await page.fill('[name="accounts[2].value"]', "203.0.113.7");
  await page.fill('[name="accounts[2].timestamp"]', "2026-08-01T10:00:00+02:00");
  // row 1 is empty; row 2 repeats row 0: a duplicate, at the row's own index
  assert.ok((await codes(page, "accounts[2].value")).includes("ID004"));
  await page.evaluate(() => document.getElementById("row1").remove());
  assert.ok((await codes(page, "accounts[1].value")).includes("ID004"), "indexes are compacted after a removal");
  await page.press('[name="accounts[2].value"]', "Tab");
  assert.equal(await page.getAttribute('[name="accounts[2].value"]', "aria-invalid"), null, "a warning is not invalid");
  const cls = await page.$eval('[name="accounts[2].value"] + .marcheck-message', (m) => m.className);
  assert.match(cls, /marcheck-warning/);
  await page.closeAll();
});

test('on: "blur" validates when a field is left, not at each keystroke', async () => {
  const page = await env.open("/test/model.html", { waitFor: () => window.modelReady });
  await page.evaluate(() => window.attachModel({ on: "blur" }));
  const n0 = await page.evaluate(() => window.reports.length);
  assert.equal(n0, 1, "one report at attach");
  await page.type('[name="pres-ref"]', "n/a");
  assert.equal(await page.evaluate(() => window.reports.length), n0);
  await page.press('[name="pres-ref"]', "Tab");
  const after = await page.evaluate(() => window.reports.length);
  assert.equal(after, n0 + 1, "one coalesced run for the blur");
  assert.ok(await page.evaluate(() => window.h.report.findings.some((f) => f.code === "PRES002")));
  await page.closeAll();
});

test('on: "input" coalesces each event burst into one run', async () => {
  const page = await env.open("/test/model.html", { waitFor: () => window.modelReady });
  await page.evaluate(() => window.attachModel());
  const n = await page.evaluate(() => {
    const el = document.querySelector('[name="pres-ref"]');
    const before = window.reports.length;
    for (const ch of "abc") {
      el.value += ch;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
    return new Promise((ok) => queueMicrotask(() => setTimeout(() => ok(window.reports.length - before))));
  });
  assert.equal(n, 1);
  await page.closeAll();
});

test("a keystroke whose event a portal stops still reaches the session: late once (a sweep), then at once; a non-bubbling event too", async () => {
  const page = await env.open("/test/model.html", { waitFor: () => window.modelReady });
  await page.evaluate(() => window.attachModel());
  // A portal's listener stops the input events of one control before they reach the window.
  await page.evaluate(() => {
    document.querySelector('[name="pres-ref"]').addEventListener("input", (e) => e.stopPropagation());
    window.times = [];
    let t0 = 0;
    addEventListener("input", () => (t0 = performance.now()), true);
    document.addEventListener("marcheck:report", () => t0 && (window.times.push(performance.now() - t0), (t0 = 0)));
  });
  const typed = async (text) => {
    const before = await page.evaluate(() => window.reports.length);
    await page.type('[name="pres-ref"]', text);
    await page.waitForFunction((n) => window.reports.length > n, before);
    return page.evaluate(() => window.h.report.findings.filter((f) => f.field == "preservation.reference").map((f) => f.code));
  };
  // The first one: found by the sweep (a quarter second) or by the next event that gets there.
  assert.deepEqual(await typed("n"), ["PRES002"], "the stopped keystroke's value is read");
  const first = await page.evaluate(() => window.times.at(-1));
  assert.ok(first < 1000, `the first stopped keystroke waits for the sweep (a quarter second), not more: ${first} ms`);
  // From then on the binding knows: a timer per event, before any timer a portal sets later.
  const late = await page.evaluate(async () => {
    const el = document.querySelector('[name="pres-ref"]');
    const n = window.reports.length;
    let order = [];
    setTimeout(() => order.push("portal's timer"), 20);
    document.addEventListener("marcheck:report", () => order.push("report"), { once: true });
    el.value = "GGL-PRES-88231";
    el.dispatchEvent(new InputEvent("input", { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 200));
    return { order, reports: window.reports.length - n, field: window.h.report.findings.filter((f) => f.field == "preservation.reference").length };
  });
  assert.deepEqual(late.order, ["report", "portal's timer"]);
  assert.equal(late.reports, 1);
  assert.equal(late.field, 0, "the reference typed in full reads as a reference");
  // An event that does not bubble (dispatched by a script) gets its run from a timer.
  const flat = await page.evaluate(async () => {
    const el = document.querySelector('[name="pres-ref"]');
    const n = window.reports.length;
    el.value = "n/a";
    el.dispatchEvent(new Event("input"));
    await new Promise((ok) => setTimeout(ok, 100));
    return { reports: window.reports.length - n, codes: window.h.report.findings.filter((f) => f.field == "preservation.reference").map((f) => f.code) };
  });
  assert.deepEqual(flat, { reports: 1, codes: ["PRES002"] });
  await page.closeAll();
});

test("bad options reject attach() and leave the form untouched; a throwing onReport is reported, not fatal", async () => {
  const page = await env.open("/test/model.html", { waitFor: () => window.modelReady });
  const before = await page.evaluate(() => document.body.outerHTML);
  const rejected = await page.evaluate(() =>
    window.attachModel({ options: { asOf: "2026-02-30" } }).then(
      () => "resolved",
      (e) => (e instanceof Error ? "Error: " + e.message : "not an Error"),
    ),
  );
  assert.match(rejected, /^Error: ./);
  assert.equal(await page.evaluate(() => document.body.outerHTML), before);
  assert.equal(await page.$eval("#m", (f) => f.noValidate), false);

  await page.evaluate(() =>
    window.attachModel({
      options: { asOf: "2026-11-20", locale: "fr-FR" },
      summary: document.body,
      onReport: () => {
        throw new Error("portal bug");
      },
    }),
  );
  await page.fill('[name="pres-ref"]', "n/a");
  await page.press('[name="pres-ref"]', "Tab");
  assert.equal(await page.getAttribute('[name="pres-ref"]', "aria-invalid"), "true", "marking went on");
  assert.ok(page.log.errors.some((e) => e.includes("portal bug")), "the portal's error is reported");
  assert.match(await page.$eval(".marcheck-counts", (e) => e.textContent), /^\d+ erreurs?\b/, "counts in French");
  await page.closeAll();
});

test("a form reset clears the marks; blockSubmit: false lets errors through and leaves native validation alone", async () => {
  const page = await env.open("/test/model.html", { waitFor: () => window.modelReady });
  await page.evaluate(() => window.attachModel());
  await page.fill('[name="pres-ref"]', "n/a");
  await page.press('[name="pres-ref"]', "Tab");
  assert.equal(await page.getAttribute('[name="pres-ref"]', "aria-invalid"), "true");
  await page.evaluate(() => document.getElementById("m").reset());
  await page.waitForFunction(() => !document.querySelector("[aria-invalid]"));
  assert.equal(await page.$$eval(".marcheck-message:not(.marcheck-empty)", (m) => m.length), 0, "no message left (an empty one stays in place)");
  assert.equal(await page.inputValue('[name="pres-ref"]'), "");

  await page.evaluate(() => window.h.detach());
  await page.evaluate(() => window.attachModel({ blockSubmit: false }));
  assert.equal(await page.$eval("#m", (f) => f.noValidate), false, "noValidate untouched");
  await page.fill('[name="pres-ref"]', "n/a");
  await page.press('[name="pres-ref"]', "Tab");
  assert.equal(await page.getAttribute('[name="pres-ref"]', "aria-invalid"), "true", "still marked");
  assert.equal(await page.$eval('[name="pres-ref"]', (e) => e.validity.customError), false, "no custom validity");
  await Promise.all([page.waitForURL(/done\.html\?/), page.click('button[type="submit"]')]);
  assert.equal(new URL(page.url()).searchParams.get("pres-ref"), "n/a");
  await page.closeAll();
});
