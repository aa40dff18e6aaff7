// Contract v2 in the demo: the request type decides which checks apply, and the page says so;
// the samples of each request type show what they promise; the new fields survive a reload,
// export and import.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch } from "../../scripts/chromium.mjs";
import { artifacts, counts, findings, loadSample, open, ready, root, serve, shot, waitForCode } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const fresh = (opts = {}) => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", acceptDownloads: true, ...opts });
const sample = (file) => JSON.parse(readFileSync(`${root}www/samples/${file}`, "utf8"));
const checkedAs = (page) => page.locator("#checked-as");
const codesOf = async (page) => (await findings(page)).map((f) => f.code);
const dimmed = (page) => page.$$eval("#mar > fieldset.group.not-checked", (gs) => gs.map((g) => g.id).sort());
/** The single fields dimmed inside checked groups, by the name of their control. */
const quietFields = (page) => page.$$eval("#mar .not-checked:not(.group)", (bs) => bs.map((b) => b.querySelector("[name]").name).sort());

/** Clicks a request type and waits until the core's report says it checked that type. */
async function switchType(page, type) {
  await page.check(`input[name="requestType"][value="${type}"]`);
  await page.waitForFunction((t) => document.getElementById("checked-as").dataset.type === t, type);
}

describe("contract v2 in the demo", () => {
  test("the request type line follows the switch, and the findings change with it", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    // An empty form has no type: the core checks it as the strictest, a formal MAR, and the page says so.
    assert.equal(await checkedAs(page).getAttribute("data-type"), "formal_mar");
    assert.match(await checkedAs(page).textContent(), /^Checked as: Formal MAR \(through the central authority\) \(no type chosen: the strictest\)\. \d+ of the 63 checks apply\.$/);

    await loadSample(page, "emergency-meta.json");
    assert.match(await checkedAs(page).textContent(), /^Checked as: Emergency disclosure\. (\d+) of the 63 checks apply to this type\.$/);
    const nEmergency = Number(/(\d+) of the 63/.exec(await checkedAs(page).textContent())[1]);
    const expected = await page.evaluate(async () => (await import("/pkg/marcheck.js")).rules().filter((r) => r.appliesTo.includes("emergency_disclosure")).length);
    assert.equal(nEmergency, expected, "the number is the core's rules() for this type");
    let codes = await codesOf(page);
    for (const c of ["CASE001", "LOC001", "LOC002", "DATE001", "CASE004", "PRES012"]) assert.ok(!codes.includes(c), `emergency: no ${c}, got ${codes}`);
    assert.equal((await counts(page)).error, 0, `emergency to Meta is ready to send, got ${codes}`);
    // The groups no emergency check reads are dimmed, with a note; the others are not.
    assert.deepEqual(await dimmed(page), ["g-case", "g-legal", "g-location", "g-preservation"]);
    assert.match(await page.locator("#g-location > .not-checked-note").textContent(), /^Not checked for this type of request \(Emergency disclosure\)/);
    assert.equal(await page.locator("#g-emergency > .not-checked-note").count(), 0);
    assert.deepEqual(await quietFields(page), ["notification.basis", "requestedCountry"]);
    await shot(page, "20-v2-emergency");

    // The same form as a formal MAR: what a MAR must carry comes back.
    await switchType(page, "formal_mar");
    await waitForCode(page, "LOC001");
    assert.match(await checkedAs(page).textContent(), /^Checked as: Formal MAR \(through the central authority\)\. \d+ of the 63 checks apply to this type\.$/);
    codes = await codesOf(page);
    for (const c of ["CASE001", "LOC001", "LOC002", "DATE001", "CASE004", "PRES012"]) assert.ok(codes.includes(c), `formal MAR: ${c}, got ${codes}`);
    assert.ok((await counts(page)).error > 0);
    assert.deepEqual(await dimmed(page), [], "a formal MAR reads every group");
    assert.deepEqual(await quietFields(page), ["preservation.marToFollow", "preservation.necessity"], "Art. 29's statements are a preservation's");
    await shot(page, "21-v2-emergency-as-formal-mar");

    // A preservation: no requested country or records location; what Art. 29 asks instead.
    await switchType(page, "preservation_only");
    await waitForCode(page, "PRES015");
    codes = await codesOf(page);
    for (const c of ["CASE001", "LOC001", "CASE004"]) assert.ok(!codes.includes(c), `preservation: no ${c}, got ${codes}`);
    for (const c of ["PRES015", "PRES016", "CASE002"]) assert.ok(codes.includes(c), `preservation: ${c}, got ${codes}`);
    assert.deepEqual(await dimmed(page), ["g-csam", "g-legal", "g-location"]);
    assert.deepEqual(await quietFields(page), ["case.nexus", "preservation.proofAttached", "requestedCountry"]);

    // And back: the values of the dimmed groups were never lost.
    await switchType(page, "emergency_disclosure");
    await page.waitForFunction(() => Number(document.getElementById("n-error").textContent) === 0);
    assert.equal(await page.inputValue("#f-emergency-personAtRisk"), sample("emergency-meta.json").form.emergency.personAtRisk);

    // French: the line and the notes in the page's language, the type from the same report.
    await page.click('label[for="locale-fr"]');
    await page.waitForFunction(() => document.documentElement.lang === "fr");
    assert.match(await checkedAs(page).textContent(), /^Vérifiée comme : Communication d’urgence\. \d+ des 63 vérifications s’appliquent à ce type\.$/);
    assert.match(await page.locator("#g-location > .not-checked-note").textContent(), /^Non vérifié pour ce type de demande \(Communication d’urgence\)/);
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("the emergency disclosure to Meta is ready to send, and only a danger to life or limb will do", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await loadSample(page, "emergency-meta.json");
    assert.equal(await page.locator(".checks").getAttribute("data-state"), "ok");
    assert.equal(await page.isVisible("#f-emergency-justification"), true, "the emergency's fields are shown");
    assert.equal(await page.isChecked('input[name="emergency.risk"][value="death"]'), true);
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.getElementById("submit-result").textContent !== "");
    assert.equal(await page.locator("#submit-result").textContent(), "Demo: the request is complete. A real portal would send it now.");
    // "Serious harm" is not what a provider discloses for (EMER007); the page offers the five v2 values.
    assert.deepEqual(await page.$$eval('input[name="emergency.risk"]', (rs) => rs.map((r) => r.value)),
      ["death", "serious_physical_injury", "child_harm", "serious_harm", "other"]);
    await page.check('input[name="emergency.risk"][value="serious_harm"]');
    await waitForCode(page, "EMER007");
    await page.check('input[name="emergency.risk"][value="child_harm"]');
    await waitForCode(page, "EMER007", false);
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("the preservation to TikTok from Fiji: Art. 29's statements, and the date range TikTok asks for", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await loadSample(page, "preservation-tiktok.json");
    assert.equal((await counts(page)).error, 0, `got ${await codesOf(page)}`);
    assert.equal(await page.isChecked('input[name="preservation.marToFollow"]'), true);
    assert.match(await page.inputValue("#f-preservation-necessity"), /deleting its videos/);
    assert.match(await page.locator("#profile-card").textContent(), /held by TikTok Pte\. Limited \(SG\)/, "the entity for a Fiji user");
    await page.uncheck('input[name="preservation.marToFollow"]');
    await waitForCode(page, "PRES015");
    await page.fill("#f-preservation-necessity", "");
    await waitForCode(page, "PRES016");
    await page.fill("#f-data-to", "");
    await waitForCode(page, "DATE001"); // TikTok asks for a date range even on a preservation
    await page.selectOption("#f-provider-profile", "meta");
    await waitForCode(page, "DATE001", false); // Meta does not
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("the formal MAR Fiji → US for a Fiji user's TikTok: LOC006 names TikTok Pte. Limited", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await loadSample(page, "tiktok-wrong-entity.json");
    await waitForCode(page, "LOC006");
    const loc006 = (await findings(page)).find((f) => f.code === "LOC006");
    assert.equal(loc006.severity, "warning");
    assert.equal(loc006.field, "recordsLocation.country");
    assert.match(loc006.text, /TikTok Pte\. Limited \(SG\)/);
    assert.match(await page.locator("#profile-card").textContent(), /held by TikTok Pte\. Limited \(SG\)/);
    assert.equal(await page.inputValue("#f-provider-userCountry"), "FJ");
    // A US account holder's records are TikTok Inc.'s: the warning goes.
    await page.fill("#f-provider-userCountry", "US");
    await waitForCode(page, "LOC006", false);
    assert.match(await page.locator("#profile-card").textContent(), /held by TikTok Inc\. \(US\)/);
    await shot(page, "22-v2-tiktok-us-user");
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("the new fields survive a reload, and an export and import", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await page.check('input[name="requestType"][value="preservation_only"]');
    await page.fill("#f-legalBasis-instrument", "Budapest Convention");
    await page.fill("#f-legalBasis-article", "Art. 29");
    await page.fill("#f-provider-userCountry", "FJ");
    await page.fill("#f-preservation-necessity", "The account is deleting its posts.");
    await page.check('input[name="preservation.marToFollow"]');
    await page.check('input[name="emergency.active"]');
    await page.check('input[name="emergency.risk"][value="serious_physical_injury"]');
    await page.check('input[name="emergency.ongoing"]');
    await page.fill("#f-emergency-personAtRisk", "A missing 9-year-old boy");
    await page.selectOption("#f-notification-basis", "statute");
    const expected = {
      requestType: "preservation_only",
      legalBasis: { instrument: "Budapest Convention", article: "Art. 29" },
      provider: { userCountry: "FJ" },
      preservation: { necessity: "The account is deleting its posts.", marToFollow: true },
      emergency: { active: true, risk: "serious_physical_injury", ongoing: true, personAtRisk: "A missing 9-year-old boy" },
      notification: { basis: "statute" },
    };
    const pick = (m) => ({
      requestType: m.requestType, legalBasis: m.legalBasis, provider: { userCountry: m.provider?.userCountry },
      preservation: { necessity: m.preservation?.necessity, marToFollow: m.preservation?.marToFollow },
      emergency: { active: m.emergency?.active, risk: m.emergency?.risk, ongoing: m.emergency?.ongoing, personAtRisk: m.emergency?.personAtRisk },
      notification: { basis: m.notification?.basis },
    });
    await page.waitForFunction(() => /Draft saved/.test(document.getElementById("saved").textContent));
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("marcheck-demo:draft")).form);
    assert.deepEqual(pick(saved), expected, "the draft holds the new fields");

    await page.reload();
    await ready(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
    const path = `${artifacts}/v2-exported.json`;
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, "utf8"));
    assert.deepEqual(pick(exported), expected, "restored from the draft, then exported");

    await page.click("#clear");
    await page.click("#clear-yes");
    await page.waitForFunction(() => document.getElementById("f-legalBasis-instrument").value === "");
    assert.equal(await page.isChecked('input[name="emergency.ongoing"]'), false);
    await page.setInputFiles("#import-file", path);
    await page.waitForFunction(() => document.getElementById("f-legalBasis-instrument").value === "Budapest Convention");
    assert.equal(await page.inputValue("#f-legalBasis-article"), "Art. 29");
    assert.equal(await page.inputValue("#f-provider-userCountry"), "FJ");
    assert.equal(await page.inputValue("#f-preservation-necessity"), "The account is deleting its posts.");
    assert.equal(await page.isChecked('input[name="preservation.marToFollow"]'), true);
    assert.equal(await page.isChecked('input[name="emergency.risk"][value="serious_physical_injury"]'), true);
    assert.equal(await page.isChecked('input[name="emergency.ongoing"]'), true);
    assert.equal(await page.inputValue("#f-emergency-personAtRisk"), "A missing 9-year-old boy");
    assert.equal(await page.inputValue("#f-notification-basis"), "statute");
    assert.equal(await checkedAs(page).getAttribute("data-type"), "preservation_only");

    // A legal basis written as a string (contract §2) reads as its instrument.
    const stringBasis = `${artifacts}/v2-string-basis.json`;
    const { writeFileSync } = await import("node:fs");
    writeFileSync(stringBasis, JSON.stringify({ requestType: "formal_mar", legalBasis: "Fiji–US MLAT" }));
    await page.setInputFiles("#import-file", stringBasis);
    await page.waitForFunction(() => document.getElementById("f-legalBasis-instrument").value === "Fiji–US MLAT");
    await page.waitForFunction(() => document.getElementById("checked-as").dataset.type === "formal_mar");
    assert.ok(!(await codesOf(page)).includes("CASE004"), "a named legal basis: no CASE004");
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("the new fields are labelled and described in both languages", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await page.check('input[name="emergency.active"]');
    const a11y = () => page.evaluate(() => {
      const out = {};
      for (const name of ["legalBasis.instrument", "legalBasis.article", "provider.userCountry", "preservation.necessity",
        "preservation.marToFollow", "emergency.ongoing", "emergency.personAtRisk", "notification.basis"]) {
        const el = document.querySelector(`[name="${name}"]`);
        const label = el.labels?.[0]?.textContent.trim() ?? "";
        const hint = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim()).filter(Boolean)[0] ?? "";
        out[name] = { label, hint };
      }
      return out;
    });
    const en = await a11y();
    for (const [name, { label, hint }] of Object.entries(en)) {
      assert.ok(label.length > 3, `${name} has a label`);
      assert.ok(hint.length > 10, `${name} has help text by aria-describedby`);
    }
    assert.equal(en["provider.userCountry"].label, "Where the account holder is");
    await page.click('label[for="locale-fr"]');
    await page.waitForFunction(() => document.documentElement.lang === "fr");
    const fr = await a11y();
    for (const name of Object.keys(en)) {
      assert.notEqual(fr[name].label, en[name].label === "Article" ? "" : en[name].label, `${name}: label in French`);
      assert.notEqual(fr[name].hint, en[name].hint, `${name}: help in French`);
    }
    const risks = await page.$$eval('input[name="emergency.risk"]', (rs) => rs.map((r) => r.closest("label").textContent.trim()));
    assert.deepEqual(risks, ["Risque de décès", "Atteinte grave à l’intégrité physique", "Préjudice pour un enfant", "Préjudice grave", "Autre"]);
    const bases = await page.$$eval("#f-notification-basis option", (os) => os.map((o) => o.textContent.trim()));
    assert.deepEqual(bases.slice(1), ["Ordonnance interdisant la notification", "Loi", "Simple demande"]);
    await ctx.close();
  });
});
