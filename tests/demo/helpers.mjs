// Shared by the demo portal's tests: a server for www/ + pkg/, a browser, a page that is ready,
// and screenshots written to test-results/demo/ (git-ignored).
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const artifacts = `${root}test-results/demo`;
mkdirSync(artifacts, { recursive: true });

/** Serves the demo; DEMO_URL=http://127.0.0.1:8080 uses an already running `make demo` instead. */
export async function serve() {
  if (process.env.DEMO_URL) return { url: process.env.DEMO_URL.replace(/\/$/, ""), close: async () => {} };
  if (!existsSync(`${root}pkg/marcheck_bg.wasm`) || !existsSync(`${root}pkg/attach.js`)) {
    throw new Error("pkg/ is missing: run `make build` first (the demo loads /pkg/marcheck.js and /pkg/attach.js)");
  }
  const { server, url } = await startServer({ port: 0 });
  return { url, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}

/**
 * Opens the portal and waits until the page is wired (html[data-ready]) and the checker has
 * answered once. Collects page errors and requests to other origins, for the caller to assert on.
 */
export async function open(context, url, { path = "/", wait = true } = {}) {
  const page = await context.newPage();
  page.errors = [];
  page.foreign = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  page.on("request", (r) => { if (!r.url().startsWith(url) && !/^(data|blob):/.test(r.url())) page.foreign.push(r.url()); });
  await page.goto(url + path);
  if (wait) await ready(page);
  return page;
}

export async function ready(page) {
  await page.waitForSelector("html[data-ready]");
  await page.waitForFunction(() => document.querySelector(".checks")?.dataset.state, null, { timeout: 10_000 });
}

/** Picks a sample in the what-if bar and waits until its report is on the page. */
export async function loadSample(page, file) {
  await page.selectOption("#sample", file);
  await page.click("#load-sample");
  const title = await page.locator(`#sample option[value="${file}"]`).textContent();
  await page.waitForFunction((t) => document.getElementById("status").textContent.includes(t), title.trim());
}

/** The findings in the binding's summary: [{ code, severity, text, field }]. */
export function findings(page) {
  return page.$$eval("[data-marcheck-summary] li[data-code]", (lis) => lis.map((li) => ({
    code: li.dataset.code,
    severity: ["error", "warning", "info"].find((s) => li.classList.contains(`marcheck-${s}`)),
    text: li.querySelector(".marcheck-text")?.textContent ?? "",
    field: li.querySelector("a[data-field]")?.dataset.field ?? null,
  })));
}

export async function counts(page) {
  const n = async (k) => Number(await page.locator(`#n-${k}`).textContent());
  return { error: await n("error"), warning: await n("warning"), info: await n("info") };
}

/** Waits until the summary lists `code` (or, with present=false, no longer does). */
export function waitForCode(page, code, present = true) {
  return page.waitForFunction(([c, p]) => !!document.querySelector(`[data-marcheck-summary] li[data-code="${c}"]`) === p, [code, present]);
}

export const shot = (page, name, opts = {}) => page.screenshot({ path: `${artifacts}/${name}.png`, ...opts });
