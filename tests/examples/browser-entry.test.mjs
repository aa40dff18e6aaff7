// The package's browser entries, served as they are (no bundler): a call before init() throws an
// Error that says so; the app's init(), marcheck/standard and marcheck/attach share one fetch of
// the .wasm; marcheck/standard answers synchronously once `ready` has resolved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "./helpers.mjs";
import { launch } from "../../scripts/chromium.mjs";

const env = {};
before(async () => {
  Object.assign(env, await serve(fileURLToPath(new URL("../../pkg", import.meta.url))));
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await new Promise((ok) => env.server.close(ok));
});

async function open() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && page.wasm.push(r.url()));
  await page.goto(env.url + "/package.json"); // same origin as the modules
  await page.setContent('<form id="f"><input name="authority.officer"></form>');
  page.closeAll = () => context.close();
  return page;
}

test("browser: a call before init() throws an Error that says to call init(); after it, validate works", async () => {
  const page = await open();
  const out = await page.evaluate(async (base) => {
    const m = await import(base + "/marcheck.js");
    let error;
    try {
      m.validate({});
    } catch (e) {
      error = { name: e.constructor.name, message: e.message };
    }
    await m.default();
    await m.default(); // memoised
    return { error, counts: m.validate({}).counts };
  }, env.url);
  assert.equal(out.error?.name, "Error");
  assert.match(out.error.message, /init\(\)/);
  assert.ok(out.counts.error > 0);
  assert.equal(page.wasm.length, 1);
  await page.closeAll();
});

test("browser: marcheck/standard is synchronous after `await ready`, and shares the app's one .wasm fetch", async () => {
  const page = await open();
  const out = await page.evaluate(async (base) => {
    const core = await import(base + "/marcheck.js");
    const std = await import(base + "/standard.js");
    const early = std.createSchema()["~standard"].validate({});
    const earlyIsPromise = early instanceof Promise;
    await core.default();
    await std.ready;
    const late = std.createSchema()["~standard"].validate({});
    return { earlyIsPromise, lateIsPromise: late instanceof Promise, issues: late.issues.length, earlyIssues: (await early).issues.length };
  }, env.url);
  assert.deepEqual(out, { earlyIsPromise: true, lateIsPromise: false, issues: out.earlyIssues, earlyIssues: out.earlyIssues });
  assert.ok(out.issues > 0);
  assert.equal(page.wasm.length, 1, `one fetch: ${page.wasm}`);
  await page.closeAll();
});

test("browser: an app that calls init() and attach() fetches the .wasm once", async () => {
  const page = await open();
  await page.evaluate(async (base) => {
    const core = await import(base + "/marcheck.js");
    const { attach } = await import(base + "/attach.js");
    await core.default();
    await attach(document.getElementById("f"));
  }, env.url);
  assert.equal(page.wasm.length, 1, `one fetch per page: ${page.wasm.join(", ")}`);
  await page.closeAll();
});
