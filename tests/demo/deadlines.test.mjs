// (v3) The Deadlines panel: the form's deadlines with their days left (overdue marked), drawn on
// the timeline, in English and French, and the "Add to calendar (.ics)" file downloaded in
// Chromium and parsed with Mozilla's ical.js.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { launch } from "../../scripts/chromium.mjs";
import { loadSample, open, root, serve, shot } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const fresh = () => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", acceptDownloads: true });
const sample = (file) => JSON.parse(readFileSync(`${root}www/samples/${file}`, "utf8"));

/** The panel's rows: { kind, on, text, overdue }. */
const rows = (page) => page.$$eval("#deadlines li", (lis) => lis.map((li) => ({
  kind: li.dataset.kind, on: li.dataset.on, text: li.textContent, overdue: li.classList.contains("dl-overdue"),
})));

/** What the core says for the same form and options. */
const coreDeadlines = (page, form, options) =>
  page.evaluate(async ([f, o]) => (await import("/pkg/marcheck.js")).deadlines(f, o), [form, options]);

test("the panel lists the core's deadlines with days left, draws them on the timeline, and downloads a calendar ical.js reads", async () => {
  const ctx = await fresh();
  const page = await open(ctx, srv.url);
  assert.equal(await page.locator("#ics").isDisabled(), true, "nothing to download on an empty form");
  await loadSample(page, "valid-mar.json");
  const s = sample("valid-mar.json");
  const want = await coreDeadlines(page, s.form, { asOf: s.asOf, locale: "en" });
  assert.ok(want.length >= 3);
  await page.waitForFunction((n) => document.querySelectorAll("#deadlines li").length === n, want.length);
  const got = await rows(page);
  assert.deepEqual(got.map((r) => [r.kind, r.on]), want.map((d) => [d.kind, d.on]));
  for (const [i, d] of want.entries()) {
    assert.ok(got[i].text.includes(d.title) && got[i].text.includes(d.daysLeftText), got[i].text);
  }
  assert.ok(got.some((r) => /\b20 days left\b/.test(r.text)), "the reminder, 20 days ahead");
  // The timeline carries one flag per deadline, each titled with its date.
  assert.equal(await page.locator("#timeline path.tl-dl").count(), want.length);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#ics")]);
  assert.match(download.suggestedFilename(), /^mar-deadlines-FPF-CCU-2026-0412\.ics$/);
  const text = readFileSync(await download.path(), "utf8");
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  assert.equal(events.length, want.length);
  events.forEach((e, i) => {
    assert.equal(e.startDate.toString(), want[i].on);
    assert.equal(e.startDate.isDate, true);
    assert.equal(e.summary, `${want[i].title} — ${s.form.case.reference}`);
    assert.match(e.uid, /^[0-9a-f]{32}@marcheck$/);
    assert.equal(e.component.getAllSubcomponents("valarm").length, 1);
  });
  await shot(page, "30-deadlines");
  assert.deepEqual(page.errors, []);
  await ctx.close();
});

test("overdue deadlines are marked, and the panel speaks French", async () => {
  const ctx = await fresh();
  const page = await open(ctx, srv.url);
  await loadSample(page, "lapsed-preservation.json");
  await page.waitForSelector("#deadlines li.dl-overdue");
  const overdue = (await rows(page)).filter((r) => r.overdue);
  assert.ok(overdue.length >= 1);
  for (const r of overdue) assert.match(r.text, /\d+ days? overdue overdue$|overdue/);
  assert.equal(await page.locator(".deadlines").getAttribute("data-state"), "overdue");
  assert.ok(await page.locator("#timeline path.tl-dl-overdue").count() >= 1);

  await page.check("#locale-fr");
  await page.waitForFunction(() => document.getElementById("dl-h").textContent === "Échéances");
  await page.waitForFunction(() => /de retard/.test(document.getElementById("deadlines").textContent));
  const fr = await rows(page);
  assert.ok(fr.every((r) => !/ days? (left|overdue)/.test(r.text)), "no English left");
  assert.ok(fr.filter((r) => r.overdue).every((r) => r.text.endsWith("en retard")));
  assert.equal(await page.locator("#ics").textContent(), "Ajouter au calendrier (.ics)");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#ics")]);
  const events = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), "utf8"))).getAllSubcomponents("vevent");
  assert.equal(events.length, fr.length);
  assert.ok(events.some((v) => v.getFirstPropertyValue("summary").startsWith("Fin de la conservation")));
  assert.deepEqual(page.errors, []);
  await ctx.close();
});
