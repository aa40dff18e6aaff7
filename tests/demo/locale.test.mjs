// The demo on a phone and in French (issue 16 item 6): the timeline's labels fit and do not
// overlap at 375 px; dates are shown in the page's language, not the browser's: a French page in
// an English (US) browser shows 4 December 2026 as 04/12/2026 or "4 déc. 2026", never 12/04/2026,
// and reads what the officer types that way.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch } from "../../scripts/chromium.mjs";
import { artifacts, loadSample, open, serve } from "./helpers.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const phone = () => browser.newContext({ viewport: { width: 375, height: 812 }, locale: "en-US", deviceScaleFactor: 2 });
const french = async (page) => {
  await page.click('label[for="locale-fr"]');
  await page.waitForFunction(() => document.documentElement.lang === "fr");
};
const asOf = async (page, shown) => {
  await page.fill("#as-of", shown);
  await page.dispatchEvent("#as-of", "change");
};

/** The timeline's labels: their boxes in the SVG's own units, and their font size on screen. */
const labels = (page) =>
  page.$eval("#timeline svg", (svg) => {
    const [, , w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
    const boxes = [...svg.querySelectorAll("text")].map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, cls: t.getAttribute("class"), x: b.x, y: b.y, w: b.width, h: b.height, px: parseFloat(getComputedStyle(t).fontSize) };
    });
    const tag = svg.querySelector(".tl-today-tag")?.getBBox();
    return { w, h, scale: svg.getBoundingClientRect().width / w, boxes, tag: tag && { x: tag.x, w: tag.width } };
  });

for (const locale of ["en", "fr"]) {
  test(`375 px wide (${locale}): every timeline label fits the figure, none overlaps another, labels 12 px and months 11 px on screen`, async () => {
    const ctx = await phone();
    const page = await open(ctx, srv.url);
    if (locale === "fr") await french(page);
    for (const sample of ["late-extension.json", "lapsed-preservation.json", "valid-mar.json"]) {
      await loadSample(page, sample);
      await page.waitForFunction(() => document.querySelector("#timeline svg text"));
      const { w, h, scale, boxes, tag } = await labels(page);
      assert.ok(boxes.length >= 3, `${sample}: labels drawn (${boxes.length})`);
      for (const b of boxes) {
        assert.ok(b.x >= 0 && b.x + b.w <= w + 0.5 && b.y >= 0 && b.y + b.h <= h + 0.5, `${sample}: "${b.text}" is cut at the edge: ${JSON.stringify(b)} in ${w}×${h}`);
        // On a phone: labels 12 px on screen, month names 11 px.
        const least = /tl-month/.test(b.cls) ? 11 : 12;
        assert.ok(b.px * scale >= least - 0.01, `${sample}: "${b.text}" is ${(b.px * scale).toFixed(1)} px on screen (at least ${least})`);
      }
      // Today's tag holds its whole label, with room on both sides.
      const today = boxes.find((b) => /tl-today-text/.test(b.cls));
      if (today && tag) assert.ok(tag.x + 2 <= today.x && today.x + today.w <= tag.x + tag.w - 2, `${sample}: "${today.text}" runs out of its tag: ${JSON.stringify({ tag, today })}`);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          assert.ok(!overlap, `${sample}: "${a.text}" overlaps "${b.text}"`);
        }
      const fig = page.locator("#timeline");
      await fig.scrollIntoViewIfNeeded();
      await fig.screenshot({ path: `${artifacts}/timeline-375-${locale}-${sample.replace(".json", "")}.png` });
    }
    assert.deepEqual(page.errors, []);
    await ctx.close();
  });
}

test("a French page in an English (US) browser shows 4 December 2026 as 04/12/2026, never 12/04/2026", async () => {
  const ctx = await phone();
  const page = await open(ctx, srv.url);
  await french(page);
  await loadSample(page, "late-extension.json");
  await asOf(page, "04/12/2026");
  // The what-if date and every date control read day first.
  assert.equal(await page.inputValue("#as-of"), "04/12/2026");
  const dates = await page.$$eval('#mar input[data-date="date"], #as-of', (els) => els.map((e) => [e.name || e.id, e.type, e.value, e.placeholder]));
  assert.ok(dates.length >= 5, JSON.stringify(dates));
  for (const [name, type, value, placeholder] of dates) {
    assert.equal(type, "text", `${name}: a text control, not the browser's own date format`);
    assert.equal(placeholder, "jj/mm/aaaa");
    assert.match(value, /^$|^\d{2}\/\d{2}\/\d{4}$/, `${name}: ${value}`);
  }
  assert.equal(await page.$$eval('#mar input[type="date"], #mar input[type="datetime-local"]', (els) => els.length), 0, "no native date control left on the French page");
  // A date and time too: the emergency's time frame, day first, with the time.
  assert.equal(await page.getAttribute('[name="emergency.harmExpectedBy"]', "placeholder"), "jj/mm/aaaa hh:mm");
  // The sample's preservation was confirmed on 2026-06-03: shown 03/06/2026, not 06/03/2026.
  assert.equal(await page.inputValue('[name="preservation.confirmedOn"]'), "03/06/2026");
  assert.equal(await page.inputValue('[name="preservation.requestedOn"]'), "02/06/2026");
  // The timeline and its words say "4 déc." for today.
  await page.waitForFunction(() => /4 déc\./.test(document.getElementById("timeline").textContent));
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /12\/04\/2026/);

  // What the officer types day first is read day first by the checker: 02/09/2026 is 2 September.
  await page.fill('[name="preservation.confirmedOn"]', "02/09/2026");
  await page.waitForFunction(() => /2 sept\. 2026/.test(document.getElementById("timeline-desc").textContent));
  // A date that cannot be read day first is a finding at its field, not a silent month/day swap.
  await page.fill('[name="preservation.confirmedOn"]', "31/02/2026");
  await page.press('[name="preservation.confirmedOn"]', "Tab");
  await page.waitForFunction(() => [...document.querySelectorAll("[data-marcheck-summary] li[data-code='FORM001'] a")].some((a) => a.dataset.field === "preservation.confirmedOn"));

  // Back to English: native date controls again, the dates kept (ISO inside).
  await page.fill('[name="preservation.confirmedOn"]', "02/09/2026");
  await page.click('label[for="locale-en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.getAttribute('[name="preservation.confirmedOn"]', "type"), "date");
  assert.equal(await page.inputValue('[name="preservation.confirmedOn"]'), "2026-09-02");
  assert.equal(await page.inputValue("#as-of"), "2026-12-04");
  assert.deepEqual(page.errors, []);
  await ctx.close();
});
