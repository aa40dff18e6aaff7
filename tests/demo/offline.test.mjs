// Offline: after one visit the service worker has the page, the samples and the package, and
// the checks keep working with the network off (and even with the server gone).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchPersistent } from "../../scripts/chromium.mjs";
import { counts, findings, loadSample, open, ready, serve, shot, waitForCode } from "./helpers.mjs";

let srv, context;
before(async () => { srv = await serve(); context = await launchPersistent({ viewport: { width: 1280, height: 900 } }); });
after(async () => { await context?.close(); await srv?.close(); });

test("after one visit, validation works with the network off", async () => {
  const page = await open(context, srv.url);
  // Wait until the service worker controls the page and has cached what it needs.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
  });
  const cached = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => new URL(r.url).pathname));
  for (const path of ["/", "/app.js", "/style.css", "/pkg/marcheck.js", "/pkg/marcheck_bg.wasm", "/pkg/attach.js", "/samples/valid-mar.json"]) {
    assert.ok(cached.includes(path), `${path} is cached (have: ${cached.join(" ")})`);
  }

  await context.setOffline(true);
  await srv.close(); // not even the local server: everything must come from the cache
  await page.reload();
  await ready(page);
  assert.equal(await page.locator(".checks").getAttribute("data-state") !== "off", true, "the checker loaded offline");
  await loadSample(page, "valid-mar.json");
  assert.equal((await counts(page)).error, 0, "a cached sample, checked offline");
  await page.fill("#f-authority-officer", "");
  await page.locator("#f-authority-officer").blur();
  await waitForCode(page, "AUTH001");
  assert.equal(await page.locator("#f-authority-officer").getAttribute("aria-invalid"), "true", "typing is checked offline");

  await loadSample(page, "lapsed-preservation.json");
  assert.ok((await findings(page)).some((f) => f.code === "PRES006"), "a cached sample, checked offline");
  assert.equal(await page.locator("#timeline").getAttribute("data-state"), "lapsed");
  // (v3) The deadlines come from the cached package too.
  await page.waitForSelector("#deadlines li.dl-overdue");
  await shot(page, "20-offline");
  assert.deepEqual(page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
});
