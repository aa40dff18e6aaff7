// attach() on a portal whose controls have their own names (pres_ref_no, ...) mapped with `fields`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, VALID, fillPortal, portalControls, expectedQuery } from "./helpers.mjs";

const env = useBrowser();

async function openPortal() {
  const page = await env.open("/test/portal.html", { waitFor: () => window.portalReady });
  return page;
}
const attach = (page, extra) => page.evaluate((x) => window.attachPortal(x), extra);
const attr = (page, sel, name) => page.$eval(sel, (e, n) => e.getAttribute(n), name);
const marked = (page) =>
  page.$$eval("#mar [aria-invalid]", (els) => els.map((e) => e.name + "=" + e.getAttribute("aria-invalid")));
const codesAt = (page, field) =>
  page.evaluate((f) => window.h.report.findings.filter((x) => x.field === f).map((x) => x.code), field);

test("a placeholder reference is marked once the field is left, and unmarked when fixed", async () => {
  const page = await openPortal();
  assert.equal(await attach(page), true);
  await page.fill("#pres_ref_no", "n/a");
  assert.ok((await codesAt(page, "preservation.reference")).includes("PRES002"));
  assert.equal(await attr(page, "#pres_ref_no", "aria-invalid"), null, "marked while still being typed");
  assert.equal(await page.$$eval(".marcheck-message", (m) => m.length), 0);

  await page.press("#pres_ref_no", "Tab");
  assert.equal(await attr(page, "#pres_ref_no", "aria-invalid"), "true");
  const describedby = (await attr(page, "#pres_ref_no", "aria-describedby")).split(" ");
  assert.equal(describedby[0], "pres_ref_hint", "the portal's own description is kept first");
  assert.equal(describedby.length, 2);
  const msg = await page.$eval(`#${describedby[1]}`, (m) => ({
    text: m.textContent,
    cls: m.className,
    afterInput: m.previousElementSibling?.id,
    children: m.children.length,
  }));
  const finding = await page.evaluate(() =>
    window.h.report.findings.find((f) => f.field === "preservation.reference" && f.code === "PRES002"),
  );
  assert.equal(msg.text, finding.message);
  assert.match(msg.cls, /\bmarcheck-message\b/);
  assert.match(msg.cls, /\bmarcheck-error\b/);
  assert.equal(msg.afterInput, "pres_ref_no", "the message sits right after its control");
  assert.equal(msg.children, 0);
  assert.equal(await page.$eval("#pres_ref_no", (e) => e.validationMessage), finding.message);

  await page.fill("#pres_ref_no", "GGL-PRES-88231");
  assert.equal(await attr(page, "#pres_ref_no", "aria-invalid"), null);
  assert.equal(await attr(page, "#pres_ref_no", "aria-describedby"), "pres_ref_hint");
  assert.equal(await page.$eval("#pres_ref_no", (e) => e.validity.customError), false);
  // Issue 16: the message element stays in place, empty and taking no room (a later flip
  // changes its text: no node inserted among the page's own, no layout box rebuilt).
  assert.deepEqual(
    await page.$eval(`#${describedby[1]}`, (m) => ({ text: m.textContent, cls: m.className, width: m.getBoundingClientRect().width, after: m.previousElementSibling?.id })),
    { text: "", cls: "marcheck-message marcheck-empty", width: 0, after: "pres_ref_no" },
    "the message element is empty in place",
  );
  await page.fill("#pres_ref_no", "n/a");
  assert.equal(await attr(page, "#pres_ref_no", "aria-describedby"), `pres_ref_hint ${describedby[1]}`, "the same element again");
  assert.deepEqual(await page.$eval(`#${describedby[1]}`, (m) => [m.className, m.textContent]), ["marcheck-message marcheck-error", finding.message]);
  assert.ok(page.log.requests.some((u) => u.endsWith("/pkg/marcheck_bg.wasm")), "the real wasm was loaded");
  env.assertSameOrigin(page);
  await page.closeAll();
});

test("an untouched invalid form stays quiet until a submit is tried; then errors block it", async () => {
  const page = await openPortal();
  await attach(page);
  await page.fill("#case_ref", "OFAC-2026-1142"); // touched, and no rule reads it
  await page.press("#case_ref", "Tab");
  const report = await page.evaluate(() => window.h.report);
  assert.ok(report.counts.error > 0, "the empty form has errors");
  assert.ok(report.findings.some((f) => f.field === "preservation.reference" || f.field === "requestedCountry"));
  assert.deepEqual(await marked(page), [], "no untouched control is marked");
  assert.equal(await page.$$eval(".marcheck-message", (m) => m.length), 0);
  // The summary lists the findings from the start (a checklist), without marking controls.
  assert.equal(await page.$$eval("#problems li", (li) => li.length), report.findings.length);

  await page.click("#send");
  assert.match(page.url(), /portal\.html$/, "the submit was blocked");
  const nowMarked = await marked(page);
  assert.ok(nowMarked.includes("to_cc=true"), `requestedCountry is marked: ${nowMarked}`);
  // every error whose field has a control of its own is now marked
  const unmarked = await page.evaluate(() =>
    window.h.report.findings
      .filter((f) => f.severity === "error" && window.FIELDS[f.field])
      .map((f) => document.querySelector(`#mar [name="${window.FIELDS[f.field]}"]`))
      .filter((c) => c.getAttribute("aria-invalid") !== "true")
      .map((c) => c.name),
  );
  assert.deepEqual(unmarked, []);
  assert.ok(await page.evaluate(() => !!document.activeElement.closest("#problems")), "focus moved to the summary");
  const counts = await page.$eval("#problems .marcheck-counts", (e) => e.textContent);
  assert.match(counts, new RegExp(`^${report.counts.error} errors?\\b`));
  env.assertSameOrigin(page);
  await page.closeAll();
});

test("warnings and info never block: the form is submitted with exactly the typed values", async () => {
  const page = await openPortal();
  const controls = await portalControls(page);
  await attach(page);
  await fillPortal(page, VALID);
  const report = await page.evaluate(() => window.h.validate());
  assert.equal(report.counts.error, 0, JSON.stringify(report.findings.filter((f) => f.severity === "error")));
  assert.ok(report.counts.warning > 0, "the fixture keeps a warning (preservation expires in 11 days)");
  assert.ok(report.findings.some((f) => f.code === "PRES007"));
  assert.equal(report.facts.preservationExpiresOn, "2026-12-01");

  await Promise.all([page.waitForURL(/\/test\/done\.html\?/), page.click("#send")]);
  const sent = [...new URL(page.url()).searchParams];
  assert.deepEqual(sent, expectedQuery(VALID, controls));
  env.assertSameOrigin(page);
  await page.closeAll();
});

test("errors block until fixed; the portal's native `required` still applies; a formnovalidate draft button skips checks", async () => {
  const page = await openPortal();
  await attach(page);
  await fillPortal(page, { ...VALID, pres_ref_no: "n/a" });
  await page.click("#send");
  assert.match(page.url(), /portal\.html$/);
  assert.equal(await attr(page, "#pres_ref_no", "aria-invalid"), "true");
  assert.equal(await page.$eval("#mar", (f) => f.noValidate), true, "native validation is run by marcheck meanwhile");

  await page.fill("#pres_ref_no", "GGL-PRES-88231");
  await page.fill("#case_ref", ""); // no marcheck rule on it, but the portal made it required
  assert.equal(await page.evaluate(() => window.h.report.counts.error), 0);
  await page.click("#send");
  assert.match(page.url(), /portal\.html$/, "the native required constraint blocked it");
  assert.equal(await page.evaluate(() => document.activeElement.id), "case_ref");

  await page.fill("#case_ref", "OFAC-2026-1142");
  await page.fill("#pres_ref_no", "tbc");
  await Promise.all([page.waitForURL(/done\.html\?/), page.click("#draft")]);
  assert.equal(new URL(page.url()).searchParams.get("pres_ref_no"), "tbc", "the draft was saved as typed");
  await page.closeAll();
});

test("markup typed into fields stays text: no element is created", async () => {
  const page = await openPortal();
  await attach(page);
  const evil = `<img src=x onerror="window.__pwned=1">`;
  for (const sel of ["#from_cc", "#auth_email", "#pres_ref_no", "#case_facts", "#loc_cc"]) {
    await page.fill(sel, evil);
    await page.press(sel, "Tab");
  }
  await page.click("#send");
  await page.waitForTimeout(100);
  const state = await page.evaluate(() => ({
    imgs: document.querySelectorAll("img").length,
    pwned: window.__pwned,
    messageChildren: [...document.querySelectorAll(".marcheck-message")].reduce((n, m) => n + m.children.length, 0),
    messages: document.querySelectorAll(".marcheck-message").length,
    echoed: [...document.querySelectorAll(".marcheck-message, #problems li")].filter((m) => m.textContent.includes("<img src=x")).length,
    summaryTags: [...new Set([...document.querySelectorAll("#problems li *")].map((e) => e.tagName))],
    value: document.getElementById("pres_ref_no").value,
  }));
  assert.equal(state.imgs, 0);
  assert.equal(state.pwned, undefined);
  assert.ok(state.messages > 0, "some fields were marked");
  assert.ok(state.echoed > 0, "a message quotes the typed markup (FORM001), so this test can see it");
  assert.equal(state.messageChildren, 0);
  assert.deepEqual(state.summaryTags.filter((t) => !["SPAN", "A"].includes(t)), []);
  assert.equal(state.value, evil, "values are never touched");
  assert.ok(!page.log.requests.some((u) => u.endsWith("/x")), "no image was requested");
  await page.closeAll();
});

test("detach() leaves the form exactly as found, and every listener is gone", async () => {
  const page = await openPortal();
  const before = await page.evaluate(() => document.body.outerHTML);
  await attach(page);
  await page.fill("#pres_ref_no", "n/a");
  await page.press("#pres_ref_no", "Tab");
  await page.click("#send");
  const during = await page.evaluate(() => ({
    html: document.body.outerHTML,
    novalidate: document.getElementById("mar").hasAttribute("novalidate"),
    custom: document.getElementById("pres_ref_no").validity.customError,
  }));
  assert.notEqual(during.html, before, "attach did mark the page (else this test proves nothing)");
  assert.equal(during.novalidate, true);
  assert.equal(during.custom, true);

  await page.evaluate(() => window.h.detach());
  const after = await page.evaluate(() => ({
    html: document.body.outerHTML,
    novalidate: document.getElementById("mar").noValidate,
    custom: [...document.getElementById("mar").elements].filter((e) => e.validity?.customError).map((e) => e.name),
    value: document.getElementById("pres_ref_no").value,
    active: window.h.active,
    reports: window.reports.length,
  }));
  assert.equal(after.html, before);
  assert.equal(after.novalidate, false);
  assert.deepEqual(after.custom, []);
  assert.equal(after.value, "n/a", "values are never touched");
  assert.equal(after.active, false);

  // Typing after detach changes nothing, and errors no longer block the submit.
  await page.fill("#to_cc", "FR");
  await page.press("#to_cc", "Tab");
  await page.fill("#case_ref", "OFAC-1");
  assert.equal(await page.evaluate(() => window.reports.length), after.reports, "no validation after detach");
  assert.equal(await page.evaluate(() => document.body.outerHTML), before);
  await Promise.all([page.waitForURL(/done\.html\?/), page.click("#send")]);
  await page.closeAll();
});

test("account rows added or removed later are read and marked (event delegation)", async () => {
  const page = await openPortal();
  await attach(page);
  await page.click("#add-account");
  await page.fill('[name="acct_value_0"]', "seller.cards@gmail.com");
  await page.selectOption('[name="acct_kind_1"]', "email");
  await page.fill('[name="acct_value_1"]', "not an email");
  await page.press('[name="acct_value_1"]', "Tab");
  assert.ok((await codesAt(page, "accounts[1].value")).includes("ID002"));
  assert.equal(await attr(page, '[name="acct_value_1"]', "aria-invalid"), "true");
  assert.equal(await attr(page, '[name="acct_value_0"]', "aria-invalid"), null);

  // Remove the first row: the second becomes accounts[0] in the model, its control stays marked.
  await page.evaluate(() => document.querySelector("#accounts .row").remove());
  await page.evaluate(() => window.h.validate());
  assert.ok((await codesAt(page, "accounts[0].value")).includes("ID002"));
  assert.deepEqual(await codesAt(page, "accounts[1].value"), []);
  assert.equal(await attr(page, '[name="acct_value_1"]', "aria-invalid"), "true");

  await page.fill('[name="acct_value_1"]', "seller.cards@example.org");
  assert.deepEqual(await codesAt(page, "accounts[0].value"), []);
  assert.equal(await attr(page, '[name="acct_value_1"]', "aria-invalid"), null);
  await page.closeAll();
});

test("the summary lists the report's findings, in its order, through edits that add, remove, change and move them", async () => {
  const page = await openPortal();
  assert.equal(await attach(page), true);
  await fillPortal(page, VALID);
  const listed = () =>
    page.evaluate(() => ({
      list: [...document.querySelectorAll("#problems li")].map((li) => li.dataset.code + " " + li.querySelector(".marcheck-text").textContent),
      report: window.h.report.findings.map((f) => f.code + " " + f.message),
      items: document.querySelectorAll("#problems .marcheck-list > li").length,
    }));
  // Each step changes which findings there are, their texts or their order (a field earlier in
  // the report's order gains one; a changed period rewrites a message in place).
  const steps = [
    ["#auth_email", "m.dupont@gmail.com"], // an unofficial address: a finding near the top
    ["#pres_ref_no", "n/a"], // a placeholder reference
    ["#auth_email", ""], // the same field, another finding
    ["#pres_days", "5000"], // an unreadable period
    ["#pres_ref_no", "GGL-PRES-88231"], // gone again
    ["#auth_email", "m.dupont@interieur.gouv.fr"],
    ["#pres_days", "90"],
    ["#auth_email", "m.dupont@gmail.com"], // back: the entry kept aside is put back
  ];
  const seen = new Set();
  for (const [sel, value] of steps) {
    await page.fill(sel, value);
    await page.press(sel, "Tab");
    const { list, report, items } = await listed();
    assert.deepEqual(list, report, `after ${sel} = ${JSON.stringify(value)}`);
    assert.equal(items, report.length, "no stray entries");
    seen.add(report.join("\n"));
  }
  assert.equal(seen.size, steps.length - 1, "every step but the last changed the findings (the last repeats the first)");
  await page.closeAll();
});
