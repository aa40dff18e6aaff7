// Forced synchronous layout per keystroke (issue 16 item 1): the binding never reads layout
// (checkVisibility, offsetParent, getBoundingClientRect...) after the keystroke dirtied the page,
// so it never makes the browser run style and layout inside its own work. Measured with a Chromium
// trace: every `Layout` and `UpdateLayoutTree` (style recalc) event that a script forced carries
// the script's stack; the frame's own ones carry none. A forced one whose innermost frame is in
// pkg/attach.js fails the test. A portal script that forces layout in its onReport is recorded
// too, and must be found (the detector works), but it is the portal's, not the binding's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fillPortal, useBrowser, VALID } from "./helpers.mjs";

const env = useBrowser();
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.stack"];

/** Types `keys` (each then Backspace) into `sel` under a trace; returns the forced layouts by script file. */
async function forcedWhileTyping(page, sel, keys) {
  await page.focus(sel);
  await page.keyboard.type(keys[0]);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Tab"); // touched (typed into, then left): its marks are live
  await page.focus(sel);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok))));
  const before = await page.evaluate(() => window.reports.length);
  await env.browser.startTracing(page, { categories: CATEGORIES });
  for (const key of keys) {
    for (const press of [() => page.keyboard.type(key), () => page.keyboard.press("Backspace")]) {
      const n = await page.evaluate(() => window.reports.length);
      await press();
      await page.waitForFunction((k) => window.reports.length > k, n);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)))); // a frame between keystrokes
    }
  }
  const trace = JSON.parse((await env.browser.stopTracing()).toString());
  const reports = (await page.evaluate(() => window.reports.length)) - before;
  const forced = [];
  if (process.env.LAYOUT_DEBUG) {
    const seen = {};
    for (const e of trace.traceEvents) {
      const st = e.args?.beginData?.stackTrace || e.args?.data?.stackTrace || e.args?.stackTrace;
      const k = e.name + (st ? " @" + st[0]?.url.split("/").pop() + ":" + st[0]?.functionName : "");
      if (/Layout|Style|Invalidat/i.test(e.name)) seen[k] = (seen[k] || 0) + 1;
    }
    console.error(sel, seen);
  }
  for (const e of trace.traceEvents) {
    if ((e.name != "Layout" && e.name != "UpdateLayoutTree") || e.ph == "E") continue;
    const stack = e.args?.beginData?.stackTrace;
    if (!stack?.length) continue; // the frame's own: no script asked for it
    const top = stack[0];
    forced.push({ kind: e.name, file: top.url.split("/").pop(), fn: top.functionName, at: `${top.lineNumber}:${top.columnNumber}` });
  }
  return { forced, reports };
}

for (const [name, setup] of Object.entries({
  "the portal page": async (page) => {
    await fillPortal(page, VALID);
  },
  "200 account rows, straight in their fieldset": async (page) => {
    await page.evaluate(() => {
      // Unwrap the rows: every row's controls are direct children of the accounts fieldset.
      const acc = document.getElementById("accounts");
      const first = acc.querySelector(".row");
      const parts = [];
      for (let i = 0; i < 200; i++) {
        const row = i ? first.cloneNode(true) : first;
        for (const el of row.querySelectorAll("[name]")) el.name = el.name.replace(/_\d+$/, "_" + i);
        row.querySelector("select").value = "email";
        row.querySelector("input").value = `holder.${i}@example.org`;
        parts.push(...row.children, document.createElement("br"));
      }
      acc.replaceWith(...parts);
    });
  },
})) {
  test(`no forced layout inside the binding while typing: ${name}`, async () => {
    const page = await env.open("/test/portal.html", { waitFor: () => window.portalReady });
    await setup(page);
    await page.evaluate(async () => {
      // As frameworks do, the portal writes to the page on every input (a class on the form that
      // its style sheet reads): the style is dirty when the binding runs, so a layout read there
      // would force style and layout.
      const css = document.createElement("style");
      css.textContent = "form.typing input, form.typing textarea { outline: 1px solid #36c } .marcheck-message { display: inline-block; padding: 0 .25em }";
      document.head.append(css);
      const form = document.getElementById("mar");
      form.addEventListener("input", () => form.classList.toggle("typing"));
      let flip = false;
      await window.attachPortal({
        // The portal's own script forces layout on each report (a write, then a read): the
        // detector must see it, and must not blame the binding for it.
        onReport: (r) => {
          window.reports.push(r);
          const p = document.getElementById("problems");
          p.style.paddingTop = (flip = !flip) ? "1px" : "0px";
          void p.offsetHeight;
        },
      });
    });
    const cases = [
      ["#auth_email", ["@", "@", "@"]], // a finding flips at each keystroke (an error appears, goes)
      ["#case_facts", ["a", "b", "c"]], // findings unchanged
      ["#auth_officer", ["x"]],
    ];
    for (const [sel, keys] of cases) {
      const { forced, reports } = await forcedWhileTyping(page, sel, keys);
      assert.ok(reports >= keys.length * 2, `${sel}: every keystroke gave a report (${reports})`);
      const portal = forced.filter((f) => !f.file.startsWith("attach"));
      assert.ok(portal.length >= keys.length, `${sel}: the portal's own forced layout is seen (${JSON.stringify(forced)})`);
      const ours = forced.filter((f) => f.file.startsWith("attach"));
      assert.deepEqual(ours, [], `${sel}: layout forced inside the binding`);
    }
    assert.deepEqual(page.log.errors, []);
    await page.closeAll();
  });
}

test("what is shown is known without reading layout while typing: a step hidden by a class, a 0×0 control still shown", async () => {
  const page = await env.open("/test/v2.html", { waitFor: () => window.v2Ready });
  await page.evaluate(async () => {
    const css = document.createElement("style");
    css.textContent = ".gone { display: none } #rc { width: 0; height: 0; padding: 0; border: 0; opacity: 0 }";
    document.head.append(css);
    await window.attachV2({ scope: "controls" });
  });
  const listed = () => page.$$eval("#sum li a", (as) => as.map((a) => a.dataset.field));
  // Step 1 hidden by a class (no `hidden` attribute, no MutationObserver record the binding
  // watches): the ResizeObserver tells, after the frame's layout.
  assert.ok((await listed()).includes("requestingCountry"));
  await page.evaluate(() => document.getElementById("step1").classList.add("gone"));
  await page.waitForFunction(() => ![...document.querySelectorAll("#sum li a")].some((a) => a.dataset.field === "requestingCountry"));
  await page.evaluate(() => document.getElementById("step1").classList.remove("gone"));
  await page.waitForFunction(() => [...document.querySelectorAll("#sum li a")].some((a) => a.dataset.field === "requestingCountry"));
  // A control drawn 0×0 (how some custom controls hide their real input) is shown: marked as before.
  await page.evaluate(() => {
    const rc = document.getElementById("rc");
    rc.value = "zz"; // not a country: an error at requestingCountry
    rc.dispatchEvent(new Event("input", { bubbles: true }));
    rc.dispatchEvent(new Event("change", { bubbles: true })); // touched
  });
  await page.waitForFunction(() => document.getElementById("rc").getAttribute("aria-invalid") === "true");
  assert.deepEqual(await page.$eval("#rc", (e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]), [0, 0]);
  assert.deepEqual(page.log.errors, []);
  await page.closeAll();
});

test("a `hidden` written in the same task as the change is seen: by a portal's input handler, and before h.set from code", async () => {
  const page = await env.open("/test/v2.html", { waitFor: () => window.v2Ready });
  await page.evaluate(() => window.attachV2());
  // requestingCountry marked (touched, an error).
  await page.evaluate(() => {
    const rc = document.getElementById("rc");
    rc.value = "zz";
    rc.dispatchEvent(new Event("input", { bubbles: true }));
    rc.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.waitForFunction(() => document.getElementById("rc").getAttribute("aria-invalid") === "true");
  const invalid = () => page.$eval("#rc", (e) => e.getAttribute("aria-invalid"));
  // A portal's handler hides the step while the officer types into it: the same run unmarks it.
  await page.evaluate(() => {
    const rc = document.getElementById("rc");
    rc.addEventListener("input", () => document.getElementById("step1").toggleAttribute("hidden", rc.value.endsWith("!")));
    // What the run of that very keystroke left (before any ResizeObserver can tell).
    document.addEventListener("marcheck:report", () => {
      const hidden = document.getElementById("step1").hidden;
      window.atReport = [hidden, rc.getAttribute("aria-invalid")];
      if (hidden) window.firstHidden ??= window.atReport;
    });
  });
  await page.focus("#rc");
  await page.keyboard.press("End");
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.keyboard.type("a"); // a run while shown (what is shown is kept from here)
  await page.waitForFunction(() => window.atReport?.[1] === "true");
  await page.keyboard.type("!");
  await page.waitForFunction(() => window.firstHidden);
  assert.deepEqual(await page.evaluate(() => window.firstHidden), [true, null], "unmarked by the keystroke's own run");
  assert.equal(await invalid(), null, "a control in a hidden step is not marked");
  // Hidden by code and a value set from code in the same task, before any observer has told:
  // not marked by that call.
  await page.evaluate(() => (document.getElementById("step1").hidden = false));
  await page.waitForFunction(() => document.getElementById("rc").getAttribute("aria-invalid") === "true");
  const now = await page.evaluate(() => {
    document.getElementById("step1").hidden = true;
    window.h.set("requestingCountry", "zzzzz");
    return document.getElementById("rc").getAttribute("aria-invalid");
  });
  assert.equal(now, null);
  await page.closeAll();
});
