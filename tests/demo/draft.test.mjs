// Nothing typed is lost: the draft survives a reload; export, clear and import give back the
// same form; clearing asks first and can be undone.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { launch } from "../../scripts/chromium.mjs";
import { artifacts, counts, loadSample, open, ready, root, serve, shot } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const fresh = () => browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });

async function exportForm(page, name) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
  const path = `${artifacts}/${name}`;
  await download.saveAs(path);
  return { path, file: download.suggestedFilename(), json: JSON.parse(readFileSync(path, "utf8")) };
}

describe("drafts, export, import, clear", () => {
  test("a reload finds the draft: fields, rows, as-of date and language", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await page.fill("#f-authority-officer", "Detective Sergeant Mere Tuilagi");
    await page.check('input[name="data.categories"][value="traffic"]');
    await page.check('input[name="preservation.status"][value="preserved"]');
    await page.click('[data-add="accounts"]');
    await page.selectOption('[name="accounts[1].kind"]', "ip");
    await page.fill('[name="accounts[1].value"]', "203.0.113.7");
    await page.fill('[name="accounts[1].timestamp"]', "2026-10-03T14:05:00+12:00");
    await page.click('[data-add="preservation.extensions"]');
    await page.fill('[name="preservation.extensions[0].requestedOn"]', "2026-11-25");
    await page.fill("#as-of", "2026-11-20");
    await page.click('label[for="locale-fr"]');
    await page.waitForFunction(() => document.documentElement.lang === "fr");
    await page.waitForFunction(() => /Brouillon enregistré/.test(document.getElementById("saved").textContent));

    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
    assert.equal(await page.inputValue("#f-authority-officer"), "Detective Sergeant Mere Tuilagi");
    assert.equal(await page.isChecked('input[name="data.categories"][value="traffic"]'), true);
    assert.equal(await page.isChecked('input[name="preservation.status"][value="preserved"]'), true);
    assert.equal(await page.inputValue('[name="accounts[1].kind"]'), "ip");
    assert.equal(await page.inputValue('[name="accounts[1].timestamp"]'), "2026-10-03T14:05:00+12:00");
    // The page is French: its date controls write the day first (issue 16), the draft keeps ISO dates.
    assert.equal(await page.inputValue('[name="preservation.extensions[0].requestedOn"]'), "25/11/2026");
    assert.equal(await page.inputValue("#as-of"), "20/11/2026");
    const draft = await page.evaluate(() => Object.entries(localStorage).map(([, v]) => v).find((v) => v.includes("2026-11-25")));
    assert.ok(draft && draft.includes('"2026-11-20"'), "the draft holds ISO dates");
    assert.match(await page.locator("#status").textContent(), /brouillon/i, "the officer is told the draft is back");
    await shot(page, "10-draft-restored");
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("export, clear (asked first), import: the same form comes back", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await loadSample(page, "csam-undeclared.json");
    const sample = JSON.parse(readFileSync(`${root}www/samples/csam-undeclared.json`, "utf8"));
    const before = await counts(page);

    const exported = await exportForm(page, "exported.json");
    assert.match(exported.file, /^mar-AFP-ACCCE-2026-4471-\d{4}-\d{2}-\d{2}\.json$/);
    assert.deepEqual(exported.json, sample.form, "the export is the form model itself");

    // Clear asks first; Cancel keeps everything.
    await page.click("#clear");
    assert.equal(await page.isVisible("#clear-confirm"), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), "clear-no", "the safe answer has the focus");
    await shot(page, "11-clear-confirm");
    await page.keyboard.press("Enter");
    assert.equal(await page.isVisible("#clear-confirm"), false);
    assert.equal(await page.inputValue("#f-case-reference"), "AFP-ACCCE-2026-4471");

    await page.click("#clear");
    await page.click("#clear-yes");
    await page.waitForFunction(() => document.getElementById("f-case-reference").value === "");
    assert.equal(await page.isChecked('input[name="csam.likely"]'), false);
    assert.equal(await page.locator('[data-list="csam.ncmecReports"] li').count(), 0);
    await page.waitForFunction((n) => Number(document.getElementById("n-error").textContent) > n, before.error);

    await page.setInputFiles("#import-file", exported.path);
    await page.waitForFunction(() => document.getElementById("f-case-reference").value === "AFP-ACCCE-2026-4471");
    const again = await exportForm(page, "reexported.json");
    assert.deepEqual(again.json, sample.form, "import gives back exactly the exported form");
    await page.waitForFunction((n) => Number(document.getElementById("n-error").textContent) === n, before.error);

    // A file that is not a form is refused, and the form is untouched.
    const bad = `${artifacts}/not-a-form.json`;
    writeFileSync(bad, JSON.stringify([1, 2, 3]));
    await page.setInputFiles("#import-file", bad);
    await page.waitForFunction(() => /not a request/.test(document.getElementById("status").textContent));
    assert.equal(await page.inputValue("#f-case-reference"), "AFP-ACCCE-2026-4471");

    // Clearing can be undone.
    await page.click("#clear");
    await page.click("#clear-yes");
    await page.waitForFunction(() => document.getElementById("f-case-reference").value === "");
    await page.click("#undo");
    await page.waitForFunction(() => document.getElementById("f-case-reference").value === "AFP-ACCCE-2026-4471");
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });
});
