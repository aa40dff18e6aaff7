// examples/vue-veevalidate (Vite + Vue 3 + VeeValidate 4, marcheck's Standard Schema wrapped as
// VeeValidate's typed schema, scoped to the fields the page renders), built by `vite build`,
// driven in Chromium: messages appear on their fields as the officer types, a form with errors
// does not submit, a complete one does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useExample, assertCleanPage, texts } from "./helpers.mjs";

const env = useExample("vue-veevalidate");
const error = (field) => `.error[data-field="${field}"]`;

test("Vue + VeeValidate: marcheck's messages on their fields as typed; errors block the submit; a complete form sends", async () => {
  const page = await env.open();
  await page.waitForSelector("#account");
  await page.click("#account");
  await page.keyboard.type("seller.cards@", { delay: 20 }); // ID002: not a well-formed e-mail
  await page.waitForSelector(error("accounts[0].value"));
  assert.equal(await page.textContent(error("accounts[0].value")), "This is not a well-formed email address.");
  assert.equal(await page.inputValue("#account"), "seller.cards@", "no keystroke lost");
  await page.keyboard.type("gmail.com", { delay: 20 });
  await page.waitForSelector(error("accounts[0].value"), { state: "detached" });

  // The authority is empty: AUTH001 on each of its three fields, and nothing is sent.
  await page.click("button[type=submit]");
  await page.waitForSelector(error("authority.officer"));
  assert.deepEqual(await texts(page, ".error"), [
    "The requesting authority is not named.",
    "The officer in charge is not named.",
    "No email address is given for the authority.",
  ]);
  assert.equal(await page.$("#summary"), null, "nothing outside the rendered fields");
  assert.equal(await page.textContent("#result"), "", "blocked");

  await page.fill("#name", "Police nationale, OFAC");
  await page.fill("#officer", "Insp. M. Dupont");
  await page.fill("#email", "m.dupont@interieur.gouv.fr");
  await page.waitForFunction(() => !document.querySelector(".error"));
  await page.click("button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#result").textContent !== "");
  assert.equal(await page.textContent("#result"), "Submitted: seller.cards@gmail.com");
  assertCleanPage(page);
  await page.closeAll();
});
