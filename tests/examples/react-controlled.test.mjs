// examples/react-controlled (Vite + React, controlled inputs, attach() with onReport setting
// React state), built by vite, driven in Chromium. Waits for the binding of contract v2 §8
// (onReport after the event, aria-describedby merged by token, scope "controls", values).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useExample, assertCleanPage } from "./helpers.mjs";

const env = useExample("react-controlled");
const OFFICER = "#authority\\.officer";

test("React-controlled form: typing \"abc\" keeps \"abc\" while onReport sets state; React's hint id stays", async () => {
  const page = await env.open();
  await page.waitForFunction(() => document.querySelector("#status").textContent !== "loading");
  const before = await page.textContent("#status");
  await page.click(OFFICER);
  await page.keyboard.type("abc", { delay: 30 });
  assert.equal(await page.inputValue(OFFICER), "abc", "every keystroke kept");
  await page.waitForFunction((b) => document.querySelector("#status").textContent !== b, before);
  assert.equal(await page.inputValue(OFFICER), "abc");
  const described = (await page.getAttribute(OFFICER, "aria-describedby")).split(/\s+/);
  assert.ok(described.includes("authority.officer-hint"), `React's own token kept: ${described}`);

  // Submit with the authority's name and e-mail empty: blocked, those two marked, the officer not.
  await page.click("button[type=submit]");
  await page.waitForSelector('[name="authority.name"][aria-invalid="true"]');
  assert.equal(await page.getAttribute('[name="authority.email"]', "aria-invalid"), "true");
  assert.notEqual(await page.getAttribute(OFFICER, "aria-invalid"), "true");
  assert.equal(await page.$("#result"), null, "blocked");
  const hint = (await page.getAttribute('[name="authority.name"]', "aria-describedby")).split(/\s+/);
  assert.ok(hint.includes("authority.name-hint") && hint.length === 2, `the hint and the binding's message: ${hint}`);

  await page.fill('[name="authority.name"]', "Police nationale, OFAC");
  await page.fill('[name="authority.email"]', "m.dupont@interieur.gouv.fr");
  await page.click("button[type=submit]");
  await page.waitForSelector("#result");
  assert.equal(await page.textContent("#result"), "Submitted: abc");
  // Once fixed, the binding leaves React's token alone and removes only its own.
  assert.deepEqual((await page.getAttribute('[name="authority.name"]', "aria-describedby")).split(/\s+/), ["authority.name-hint"]);
  assertCleanPage(page);
  await page.closeAll();
});
