// examples/tanstack-form (Vite + React + @tanstack/react-form, the marcheck schema as the form's
// synchronous onChange validator after `await ready`), built by vite, driven in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useExample, assertCleanPage } from "./helpers.mjs";

const env = useExample("tanstack-form");

/** Every message on the page ("field: message"), with how often each is shown. */
async function shown(page) {
  const all = await page.$$eval(".error, #summary li", (els) => els.map((e) => `${e.dataset.field}: ${e.textContent.trim()}`));
  const counts = {};
  for (const m of all) counts[m] = (counts[m] || 0) + 1;
  return { all, counts };
}

test("TanStack Form: validates synchronously from the first keystroke, each message once, on its field", async () => {
  const page = await env.open();
  await page.waitForSelector("#facts");
  await page.type("#facts", "Short."); // CASE003: fewer than 100 characters
  await page.waitForSelector('.error[data-field="case.facts"]');
  assert.equal(await page.inputValue("#facts"), "Short.", "no keystroke lost");
  await page.type("#account", "not-an-email"); // ID002 at accounts[0].value
  await page.waitForSelector('.error[data-field="accounts[0].value"]');
  let { all, counts } = await shown(page);
  assert.equal(all.length, 2, JSON.stringify(all));
  for (const [m, n] of Object.entries(counts)) assert.equal(n, 1, `"${m}" is shown ${n} times`);

  // Submitting with the account emptied: ID001 ("no account with a value") has no control of its
  // own and goes to the list under the form, once; the facts message stays on its field.
  await page.fill("#account", "");
  await page.click("button[type=submit]");
  await page.waitForSelector('#summary li[data-field="accounts"]');
  ({ all, counts } = await shown(page));
  for (const [m, n] of Object.entries(counts)) assert.equal(n, 1, `"${m}" is shown ${n} times`);
  assert.equal(await page.$$eval('.error[data-field="case.facts"]', (e) => e.length), 1);
  assert.equal(await page.textContent("#result"), "", "blocked");

  await page.fill("#facts", "Between May and August 2026 the suspect used the account below to sell counterfeit bank cards to forty victims.");
  await page.fill("#account", "seller.cards@gmail.com");
  await page.click("button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#result").textContent.startsWith("Submitted"));
  assert.deepEqual((await shown(page)).all, []);
  assertCleanPage(page); // also: no "async function passed to sync validator"
  await page.closeAll();
});
