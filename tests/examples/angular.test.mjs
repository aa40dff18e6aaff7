// examples/angular (Angular signal forms, marcheck's Standard Schema through
// validateStandardSchema, scoped to the rendered fields), built by its own builder (`ng build`,
// @angular/build:application), driven in Chromium. The builder does not emit the .wasm the
// package loads by `new URL(..., import.meta.url)`: angular.json copies it (README, Angular).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { useExample, assertCleanPage, texts, EXAMPLES } from "./helpers.mjs";

const env = useExample("angular");
const error = (field) => `.error[data-field="${field}"]`;

test("ng build emits marcheck_bg.wasm next to the bundle (the assets entry of angular.json)", () => {
  assert.ok(existsSync(join(EXAMPLES, "angular/dist/marcheck_bg.wasm")));
});

test("Angular signal forms: marcheck's messages on their fields; errors block the submit; a complete form sends", async () => {
  const page = await env.open();
  await page.waitForSelector("#account");
  await page.click("#account");
  await page.keyboard.type("seller.cards@", { delay: 20 }); // ID002
  await page.press("#account", "Tab");
  await page.waitForSelector(error("accounts[0].value"));
  assert.equal(await page.textContent(error("accounts[0].value")), "This is not a well-formed email address.");
  assert.equal(await page.inputValue("#account"), "seller.cards@", "no keystroke lost");
  await page.click("#account");
  await page.keyboard.type("gmail.com", { delay: 20 });
  await page.waitForSelector(error("accounts[0].value"), { state: "detached" });

  await page.click("button[type=submit]"); // the authority is empty
  await page.waitForSelector(error("authority.officer"));
  assert.deepEqual(await texts(page, ".error"), [
    "The requesting authority is not named.",
    "The officer in charge is not named.",
    "No email address is given for the authority.",
  ]);
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

test("the README's Angular line is angular.json's assets entry", async () => {
  const { readFileSync } = await import("node:fs");
  const config = JSON.parse(readFileSync(join(EXAMPLES, "angular/angular.json"), "utf8"));
  const assets = config.projects["marcheck-example"].architect.build.options.assets;
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const line = /`"assets": (\[[^`]+\])`/.exec(readme)?.[1];
  assert.ok(line, "the README gives the assets entry");
  assert.deepEqual(JSON.parse(line), assets);
});
