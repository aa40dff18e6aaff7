// Shared by the example tests: serves one example's built dist/ on a free port and opens it in
// Debian's Chromium (scripts/chromium.mjs), one browser per test file, a fresh context per page,
// recording requests, console messages and page errors. `bash scripts/test-examples.sh` builds
// the examples first.
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { launch } from "../../scripts/chromium.mjs";

export const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };

/** A static server for `dir` on a free port: { server, url }. */
export function serve(dir) {
  const server = createServer(async (req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (rel === "/favicon.ico") return res.writeHead(204).end(); // the examples have none
    if (rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(dir, rel));
    try {
      if (!file.startsWith(dir + sep) || !(await stat(file)).isFile()) throw 0;
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

/** Serves examples/<name>/dist for this test file; `env.open()` gives a recorded page at "/". */
export function useExample(name) {
  const env = {};
  const dist = join(EXAMPLES, name, "dist");
  before(async () => {
    assert.ok(existsSync(join(dist, "index.html")), `examples/${name}/dist is missing: run \`bash scripts/test-examples.sh\``);
    Object.assign(env, await serve(dist));
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await new Promise((ok) => (env.server ? env.server.close(ok) : ok()));
  });
  env.open = () => openRecorded(env.browser, env.url + "/");
  return env;
}

/**
 * A page of `browser` at `url` in a fresh context, recording requests, console messages, page
 * errors and Content Security Policy violations (page.log); page.closeAll() closes its context.
 */
export async function openRecorded(browser, url) {
  const context = await browser.newContext();
  // Playwright's init script is not subject to the page's CSP: it records every violation.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
  const page = await context.newPage();
  const log = { requests: [], console: [], errors: [] };
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.setDefaultTimeout(5000);
  page.log = log;
  page.cspViolations = () => page.evaluate(() => window.__cspViolations);
  page.closeAll = () => context.close();
  await page.goto(url);
  return page;
}

/** The page fetched the .wasm once, and nothing failed or was logged as an error. */
export function assertCleanPage(page) {
  const wasm = page.log.requests.filter((u) => u.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one .wasm fetch per page: ${wasm.join(", ")}`);
  assert.deepEqual(page.log.errors, [], "page errors");
  assert.deepEqual(page.log.console.filter((m) => /^(error|warning):/.test(m)), [], "console errors/warnings");
}

/** The texts of the elements matching `selector`. */
export const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()));
