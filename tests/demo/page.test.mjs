// The page's parts that need no browser: its dictionaries stay in step with the HTML, the
// timeline says the right words, every sample produces the finding it claims with the real core,
// and the service worker caches every asset the page has.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dict } from "../../www/i18n.js";
import { describeTimeline } from "../../www/timeline.js";
import { root } from "./helpers.mjs";

const www = `${root}www/`;
const html = readFileSync(`${www}index.html`, "utf8");
const decode = (s) => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');

test("English and French dictionaries have the same keys, and cover every key of the page", () => {
  assert.deepEqual(Object.keys(dict.fr).sort(), Object.keys(dict.en).sort());
  const keys = [...html.matchAll(/data-i18n(?:-aria-label)?="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(keys.length > 100);
  for (const k of keys) assert.ok(k in dict.en, `${k} is in the dictionary`);
});

test("the page's English text is the dictionary's (the page reads the same before its script runs)", () => {
  for (const m of html.matchAll(/<(\w+)[^>]*\sdata-i18n="([^"]+)"[^>]*>([^<]*)</g)) {
    if (m[3].trim()) assert.equal(decode(m[3]), dict.en[m[2]], `text of ${m[2]}`);
  }
});

test("the timeline in words", () => {
  const facts = {
    preservationStart: "2026-09-01", preservationExpiresOn: "2026-11-30", preservationDaysLeft: 1,
    extensionsCounted: 0, responseDueOn: "2026-09-03", submissionDate: null, asOf: "2026-11-29",
    preservationWarningFrom: "2026-10-31",
  };
  assert.equal(describeTimeline(facts, { status: "preserved" }),
    "Preserved from 1 Sep 2026; expires 30 Nov 2026, 1 day after today. Inside the 30-day warning window: ask for an extension now.");
  assert.equal(describeTimeline({ ...facts, asOf: "2026-11-30", preservationDaysLeft: 0 }, { status: "preserved" }),
    "Preserved from 1 Sep 2026; lapsed today, 30 Nov 2026. The records may be gone: preserve them again.");
  assert.equal(describeTimeline({ ...facts, asOf: "2026-10-01", preservationDaysLeft: 60, extensionsCounted: 1 }, { status: "requested", locale: "fr" }),
    "Conservées depuis le 1 sept. 2026 ; expiration le 30 nov. 2026, 60 jours après aujourd’hui. 1 prolongation prise en compte. " +
    "La période d’alerte de 30 jours commence le 31 oct. 2026. Le fournisseur devrait répondre avec une référence au plus tard le 3 sept. 2026.");
  assert.match(describeTimeline(facts, { status: "not_requested" }), /^Preservation not requested/);
  assert.match(describeTimeline({ asOf: "2026-11-29" }, { status: "requested" }), /^No preservation date yet/);
});

test("samples: listed, titled in both languages, and each produces the finding it claims (real core)", async () => {
  const index = JSON.parse(readFileSync(`${www}samples/index.json`, "utf8"));
  const files = readdirSync(`${www}samples`).filter((f) => f !== "index.json").sort();
  assert.deepEqual(index.map((s) => s.file).sort(), files, "index.json lists every sample");
  assert.ok(existsSync(`${root}pkg/marcheck_bg.wasm`), "pkg/ is missing: run `make build` first");
  const core = await import(`${root}pkg/marcheck.js`);
  core.initSync({ module: readFileSync(`${root}pkg/marcheck_bg.wasm`) });
  for (const { file, title } of index) {
    const s = JSON.parse(readFileSync(`${www}samples/${file}`, "utf8"));
    assert.deepEqual(s.title, title, `${file}: same title as in index.json`);
    assert.ok(s.title.en && s.title.fr && /^\d{4}-\d{2}-\d{2}$/.test(s.asOf), `${file}: titles and a fixed asOf`);
    const r = core.validate(s.form, { asOf: s.asOf });
    const errors = [...new Set(r.findings.filter((f) => f.severity === "error").map((f) => f.code))].sort();
    assert.deepEqual(errors, [...s.expect.codes].sort(), `${file}: errors ${JSON.stringify(r.findings.map((f) => f.code))}`);
    assert.equal(r.ok, s.expect.ok, `${file}: ok`);
    const codes = r.findings.map((f) => f.code);
    for (const w of s.expect.warnings ?? []) assert.ok(codes.includes(w), `${file}: warns ${w}, got ${codes}`);
    for (const a of s.expect.absent ?? []) assert.ok(!codes.includes(a), `${file}: no ${a}, got ${codes}`);
    if (s.expect.requestType) assert.equal(r.facts.requestType, s.expect.requestType, `${file}: checked as ${s.expect.requestType}`);
  }
  for (const type of ["formal_mar", "police_to_police", "preservation_only", "emergency_disclosure"]) {
    assert.ok(index.some(({ file }) => JSON.parse(readFileSync(`${www}samples/${file}`, "utf8")).form.requestType === type),
      `a sample of type ${type}`);
  }
});

test("the service worker caches every file the page is made of", () => {
  const sw = readFileSync(`${www}sw.js`, "utf8");
  const listed = new Set([...sw.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
  for (const f of readdirSync(www).filter((f) => /\.(js|css|svg|webmanifest|html)$/.test(f) && f !== "sw.js")) {
    assert.ok(listed.has(f), `sw.js caches ${f}`);
  }
  for (const p of ["/pkg/marcheck.js", "/pkg/marcheck_bg.wasm", "/pkg/attach.js"]) assert.ok(listed.has(p), `sw.js caches ${p}`);
});
