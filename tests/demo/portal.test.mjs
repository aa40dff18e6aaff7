// The demo portal, used as an officer would: samples, typing, what-if dates, French, rows,
// provider profiles, keyboard only. Screenshots of the main states go to test-results/demo/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { launch } from "../../scripts/chromium.mjs";
import { artifacts, counts, findings, loadSample, open, root, serve, shot, waitForCode } from "./helpers.mjs";

const samples = JSON.parse(readFileSync(`${root}www/samples/index.json`, "utf8"));
const sample = (file) => JSON.parse(readFileSync(`${root}www/samples/${file}`, "utf8"));

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const fresh = (opts = {}) => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", ...opts });
const timelineState = (page) => page.locator("#timeline").getAttribute("data-state");

describe("demo portal", () => {
  test("an empty form lists what is missing; the page asks nothing of any other origin", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    const c = await counts(page);
    assert.ok(c.error > 0, "an empty MAR has errors");
    const list = await findings(page);
    assert.equal(list.filter((f) => f.severity === "error").length, c.error, "the counts agree with the summary");
    assert.equal(await timelineState(page), "empty");
    assert.match(await page.locator("#timeline-desc").textContent(), /No preservation date yet/);
    assert.equal(await page.locator("#f-provider-profile option").count() > 1, true, "profiles come from providers()");
    await shot(page, "01-empty");
    assert.deepEqual(page.foreign, [], "no request leaves the page's own origin");
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("each sample produces the finding it claims", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    for (const { file } of samples) {
      const s = sample(file);
      await loadSample(page, file);
      assert.equal(await page.inputValue("#as-of"), s.asOf, `${file}: its as-of date is applied`);
      const list = await findings(page);
      const codes = list.map((f) => f.code);
      const c = await counts(page);
      assert.equal(c.error, list.filter((f) => f.severity === "error").length, `${file}: counts match the list`);
      if (s.expect.ok) {
        assert.equal(c.error, 0, `${file}: no error, got ${codes}`);
        assert.equal(await page.locator(".checks").getAttribute("data-state"), list.some((f) => f.severity === "warning") ? "warning" : "ok");
      } else {
        for (const code of s.expect.codes) assert.ok(codes.includes(code), `${file}: expected ${code}, got ${codes}`);
        const errors = list.filter((f) => f.severity === "error").map((f) => f.code);
        assert.deepEqual([...new Set(errors)].sort(), [...s.expect.codes].sort(), `${file}: only the errors it claims`);
      }
      for (const w of s.expect.warnings ?? []) assert.ok(codes.includes(w), `${file}: expected warning ${w}, got ${codes}`);
      for (const a of s.expect.absent ?? []) assert.ok(!codes.includes(a), `${file}: no ${a}, got ${codes}`);
      if (s.expect.requestType) assert.equal(await page.locator("#checked-as").getAttribute("data-type"), s.expect.requestType, `${file}: checked as`);
      const lapsed = s.expect.codes.includes("PRES006");
      // v2: an emergency disclosure or a police-to-police request may carry no preservation at all.
      const dated = s.form.preservation?.requestedOn || s.form.preservation?.confirmedOn;
      assert.equal(await timelineState(page), lapsed ? "lapsed" : dated ? "ok" : "empty", `${file}: timeline state`);
      const late = s.expect.codes.includes("PRES008") ? 1 : 0;
      assert.equal(await page.locator("#timeline .tl-ext-late.tl-dot").count(), late, `${file}: late extensions drawn hollow`);
      await shot(page, `02-sample-${file.replace(/\.json$/, "")}`);
    }
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("typing a lapsed date marks the field and turns the timeline red", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await loadSample(page, "valid-mar.json");
    assert.equal(await timelineState(page), "ok");
    await page.fill("#f-preservation-requestedOn", "2026-06-30");
    await page.fill("#f-preservation-confirmedOn", "2026-07-01");
    await page.locator("#f-preservation-confirmedOn").blur();
    await waitForCode(page, "PRES006");
    const field = page.locator("#f-preservation-confirmedOn");
    assert.equal(await field.getAttribute("aria-invalid"), "true", "the lapsed date is marked");
    const described = (await field.getAttribute("aria-describedby")).split(/\s+/);
    const message = await page.locator(`[id="${described.at(-1)}"]`).textContent();
    const pres006 = (await findings(page)).find((f) => f.code === "PRES006");
    assert.ok(message.includes(pres006.text), "the field's own message is the finding");
    assert.equal(pres006.field, "preservation.confirmedOn");
    assert.equal(await timelineState(page), "lapsed");
    assert.match(await page.locator("#timeline-desc").textContent(), /^Preserved from 1 Jul 2026; lapsed on 29 Sep 2026, 13 days before today\./);
    await shot(page, "03-typed-lapsed");
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("the as-of date moves every window: warning, then lapsed", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await loadSample(page, "valid-mar.json");
    await page.fill("#as-of", "2026-11-20");
    await waitForCode(page, "PRES007");
    assert.equal(await timelineState(page), "warning");
    assert.equal(await page.locator("#timeline-desc").textContent(),
      "Preserved from 2 Sep 2026; expires 1 Dec 2026, 11 days after today. Inside the 30-day warning window: ask for an extension now. Request sent on 12 Oct 2026.");
    await shot(page, "04-as-of-warning");
    await page.fill("#as-of", "2026-12-01");
    await waitForCode(page, "PRES006");
    assert.equal(await timelineState(page), "lapsed");
    // An extension asked in time brings it back.
    await page.click('[data-add="preservation.extensions"]');
    await page.fill("#f-preservation-extensions-0-requestedOn", "2026-11-25");
    await waitForCode(page, "PRES006", false);
    assert.equal(await timelineState(page), "ok");
    assert.match(await page.locator("#timeline-desc").textContent(), /1 extension counted/);
    assert.equal(await page.locator("#timeline .tl-ext.tl-dot").count(), 1, "the extension is drawn");
    await ctx.close();
  });

  test("French: the checker's messages and the page's own words", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await loadSample(page, "lapsed-preservation.json");
    const english = (await findings(page)).find((f) => f.code === "PRES006").text;
    // Touch the lapsed date: the field gets its own message.
    await page.fill("#f-preservation-confirmedOn", "2026-09-01");
    await page.locator("#f-preservation-confirmedOn").blur();
    const ownMessage = () => page.evaluate(() => {
      const ids = document.getElementById("f-preservation-confirmedOn").getAttribute("aria-describedby")?.split(/\s+/) ?? [];
      return ids.map((id) => document.getElementById(id)).find((e) => e?.classList.contains("marcheck-message"))?.textContent ?? null;
    });
    await page.waitForFunction(() => document.getElementById("f-preservation-confirmedOn").getAttribute("aria-invalid") === "true");
    assert.equal(await ownMessage(), english);
    await page.click('label[for="locale-fr"]');
    await page.waitForFunction(() => document.documentElement.lang === "fr");
    await page.waitForFunction((en) => {
      const li = document.querySelector('[data-marcheck-summary] li[data-code="PRES006"] .marcheck-text');
      return li && li.textContent !== en;
    }, english);
    const s = sample("lapsed-preservation.json");
    const expected = await page.evaluate(async ([form, asOf]) => {
      const core = await import("/pkg/marcheck.js");
      return core.validate(form, { locale: "fr", asOf }).findings.find((f) => f.code === "PRES006").message;
    }, [s.form, s.asOf]);
    assert.equal((await findings(page)).find((f) => f.code === "PRES006").text, expected, "the core's French message");
    assert.equal(await ownMessage(), expected, "the touched field keeps its mark, now in French");
    assert.equal(await page.locator("#g-preservation > legend").textContent(), "Conservation");
    assert.equal(await page.locator("#l-error").textContent(), "erreur");
    assert.match(await page.locator("#timeline-desc").textContent(), /^Conservées depuis le 1 sept\. 2026 ; expirée le 30 nov\. 2026, 4 jours avant aujourd’hui\./);
    await shot(page, "05-french");
    await page.click('label[for="locale-en"]');
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.waitForFunction((en) => document.querySelector('[data-marcheck-summary] li[data-code="PRES006"] .marcheck-text')?.textContent === en, english);
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });

  test("rows: add and remove accounts; names stay dense and the checker follows", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    const names = () => page.$$eval('[data-list="accounts"] [name$=".value"]', (els) => els.map((e) => e.name));
    await page.fill('[name="accounts[0].value"]', "first@example.org");
    await page.click('[data-add="accounts"]');
    await page.click('[data-add="accounts"]');
    assert.deepEqual(await names(), ["accounts[0].value", "accounts[1].value", "accounts[2].value"]);
    assert.equal(await page.evaluate(() => document.activeElement.name), "accounts[2].kind", "focus goes to the new row");
    await page.selectOption('[name="accounts[1].kind"]', "email");
    await page.fill('[name="accounts[1].value"]', "second@example.org");
    await page.selectOption('[name="accounts[2].kind"]', "email");
    await page.fill('[name="accounts[2].value"]', "not-an-email");
    await page.locator('[name="accounts[2].value"]').blur();
    await page.waitForFunction(() => !!document.querySelector('[data-marcheck-summary] a[data-field="accounts[2].value"]'));
    await page.click('[data-list="accounts"] li:nth-child(2) .btn-remove');
    assert.deepEqual(await names(), ["accounts[0].value", "accounts[1].value"]);
    assert.equal(await page.inputValue('[name="accounts[1].value"]'), "not-an-email");
    assert.equal(await page.locator('[data-list="accounts"] li:nth-child(2) legend').textContent(), "Account 2");
    assert.equal(await page.locator('label[for="f-accounts-1-value"]').count(), 1, "labels follow their control");
    await page.waitForFunction(() => !!document.querySelector('[data-marcheck-summary] a[data-field="accounts[1].value"]'));
    assert.equal((await findings(page)).filter((f) => f.field?.startsWith("accounts[2]")).length, 0);
    await shot(page, "06-rows", { fullPage: false });
    await ctx.close();
  });

  test("provider profiles come from providers() and explain themselves", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    const keys = await page.evaluate(async () => Object.keys((await import("/pkg/marcheck.js")).providers()));
    const options = await page.$$eval("#f-provider-profile option", (os) => os.map((o) => o.value));
    assert.deepEqual(options, ["", ...keys]);
    await page.selectOption("#f-provider-profile", "x");
    assert.match(await page.locator("#profile-card").textContent(), /7 days before expiry/);
    await ctx.close();
  });

  test("keyboard only: reach and fix every error from the summary", async () => {
    const ctx = await fresh();
    const page = await open(ctx, srv.url);
    await loadSample(page, "records-elsewhere.json");
    await page.fill("#f-authority-officer", "");
    await page.fill("#f-case-facts", "Fraud.");
    await page.locator("#f-case-facts").blur();
    await waitForCode(page, "CASE003");
    const fixes = {
      "recordsLocation.country": "US",
      "authority.officer": "Sergeant Marie Kalsakau",
      "case.facts": "Between June and August 2026, 31 people in Port Vila paid a total of VUV 9,600,000 into an investment club advertised in TikTok videos.",
    };
    const seen = [];
    await page.focus("#load-sample");
    for (let round = 0; round < 10; round++) {
      const errors = (await findings(page)).filter((f) => f.severity === "error");
      if (!errors.length) break;
      // Tab to the first error link of the summary, then Enter: the field gets the focus.
      let tabs = 0;
      while (!(await page.evaluate(() => !!document.activeElement.closest?.(".marcheck-error a[data-field]")))) {
        await page.keyboard.press("Tab");
        assert.ok(++tabs < 40, "an error link is reachable with Tab");
      }
      const field = await page.evaluate(() => document.activeElement.dataset.field);
      await page.keyboard.press("Enter");
      const focused = await page.evaluate(() => document.activeElement.name);
      assert.equal(focused, field, "Enter on a summary link focuses its field");
      assert.ok(field in fixes, `an unexpected error at ${field}`);
      seen.push(field);
      await page.keyboard.press("Control+A");
      await page.keyboard.type(fixes[field]);
      // Back to the summary the keyboard way: Enter in a text field submits, and a blocked submit focuses the summary.
      while (await page.evaluate(() => document.activeElement.tagName !== "INPUT" || !/^(text|email|tel|)$/.test(document.activeElement.type))) {
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("Enter");
      await page.waitForTimeout(50);
    }
    assert.deepEqual(seen.sort(), Object.keys(fixes).sort(), "every error was reached from the summary");
    assert.equal((await counts(page)).error, 0);
    assert.equal(await page.locator("#submit-result").textContent(), "Demo: the request is complete. A real portal would send it now.");
    await shot(page, "07-keyboard-fixed");
    await ctx.close();
  });

  test("without the package (blocked, old browser), the form still works and submits unchecked", async () => {
    const ctx = await fresh();
    await ctx.route("**/pkg/**", (route) => route.abort());
    const page = await open(ctx, srv.url);
    assert.equal(await page.locator(".checks").getAttribute("data-state"), "off");
    assert.match(await page.locator("#checks-state").textContent(), /not available/);
    await loadSample(page, "valid-mar.json");
    assert.equal(await page.inputValue("#f-case-reference"), "FPF-CCU-2026-0412", "samples still load");
    await page.click('button[type="submit"]');
    assert.match(await page.locator("#submit-result").textContent(), /unchecked/);
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)), []);
    await ctx.close();
  });

  test("the README's screenshot, and a phone-sized view", async () => {
    const ctx = await fresh({ viewport: { width: 1280, height: 800 } });
    const page = await open(ctx, srv.url);
    await loadSample(page, "valid-mar.json");
    await page.fill("#as-of", "2026-11-20");
    await waitForCode(page, "PRES007");
    await page.evaluate(() => {
      document.activeElement?.blur();
      document.getElementById("g-preservation").scrollIntoView();
      scrollBy(0, -16);
    });
    // The README's picture: test-results/demo/readme.png each run; docs/demo.png (committed) only when
    // asked, UPDATE_DOCS=1, so a test run never leaves the tree dirty.
    const png = await page.screenshot({ path: `${artifacts}/09-readme.png` });
    assert.ok(png.length < 200_000, `the README screenshot stays under 200 KB (${png.length} bytes)`);
    if (process.env.UPDATE_DOCS === "1") writeFileSync(`${root}docs/demo.png`, png);
    await ctx.close();

    const phone = await fresh({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p2 = await open(phone, srv.url);
    await loadSample(p2, "lapsed-preservation.json");
    assert.ok(await p2.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "no sideways scrolling on a phone");
    await shot(p2, "08-phone", { fullPage: false });
    await phone.close();
  });
});
