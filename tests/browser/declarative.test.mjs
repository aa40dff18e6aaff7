// <form data-marcheck> attaches itself when marcheck/attach loads: summary links, live region.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./helpers.mjs";

const env = useBrowser();
const open = () => env.open("/test/declarative.html", { waitFor: () => document.querySelector("#summary li") });

test("auto-attaches; summary links focus their control, by mouse and by keyboard", async () => {
  const page = await open();
  const items = await page.$$eval("#summary li", (lis) =>
    lis.map((li) => ({ code: li.dataset.code, link: !!li.querySelector("a"), text: li.textContent })),
  );
  assert.ok(items.some((i) => i.code === "CASE001" && i.link), JSON.stringify(items));
  assert.ok(items.some((i) => i.code === "PRES001"), "formal MAR without a reference (data-marcheck-field)");

  await page.click('#summary li[data-code="PRES001"] a');
  assert.equal(await page.evaluate(() => document.activeElement.id), "ref");
  assert.ok(!page.url().includes("#"), "the link did not navigate");

  // keyboard: Tab to the first link from the summary, Enter focuses its control
  await page.focus("#summary .marcheck-summary");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "A");
  const field = await page.evaluate(() => document.activeElement.dataset.field);
  await page.keyboard.press("Enter");
  const landed = await page.evaluate(
    (f) => document.activeElement === document.querySelector(`[name="${f}"], [data-marcheck-field="${f}"]`),
    field,
  );
  assert.ok(landed, `Enter on the link for ${field} focused its control`);

  // data-marcheck-field maps the control; marked after it is left
  await page.fill("#ref", "n/a");
  await page.press("#ref", "Tab");
  assert.equal(await page.getAttribute("#ref", "aria-invalid"), "true");
  env.assertSameOrigin(page);
  await page.closeAll();
});

test("a finding about an empty list leads to its anchor, else to its group's first control", async () => {
  const page = await open();
  // ID001 is about "accounts", which has no rows: the page's "add" button is its anchor.
  await page.click('#summary li[data-code="ID001"] a');
  assert.equal(await page.evaluate(() => document.activeElement.id), "add-account");
  // CASE002 is about "case.offences": no rows, no anchor; the link leads to the case group.
  await page.click('#summary li[data-code="CASE002"] a');
  assert.equal(await page.evaluate(() => document.activeElement.id), "facts");
  // Nothing is marked because of them: an anchor is only where the link goes.
  assert.equal(await page.getAttribute("#add-account", "aria-invalid"), null);
  await page.closeAll();
});

test("the live region announces count changes politely, once the typing pauses", async () => {
  const page = await open();
  const live = await page.$eval("#summary [aria-live]", (e) => ({ polite: e.getAttribute("aria-live"), text: e.textContent }));
  assert.equal(live.polite, "polite");
  assert.equal(live.text, "", "the initial state is not announced");
  await page.type("#rc", "FR", { delay: 20 });
  await page.type("#rd", "US", { delay: 20 });
  assert.equal(await page.$eval("#summary [aria-live]", (e) => e.textContent), "", "not at each keystroke");
  await page.waitForFunction(() => document.querySelector("#summary [aria-live]").textContent !== "", null, { timeout: 3000 });
  const [said, counts] = await page.evaluate(() => [
    document.querySelector("#summary [aria-live]").textContent,
    document.querySelector("#summary .marcheck-counts").textContent,
  ]);
  assert.equal(said, counts);
  assert.match(said, /\d+ (errors?|warnings?|notes?)/);
  await page.closeAll();
});

test("a blocked submit focuses the summary; a form added later attaches too", async () => {
  const page = await open();
  await page.click("#send");
  assert.match(page.url(), /declarative\.html$/);
  assert.equal(await page.evaluate(() => document.activeElement.className), "marcheck-summary");
  assert.equal(await page.getAttribute("#rd", "aria-invalid"), "true");

  await page.evaluate(() => {
    const f = document.createElement("form");
    f.id = "later";
    f.setAttribute("data-marcheck", "");
    f.setAttribute("data-marcheck-options", '{"asOf":"2026-11-20"}');
    const input = document.createElement("input");
    input.name = "preservation.reference";
    const summary = document.createElement("div");
    summary.setAttribute("data-marcheck-summary", "");
    f.append(input, summary);
    document.body.append(f);
  });
  await page.waitForFunction(() => document.querySelector("#later [data-marcheck-summary] li"));
  assert.ok(await page.$('#later li[data-code="CASE001"]'));
  await page.closeAll();
});
