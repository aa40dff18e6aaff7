// examples/react-hook-form (Vite + React + react-hook-form, standardSchemaResolver with a scoped
// marcheck schema), built by vite, driven in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useExample, assertCleanPage, texts } from "./helpers.mjs";

const env = useExample("react-hook-form");

test("react-hook-form: messages on the right fields, only for the fields on the page; a complete page submits", async () => {
  const page = await env.open();
  await page.click("button[type=submit]");
  await page.waitForSelector(".error");
  // Only the authority is on the page (scope ["authority"]): its three missing fields, nothing else.
  assert.deepEqual(await page.$$eval(".error", (els) => els.map((e) => e.dataset.field)), [
    "authority.name", "authority.officer", "authority.email",
  ]);
  for (const m of await texts(page, ".error")) assert.ok(m.length > 3, m);
  assert.equal(await page.getAttribute("#authority-officer", "aria-invalid"), "true");

  await page.type("#authority-officer", "Insp. Marie Dupont");
  await page.waitForFunction(() => !document.querySelector('.error[data-field="authority.officer"]'));
  assert.equal(await page.inputValue("#authority-officer"), "Insp. Marie Dupont", "no keystroke lost");
  assert.equal(await page.$$eval(".error", (e) => e.length), 2, "the others still show");
  assert.equal(await page.textContent("#result"), "", "not submitted");

  await page.fill("#authority-name", "Police nationale, OFAC");
  await page.fill("#authority-email", "m.dupont@interieur.gouv.fr");
  await page.click("button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#result").textContent.startsWith("Submitted"));
  assert.equal(await page.$$eval(".error", (e) => e.length), 0);
  assertCleanPage(page);
  await page.closeAll();
});
