// examples/wizard (three steps, one <form> mounted at a time, attach() with scope "controls" and
// `values` from the earlier steps; the last step checks the whole form), built by webpack,
// driven in Chromium: the binding of contract v2 §8 (scope, values) and the core's §6.1 (rules by
// request type: a complete preservation request states why it is needed and that a MAR follows).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useExample, assertCleanPage } from "./helpers.mjs";

const env = useExample("wizard");
const step = (page) => page.evaluate(() => window.wizard?.step);
const invalid = (page) => page.$$eval('[aria-invalid="true"]', (els) => els.map((e) => e.name));

async function requester(page) {
  await page.fill('[name="authority.name"]', "Fiji Police Force, Cybercrime Unit");
  await page.fill('[name="authority.officer"]', "Insp. Sera Tuilau");
  await page.fill('[name="authority.email"]', "s.tuilau@police.gov.fj");
  await page.fill('[name="authority.phone"]', "+679 334 3777");
}

test("wizard: each step blocks on its own errors only; the last step blocks on errors of any step", async () => {
  const page = await env.open();
  await page.waitForFunction(() => window.wizard?.step === 1);

  // Step 1 with the officer missing: blocked, only the officer marked (nothing of later steps).
  await requester(page);
  await page.fill('[name="authority.officer"]', "");
  await page.click("button[type=submit]:not([formnovalidate])");
  await page.waitForSelector('[aria-invalid="true"]');
  assert.deepEqual(await invalid(page), ["authority.officer"]);
  assert.equal(await step(page), 1, "blocked");

  // Complete: step 1 submits although steps 2 and 3 are empty.
  await page.fill('[name="authority.officer"]', "Insp. Sera Tuilau");
  await page.click("button[type=submit]:not([formnovalidate])");
  await page.waitForFunction(() => window.wizard?.step === 2);

  // Step 2 left empty, passed over with "Skip for now" (formnovalidate: a draft, no checks).
  await page.click("button[formnovalidate]");
  await page.waitForFunction(() => window.wizard?.step === 3);

  // Step 3 complete, but the case (step 2) is empty: Send is blocked and the summary lists it.
  await page.fill('[name="accounts[0].value"]', "seller.cards@gmail.com");
  await page.check('[value="subscriber"]');
  await page.click("button[type=submit]:not([formnovalidate])");
  await page.waitForSelector("[data-marcheck-summary] li, [data-marcheck-summary] a");
  const summary = await page.textContent("[data-marcheck-summary]");
  assert.ok(summary.length > 0);
  assert.equal(await step(page), 3, "blocked on step 2's errors");
  assert.equal(await page.$("#sent"), null);
  const fields = await page.evaluate(() => window.wizard.handle.report.findings.filter((f) => f.severity === "error").map((f) => f.field));
  assert.ok(fields.includes("case.facts"), `step 2's error is in the final check: ${fields}`);
  assert.ok(!fields.some((f) => f.startsWith("authority")), `step 1's answers reach the last step through values: ${fields}`);
  const warned = await page.evaluate(() => window.wizard.handle.report.findings.filter((f) => f.severity === "warning").map((f) => f.code));
  assert.ok(warned.includes("PRES015") && warned.includes("PRES016"), `a preservation request's Art. 29 statements are asked for: ${warned}`);

  // Back to step 2, fill it, and Send goes through.
  await page.click("#back");
  await page.waitForFunction(() => window.wizard?.step === 2);
  await page.fill('[name="case.offences[0].name"]', "Fraud");
  await page.fill('[name="case.facts"]', "Between May and August 2026 the suspect used the account below to sell counterfeit bank cards to forty victims in Fiji.");
  await page.fill('[name="preservation.necessity"]', "The seller could delete the account and its messages once he learns of the complaint.");
  await page.check('[name="preservation.marToFollow"]');
  await page.click("button[type=submit]:not([formnovalidate])");
  await page.waitForFunction(() => window.wizard?.step === 3);
  assert.equal(await page.inputValue('[name="accounts[0].value"]'), "seller.cards@gmail.com", "step 3 kept its answers");
  await page.click("button[type=submit]:not([formnovalidate])");
  await page.waitForSelector("#sent");
  // A complete preservation request (contract v2): no error and no warning.
  assert.equal(await page.textContent("#sent"), "Sent: 0 errors, 0 warnings.");
  assertCleanPage(page);
  await page.closeAll();
});
