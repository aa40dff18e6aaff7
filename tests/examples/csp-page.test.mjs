// examples/csp-page: a plain HTML page with no build step, served with the README's recommended
// `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'`, its one script an external
// module that imports marcheck by URL. Validation really runs (a finding appears as the officer
// types) and the browser reports no CSP violation; the README's old recipe, an inline module
// script, is blocked by the same header.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { EXAMPLES, openRecorded, assertCleanPage, texts } from "./helpers.mjs";
import { launch } from "../../scripts/chromium.mjs";

const env = {};
before(async () => {
  assert.ok(existsSync(`${EXAMPLES}csp-page/node_modules/marcheck/attach.js`), "run `bash scripts/test-examples.sh` (npm ci) first");
  const { handler, CSP } = await import(`${EXAMPLES}csp-page/server.js`);
  env.csp = CSP;
  env.server = createServer(handler);
  await new Promise((ok) => env.server.listen(0, "127.0.0.1", ok));
  env.url = `http://127.0.0.1:${env.server.address().port}/`;
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await new Promise((ok) => (env.server ? env.server.close(ok) : ok()));
});

test("the page, its script and the package are served with the recommended CSP", async () => {
  assert.equal(env.csp, "script-src 'self' 'wasm-unsafe-eval'");
  for (const path of ["", "app.js", "marcheck/attach.js", "marcheck/marcheck.js", "marcheck/marcheck_bg.wasm"]) {
    const r = await fetch(env.url + path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get("content-security-policy"), env.csp, path);
  }
  const html = await (await fetch(env.url)).text();
  assert.doesNotMatch(html.replace(/<script\b[^>]*\bsrc=[^>]*><\/script>/g, ""), /<script/i, "no inline script on the page");
});

test("strict CSP: a webmail address shows AUTH002 as it is typed, an official one clears it, empty fields block the submit; no CSP violation", async () => {
  const page = await openRecorded(env.browser, env.url);
  await page.waitForFunction(() => document.querySelector("#status").textContent !== "loading");
  assert.match(await page.textContent("#status"), /^\d+ errors, \d+ warnings$/, "validation is on");

  await page.click("#email");
  await page.keyboard.type("detective.tui@gmail.com", { delay: 10 });
  await page.press("#email", "Tab");
  const message = () => page.evaluate(() => {
    const id = (document.querySelector("#email").getAttribute("aria-describedby") || "").split(/\s+/).find((t) => t.startsWith("marcheck"));
    return id ? document.getElementById(id)?.textContent : null;
  });
  await page.waitForFunction(() => /marcheck/.test(document.querySelector("#email").getAttribute("aria-describedby") || ""));
  assert.equal(await message(), "gmail.com is a free webmail service: providers do not accept requests from it.", "AUTH002 under the control");
  assert.ok((await texts(page, ".marcheck-summary .marcheck-warning")).some((t) => t.includes("gmail.com is a free webmail service")));

  await page.fill("#email", "m.dupont@interieur.gouv.fr");
  await page.waitForFunction(() => !/marcheck/.test(document.querySelector("#email").getAttribute("aria-describedby") || ""));
  assert.equal(await message(), null, "the warning is gone");

  // The authority's name and officer are empty: errors, which block the submit.
  await page.click("button[type=submit]");
  await page.waitForSelector('#name[aria-invalid="true"]');
  assert.equal(await page.getAttribute("#officer", "aria-invalid"), "true");
  assert.equal(await page.textContent("#result"), "", "blocked");
  await page.fill("#name", "Police nationale, OFAC");
  await page.fill("#officer", "Insp. M. Dupont");
  await page.click("button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#result").textContent === "Submitted");

  assert.deepEqual(await page.cspViolations(), [], "no CSP violation");
  assert.deepEqual(page.log.console.filter((m) => /Content Security Policy|marcheck:/.test(m)), []);
  assertCleanPage(page);
  await page.closeAll();
});

test("control: under the same header the README's old recipe, an inline module script, is blocked", async () => {
  const page = await openRecorded(env.browser, env.url + "no-such-page");
  await page.route("**/inline.html", (r) =>
    r.fulfill({ contentType: "text/html", headers: { "content-security-policy": env.csp },
      body: '<!doctype html><p id="out">not run</p><script type="module">import("/marcheck/attach.js").then(() => { document.getElementById("out").textContent = "ran"; });</script>' }));
  await page.goto(env.url + "inline.html");
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.equal(await page.textContent("#out"), "not run");
  assert.match((await page.cspViolations()).join("\n"), /script-src/);
  await page.closeAll();
});

test("the README's no-build recipe is this page: a module file, the package imported by the URL app.js uses", async () => {
  const { readFileSync } = await import("node:fs");
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("### Drop it into a form (no build step)"), readme.indexOf("### With a bundler, or in Node"));
  const html = /```html\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const js = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  assert.match(html, /Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(html, /<script type="module" src="[^"]+"><\/script>/);
  assert.doesNotMatch(html.replace(/<script type="module" src="[^"]+"><\/script>/, ""), /<script/, "no inline script in the recipe");
  const app = readFileSync(`${EXAMPLES}csp-page/public/app.js`, "utf8");
  const spec = (text) => /import \{ attach \} from "([^"]+)"/.exec(text)?.[1];
  assert.equal(spec(js), "/marcheck/attach.js");
  assert.equal(spec(js), spec(app), "the README imports what the tested page imports");
});
