// Fail open: when the wasm cannot run (a CSP without 'wasm-unsafe-eval', a 404), the form
// works exactly as before and the console says why.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./helpers.mjs";

const env = useBrowser();
const csp = (scriptSrc) => (path) =>
  path.endsWith(".html") ? { "content-security-policy": `default-src 'self'; script-src ${scriptSrc}` } : {};

async function submitsUnvalidated(page) {
  await page.fill("#ref", "n/a"); // an error marcheck would block
  await page.press("#ref", "Tab");
  await Promise.all([page.waitForURL(/done\.html\?/), page.click("#send")]);
  assert.equal(new URL(page.url()).searchParams.get("pres_ref"), "n/a");
}
const warned = (page) => page.log.console.filter((m) => m.startsWith("warning: marcheck:"));

test("CSP without 'wasm-unsafe-eval': no validation, a warning, the form submits as before", async () => {
  env.headers = csp("'self'");
  const page = await env.open("/test/declarative.html");
  await page.waitForFunction(() => true);
  await page.waitForTimeout(300);
  assert.equal(warned(page).length, 1, page.log.console.join("\n"));
  assert.match(warned(page)[0], /validation is off/);
  assert.match(warned(page)[0], /allow 'wasm-unsafe-eval' in script-src/, "the warning says the fix");
  assert.deepEqual(page.log.errors, [], "no uncaught error");
  assert.equal(await page.$$eval("#summary *", (e) => e.length), 0);
  assert.equal(await page.$eval("#decl", (f) => f.noValidate), false);
  await submitsUnvalidated(page);
  await page.closeAll();
});

test("CSP with 'wasm-unsafe-eval' (control): marcheck runs, without any CSP violation", async () => {
  env.headers = csp("'self' 'wasm-unsafe-eval'");
  const page = await env.open("/test/declarative.html", { waitFor: () => document.querySelector("#summary li") });
  await page.click("#send");
  assert.match(page.url(), /declarative\.html$/, "errors block the submit");
  assert.deepEqual(page.log.console.filter((m) => /Content Security Policy|marcheck:/.test(m)), []);
  await page.closeAll();
});

test("the wasm is missing (404): a warning, the form submits as before", async () => {
  env.headers = null;
  const context = await env.browser.newContext();
  await context.route("**/pkg/marcheck_bg.wasm", (r) => r.fulfill({ status: 404, body: "not found" }));
  const page = await context.newPage();
  page.log = { console: [] };
  page.on("console", (m) => page.log.console.push(`${m.type()}: ${m.text()}`));
  await page.goto(env.url + "/test/declarative.html");
  await page.waitForFunction(() => true);
  await page.waitForTimeout(300);
  assert.equal(warned(page).length, 1, page.log.console.join("\n"));
  // A portal calling attach() itself gets an inert handle, not an exception.
  const handle = await page.evaluate(async () => {
    const { attach } = await import("/pkg/attach.js");
    const h = await attach(document.getElementById("decl"));
    return { active: h.active, report: h.report, validated: h.validate() };
  });
  assert.deepEqual(handle, { active: false, report: null, validated: null });
  await submitsUnvalidated(page);
  await context.close();
});
