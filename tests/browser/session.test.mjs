// The binding on a session (contract §8, v2): React-safe callbacks and attributes, scope,
// values from elsewhere, per-control reads, the keyed summary, marcheck:focus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./helpers.mjs";

const env = useBrowser();
const open = () => env.open("/test/v2.html", { waitFor: () => window.v2Ready });
const attr = (page, sel, name) => page.$eval(sel, (e, n) => e.getAttribute(n), name);
const listed = (page) => page.$$eval("#sum li", (lis) => lis.map((li) => li.dataset.code + "@" + (li.querySelector("a")?.dataset.field ?? "-")));

test("a controlled input (React-like) whose onReport sets state keeps every keystroke", async () => {
  const page = await open();
  // onReport sets the component's state; marcheck:report does too.
  await page.evaluate(async () => {
    const setReport = window.controlled(document.getElementById("cr"));
    await window.attachV2({ onReport: setReport });
    document.getElementById("w").addEventListener("marcheck:report", (e) => setReport(e.detail));
  });
  await page.type("#cr", "abc", { delay: 10 });
  await page.waitForTimeout(50);
  assert.equal(await page.inputValue("#cr"), "abc");
  const state = await page.evaluate(() => ({ value: window.reactState.value, reports: window.reactState.reports }));
  assert.equal(state.value, "abc");
  assert.ok(state.reports >= 6, `onReport and the event ran for each keystroke (${state.reports})`);
  await page.closeAll();
});

test("an input event reads only its own control; a row added later is read without h.validate()", async () => {
  const page = await open();
  await page.evaluate(() => window.attachV2());
  const reads = await page.evaluate(async () => {
    const rd = document.getElementById("rd");
    const own = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
    let n = 0;
    Object.defineProperty(rd, "value", { get() { n++; return own.get.call(this); }, set(v) { own.set.call(this, v); }, configurable: true });
    const before = window.reports.length;
    const rc = document.getElementById("rc");
    for (const ch of "FR") {
      rc.value += ch;
      rc.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 5));
    }
    return { n, runs: window.reports.length - before };
  });
  assert.equal(reads.runs, 2, "each keystroke validated");
  assert.equal(reads.n, 0, "the other control's value was not read");
  assert.ok(!(await page.evaluate(() => window.h.report.findings.some((f) => f.field === "requestingCountry"))));

  // A control added to the form: the MutationObserver asks for a full read at the next run.
  await page.evaluate(() => {
    const i = document.createElement("input");
    i.name = "accounts[0].value";
    i.id = "acct";
    document.getElementById("step1").append(i);
  });
  await page.waitForFunction(() => window.h.report.findings.every((f) => f.code !== "ID001") || true);
  await page.fill("#acct", "203.0.113.7");
  await page.waitForFunction(() => !window.h.report.findings.some((f) => f.code === "ID001"));
  assert.equal(await page.evaluate(() => window.h.report.findings.filter((f) => f.field === "accounts").length), 0);
  await page.closeAll();
});

test("scope 'controls': a wizard step submits with later steps empty; the last step blocks on any error", async () => {
  const page = await open();
  await page.evaluate(() => window.attachV2({ scope: "controls", values: { case: { facts: "x" } } }));
  const all = await page.evaluate(() => window.h.report.findings.map((f) => f.field));
  assert.ok(all.includes("preservation.reference") || all.includes("authority.name"), "h.report holds every finding");
  // Only the fields of the shown step are listed.
  const shown = await listed(page);
  assert.ok(shown.every((s) => /@(requestingCountry|requestedCountry|case\.reference)$/.test(s)), shown.join());
  assert.ok(shown.length >= 2);

  await page.click("#send");
  assert.match(page.url(), /v2\.html$/, "step 1's own errors block it");
  assert.equal(await attr(page, "#rd", "aria-invalid"), "true");
  assert.equal(await attr(page, "#ref", "aria-invalid"), null, "a hidden control is never marked");
  assert.equal(await attr(page, '[name="authority.officer"]', "aria-invalid"), null, "an input type=hidden neither");

  await page.fill("#rc", "FR");
  await page.fill("#rd", "US");
  await Promise.all([page.waitForURL(/done\.html\?/), page.click("#send")]);
  assert.equal(new URL(page.url()).searchParams.get("requestingCountry"), "FR");
  await page.closeAll();
});

test("switching scope (h.scope) and showing the next step: out-of-scope findings neither mark, list nor block", async () => {
  const page = await open();
  await page.evaluate(() => window.attachV2({ scope: "controls" }));
  await page.fill("#rc", "FR");
  await page.fill("#rd", "US");
  // Step 2 is shown: its fields come into the "controls" scope (the MutationObserver sees `hidden`).
  await page.evaluate(() => {
    document.getElementById("step1").hidden = true;
    document.getElementById("step2").hidden = false;
  });
  await page.waitForFunction(() => [...document.querySelectorAll("#sum li a")].some((a) => a.dataset.field === "authority.name"));
  assert.ok((await listed(page)).every((s) => !s.endsWith("@requestingCountry")));

  // A list of paths.
  await page.evaluate(() => window.h.scope(["authority"]));
  const inList = await listed(page);
  // v2 adds AUTH003 (a warning: no phone number), also under "authority".
  assert.deepEqual(inList.sort(), ["AUTH001@authority.email", "AUTH001@authority.name", "AUTH001@authority.officer", "AUTH003@authority.phone"]);
  // The final step: the whole form; errors of any step block, hidden controls still unmarked.
  await page.evaluate(() => window.h.scope("form"));
  await page.click("#send");
  assert.match(page.url(), /v2\.html$/);
  assert.ok((await listed(page)).some((s) => s.startsWith("AUTH001@authority.officer")), "a finding on a hidden control is listed");
  assert.equal(await attr(page, '[name="authority.officer"]', "aria-invalid"), null);
  assert.equal(await attr(page, "#an", "aria-invalid"), "true", "the shown step's control is marked");
  // An element as the scope: its controls.
  await page.evaluate(() => window.h.scope(document.getElementById("step2")));
  const inStep = await listed(page);
  assert.ok(inStep.length > 0 && inStep.every((s) => /@(preservation\.reference|authority\.name)$/.test(s)), inStep.join());
  await page.closeAll();
});

test("values, h.merge and h.set feed fields the page does not show; the page's controls win", async () => {
  const page = await open();
  await page.evaluate(() =>
    window.attachV2({ values: () => ({ requestingCountry: "zz", recordsLocation: { country: "US" } }) }),
  );
  const has = (field, code) =>
    page.evaluate(([f, c]) => window.h.report.findings.some((x) => x.field === f && (!c || x.code === c)), [field, code]);
  assert.equal(await has("recordsLocation.country", "LOC001"), false, "values fill a field with no control");
  assert.equal(await has("requestingCountry", "FORM001"), false, "the empty control wins over values: no 'zz'");
  assert.equal(await has("requestingCountry", "CASE001"), true);

  await page.evaluate(() => window.h.merge({ data: { categories: ["subscriber"] } }));
  assert.equal(await has("data.categories", "DATA001"), false);
  await page.evaluate(() => window.h.set("recordsLocation.confirmed", true));
  assert.equal(await has("recordsLocation.confirmed", "LOC002"), false);
  // A later keystroke keeps them (the session holds them), and so does a full read.
  await page.fill("#rd", "US");
  await page.evaluate(() => window.h.validate());
  assert.equal(await has("data.categories", "DATA001"), false);
  assert.equal(await has("recordsLocation.confirmed", "LOC002"), false);
  await page.closeAll();
});

test("aria-describedby keeps others' tokens; aria-invalid is restored only where it is still ours", async () => {
  const page = await open();
  await page.evaluate(() => window.attachV2());
  await page.fill("#rc", "zz");
  await page.press("#rc", "Tab");
  const ours = (await attr(page, "#rc", "aria-describedby")).split(" ");
  assert.equal(ours[0], "rc_hint");
  assert.equal(ours.length, 2);
  // The framework re-renders its own description while the control is marked.
  await page.evaluate(() => {
    const rc = document.getElementById("rc");
    rc.setAttribute("aria-describedby", rc.getAttribute("aria-describedby") + " rc_more");
  });
  await page.fill("#rc", "FR");
  await page.waitForFunction(() => !document.querySelector(".marcheck-message:not(.marcheck-empty)"));
  assert.equal(await attr(page, "#rc", "aria-describedby"), "rc_hint rc_more", "only our id was removed");
  assert.equal(await attr(page, "#rc", "aria-invalid"), null, "ours was removed");

  // The framework takes aria-invalid over while it is marked: it is left as the framework set it.
  await page.fill("#rd", "zz");
  await page.press("#rd", "Tab");
  assert.equal(await attr(page, "#rd", "aria-invalid"), "true");
  await page.evaluate(() => document.getElementById("rd").setAttribute("aria-invalid", "grammar"));
  await page.fill("#rd", "US");
  await page.waitForFunction(() => !window.h.report.findings.some((f) => f.field === "requestedCountry"));
  assert.equal(await attr(page, "#rd", "aria-invalid"), "grammar");
  assert.equal(await attr(page, "#rd", "aria-describedby"), null, "no token left, and it had no attribute");
  await page.closeAll();
});

test("summary links dispatch a cancelable marcheck:focus with the field before focusing", async () => {
  const page = await open();
  await page.evaluate(() => {
    window.focusEvents = [];
    document.getElementById("w").addEventListener("marcheck:focus", (e) => {
      window.focusEvents.push(e.detail.field);
      if (window.cancelFocus) e.preventDefault();
    });
    return window.attachV2();
  });
  await page.evaluate(() => (window.cancelFocus = true));
  await page.click('#sum a[data-field="requestedCountry"]');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), "rd", "canceled: no focus");
  await page.evaluate(() => (window.cancelFocus = false));
  await page.click('#sum a[data-field="requestedCountry"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), "rd");
  assert.deepEqual(await page.evaluate(() => window.focusEvents), ["requestedCountry", "requestedCountry"]);
  await page.closeAll();
});

test("the summary is updated by key: a keystroke that changes no finding touches nothing; a flip touches its entry", async () => {
  const page = await open();
  await page.evaluate(() => window.attachV2());
  const count = (sel, type) =>
    page.evaluate(async ([s, t]) => {
      const list = document.querySelector("#sum ul");
      const records = [];
      const mo = new MutationObserver((rs) => records.push(...rs));
      mo.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
      const el = document.querySelector(s);
      el.value += t;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 20));
      mo.disconnect();
      // every node added or removed, and every text or attribute change
      return records.flatMap((r) =>
        r.type == "childList" ? [...r.addedNodes, ...r.removedNodes].map((n) => "node:" + (n.dataset?.code ?? n.nodeName)) : [r.type]);
    }, [sel, type]);
  const items = await page.$$eval("#sum li", (l) => l.length);
  assert.ok(items > 5);
  assert.deepEqual(await count("#cr", "x"), [], "case.reference has no rule: nothing touched");
  const flip = await count("#rc", "F"); // requestingCountry: CASE001 (missing) gives way to another finding
  assert.ok(flip.length >= 1 && flip.length <= 2, `one entry out, one in: ${flip.join(" | ")}`);
  await page.closeAll();
});

test("a control whose path is not in the model is skipped, with one console warning; h.set of such a path throws", async () => {
  const page = await open();
  await page.evaluate(() => {
    const note = document.createElement("input");
    note.name = "portalNote"; // the portal's own field: not a path of the MAR model
    note.id = "note";
    document.getElementById("step1").append(note);
    return window.attachV2();
  });
  await page.type("#note", "abc", { delay: 5 });
  await page.fill("#rc", "FR");
  await page.focus("#note");
  await page.keyboard.press("End");
  await page.keyboard.type("de", { delay: 5 });
  await page.waitForFunction(() => !window.h.report.findings.some((f) => f.field === "requestingCountry"));
  const warnings = page.log.console.filter((m) => m.startsWith("warning:"));
  assert.equal(warnings.filter((m) => m.includes("portalNote")).length, 1, warnings.join("\n"));
  assert.ok(!warnings.some((m) => /validation failed/.test(m)), "the binding kept validating: " + warnings.join("\n"));
  assert.equal(await page.inputValue("#note"), "abcde", "the control works as before");
  const thrown = await page.evaluate(() => {
    try {
      window.h.set("portalNote", "x");
      return null;
    } catch (e) {
      return e instanceof Error && e.message;
    }
  });
  assert.match(thrown, /portalNote/);
  assert.ok(await page.evaluate(() => window.h.set("recordsLocation.country", "US").findings.every((f) => f.code !== "LOC001")));
  await page.closeAll();
});

test("an attribute written again with the value it had (React re-rendering after onReport) is not a change: no loop", async () => {
  const page = await open();
  await page.evaluate(() =>
    window.attachV2({
      scope: "controls",
      // What React 19 does at each render of a controlled input: `name` (and `class`) written
      // again with the same value. A render follows every onReport that sets state.
      onReport: (r) => {
        window.reports.push(r);
        queueMicrotask(() => {
          for (const el of document.querySelectorAll("#w input")) {
            el.setAttribute("name", el.getAttribute("name"));
            el.setAttribute("class", el.getAttribute("class") ?? "");
          }
        });
      },
    }),
  );
  await page.waitForTimeout(300);
  const idle = await page.evaluate(() => window.reports.length);
  assert.ok(idle <= 2, `reports with nobody typing: ${idle}`);
  await page.fill("#rc", "FR");
  await page.waitForTimeout(300);
  const typed = await page.evaluate(() => window.reports.length) - idle;
  assert.ok(typed >= 1 && typed <= 2, `reports for one fill: ${typed}`);
  // A real rename is still news: the control's value moves to its new path.
  const case001 = () => window.h.report.findings.some((f) => f.code === "CASE001" && f.field === "requestedCountry");
  await page.fill("#rd", "US");
  await page.waitForFunction((f) => !Function(`return (${f})()`)(), case001.toString());
  await page.evaluate(() => document.getElementById("rd").setAttribute("name", "recordsLocation.country"));
  await page.waitForFunction((f) => Function(`return (${f})()`)(), case001.toString());
  assert.ok(await page.evaluate(() => window.h.report.findings.every((f) => f.field !== "recordsLocation.country" || f.code !== "LOC001")));
  await page.closeAll();
});
