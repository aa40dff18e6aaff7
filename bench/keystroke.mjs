// Keystroke cost of the drop-in binding in headless Chromium (issue 10 item 6, issue 16 item 1):
// from an `input` event on a text control to `marcheck:report`, and the same plus the style and
// layout the keystroke leaves for the frame (forced right after the report, inside the timed
// window, by reading document.body.offsetHeight), median and p99, for three bindings in the same
// run, alternating blocks:
//   "v0.1.0+js"  v0.1.0's binding (bench/attach-v0.1.0.js, verbatim) driving the hand-written JS
//                baseline (bench/baseline.mjs) in place of the core: the yardstick of issue 16
//   "v0.1.0"     v0.1.0's binding driving today's wasm core
//   "new"        today's binding (pkg/attach.js) on today's core
//   pages: "portal" (the test portal: 34 fields, one account row), "rows200" (200 account rows,
//          each wrapped in a <div class="row">, which keeps layout local) and "rows200flat" (the
//          same 200 rows as direct children of the accounts <fieldset>, one <br> after each row,
//          as many portals write them)
//   cases: "steady" (a field whose findings do not change: the case facts) and "flip" (the
//          officer's email, made invalid by "@" and valid again by Backspace: a finding flips);
//          on the row pages also "steadyRow" and "flipRow" (row 100's identifier, a letter, or "@")
// Also per keystroke, from the Chrome DevTools Protocol's Performance metrics over each block:
// how many layouts and style recalcs ran and how long they took (the forced one included).
// Keystrokes are real (CDP key events through playwright), so the input event's dispatch, the
// framework-safe scheduling and the rendering in between all count. Prints one JSON object and,
// unless --no-write, merges it into bench/results.json under "keystroke".
//   node bench/keystroke.mjs [--smoke] [--profile] [--no-write] [--pages portal,rows200flat] [--cases flip]
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch } from "../scripts/chromium.mjs";
import { startBenchServer } from "./server.mjs";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke") || process.env.BENCH_SMOKE === "1";
const profile = args.includes("--profile");
const plan = smoke ? { warmup: 6, blocks: 2, perBlock: 6 } : { warmup: 20, blocks: 8, perBlock: 30 };
const pick = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1].split(",") : null;
};
const root = new URL("..", import.meta.url);

// pkg/ as built, plus today's binding beside it (it imports ./marcheck.js like the new one).
const dir = mkdtempSync(join(tmpdir(), "marcheck-keystroke-"));
cpSync(new URL("pkg/", root), dir, { recursive: true }); // pkg/ also holds folders (docs/, bench/)
copyFileSync(new URL("bench/attach-v0.1.0.js", root), join(dir, "attach-v0.1.0.js"));
// v0.1.0's binding, unchanged, next to a "./marcheck.js" that is the JS baseline (it fetches
// ./marcheck_bg.wasm too: the shim's init() ignores it).
mkdirSync(join(dir, "v010-js"));
copyFileSync(new URL("bench/attach-v0.1.0.js", root), join(dir, "v010-js", "attach.js"));
writeFileSync(join(dir, "v010-js", "marcheck.js"), 'export { validate } from "/bench/baseline.mjs";\nexport default async function init() {}\n');
const BINDINGS = { "v0.1.0+js": "/pkg/v010-js/attach.js", "v0.1.0": "/pkg/attach-v0.1.0.js", new: "/pkg/attach.js" };
if (profile) {
  // Readable function names in the profile: the new binding bundled without minifying.
  const { buildSync } = await import("esbuild");
  buildSync({ entryPoints: [new URL("js/attach/index.js", root).pathname], bundle: true, format: "esm", target: "es2020",
    external: ["./marcheck.js"], outfile: join(dir, "attach-dev.js"), logLevel: "warning" });
  BINDINGS.new = "/pkg/attach-dev.js";
}

// The portal's markup and mapping (the browser tests' portal page).
const html = readFileSync(new URL("tests/browser/pages/portal.html", root), "utf8");
const markup = html.slice(html.indexOf('<div id="problems">'), html.indexOf("</form>") + 7);
const portalJs = readFileSync(new URL("tests/browser/pages/portal.js", root), "utf8");
const FIELDS = Function(`return ${portalJs.match(/export const FIELDS = (\{[\s\S]*?\});/)[1]}`)();
const VALUES = {
  req_type: "formal_mar", from_cc: "FR", to_cc: "US", auth_name: "Police nationale, OFAC",
  auth_officer: "Insp. Marie Dupont", auth_email: "m.dupont@interieur.gouv.fr", auth_phone: "+33 1 49 27 49 27",
  case_ref: "OFAC-2026-1142",
  case_facts: "Between May and August 2026 the suspect used the account below to sell counterfeit bank cards to at least forty victims in France.",
  case_nexus: "The account was used to negotiate every sale with the victims.",
  off_name_0: "Fraud", off_prov_0: "Code penal art. 313-1", off_years_0: "5", prov_name: "Google LLC", prov_profile: "google",
  acct_kind_0: "email", acct_value_0: "seller.cards@gmail.com", data_cat: ["subscriber", "traffic"],
  data_from: "2026-06-01", data_to: "2026-08-31", pres_status: "preserved", pres_req_on: "2026-09-01",
  pres_conf_on: "2026-09-02", pres_ref_no: "GGL-PRES-88231", pres_days: "90", pres_proof: true, loc_cc: "US",
  loc_confirmed: true, loc_basis: "provider_confirmed", notif_provider: "yes", notif_nd: true,
  notif_reason: "Notice would let the suspect destroy the evidence.", notif_days: "180",
};
const ALL_PAGES = { portal: { rows: 1, wrap: true }, rows200: { rows: 200, wrap: true }, rows200flat: { rows: 200, wrap: false } };
const ALL_CASES = {
  steady: { sel: "#case_facts", key: "a" },
  flip: { sel: "#auth_email", key: "@" },
  steadyRow: { sel: '[name="acct_value_100"]', key: "x", rows: true },
  flipRow: { sel: '[name="acct_value_100"]', key: "@", rows: true },
};
const PAGES = Object.fromEntries(Object.entries(ALL_PAGES).filter(([k]) => !pick("--pages") || pick("--pages").includes(k)));
const CASES = Object.fromEntries(Object.entries(ALL_CASES).filter(([k]) => !pick("--cases") || pick("--cases").includes(k)));

const { server, url } = await startBenchServer({ pkg: dir });
const browser = await launch();
const quantile = (s, q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const out = { env: "chromium", date: new Date().toISOString(), browser: browser.version(), plan, pages: {} };

/** A page with the portal (rows account rows), filled, with `binding` attached. */
async function openPage(binding, { rows, wrap }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/bench/page/blank.html`);
  await page.evaluate(async ({ markup, rows, wrap, values, fields, src }) => {
    document.body.innerHTML = markup;
    const acc = document.getElementById("accounts");
    const first = acc.querySelector(".row");
    for (let i = 1; i < rows; i++) {
      const row = first.cloneNode(true);
      for (const el of row.querySelectorAll("[name]")) el.name = el.name.replace(/_\d+$/, "_" + i);
      acc.append(row);
    }
    if (!wrap) {
      // Unwrapped: every row's controls straight in the fieldset, a <br> after each row.
      const parts = [];
      for (const row of acc.querySelectorAll(".row")) parts.push(...row.children, document.createElement("br"));
      acc.replaceWith(...parts);
    }
    const set = (name, v) => {
      const els = [...document.querySelectorAll(`#mar [name="${name}"]`)];
      for (const el of els) {
        if (el.type == "checkbox") el.checked = Array.isArray(v) ? v.includes(el.value) : !!v;
        else if (el.type == "radio") el.checked = el.value == v;
        else el.value = v;
      }
    };
    for (const [k, v] of Object.entries(values)) set(k, v);
    for (let i = 1; i < rows; i++) {
      set(`acct_kind_${i}`, "email");
      set(`acct_value_${i}`, `holder.${i}@example.org`);
    }
    const { attach } = await import(src);
    window.samples = [];
    let t0 = 0;
    window.addEventListener("input", () => (t0 = performance.now()), true); // first in the path
    document.addEventListener("marcheck:report", () => {
      if (!t0) return;
      const t1 = performance.now();
      void document.body.offsetHeight; // the style and layout this keystroke leaves, forced now
      window.samples.push([t1 - t0, performance.now() - t0]);
      t0 = 0;
    });
    window.h = await attach(document.getElementById("mar"), {
      fields, options: { asOf: "2026-11-20" }, summary: document.getElementById("problems"),
    });
  }, { markup, rows, wrap, values: VALUES, fields: FIELDS, src: BINDINGS[binding] });
  return page;
}

/** Types `n` keystrokes into `sel`: `key`, then Backspace, alternately; returns the samples (ms). */
async function type(page, { sel, key }, n) {
  await page.bringToFront();
  await page.focus(sel);
  await page.evaluate(() => (window.samples = []));
  for (let i = 0; i < n; i++) {
    if (i % 2 == 0) await page.keyboard.type(key);
    else await page.keyboard.press("Backspace");
    await page.waitForFunction((k) => window.samples.length >= k, i + 1, { polling: "raf" });
  }
  return page.evaluate(() => window.samples);
}

const METRICS = ["LayoutCount", "RecalcStyleCount", "LayoutDuration", "RecalcStyleDuration"];
async function metrics(cdp) {
  const { metrics: m } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(m.filter((x) => METRICS.includes(x.name)).map((x) => [x.name, x.value]));
}
const stats = (xs) => {
  const sorted = Float64Array.from(xs).sort();
  return { medianMs: round(quantile(sorted, 0.5)), p99Ms: round(quantile(sorted, 0.99)) };
};

try {
  for (const [pageName, pageSpec] of Object.entries(PAGES)) {
    out.pages[pageName] = { rows: pageSpec.rows, wrapped: pageSpec.wrap };
    const pages = {}, cdps = {};
    for (const b of Object.keys(BINDINGS)) {
      pages[b] = await openPage(b, pageSpec);
      cdps[b] = await pages[b].context().newCDPSession(pages[b]);
      await cdps[b].send("Performance.enable");
    }
    for (const [caseName, c] of Object.entries(CASES)) {
      if (c.rows && pageSpec.rows < 2) continue;
      const findings = {};
      for (const [b, page] of Object.entries(pages)) {
        // The field is touched (typed into and left once), so its marks are live as the officer types.
        await page.focus(c.sel);
        await page.keyboard.type(c.key);
        await page.keyboard.press("Backspace");
        await page.keyboard.press("Tab");
        findings[b] = await page.evaluate(() => window.h.report.findings.length);
        await type(page, c, plan.warmup);
      }
      const samples = Object.fromEntries(Object.keys(BINDINGS).map((b) => [b, []]));
      const work = Object.fromEntries(Object.keys(BINDINGS).map((b) => [b, Object.fromEntries(METRICS.map((k) => [k, 0]))]));
      for (let k = 0; k < plan.blocks; k++) {
        const order = k % 2 == 0 ? Object.keys(BINDINGS) : Object.keys(BINDINGS).reverse();
        for (const b of order) {
          const m0 = await metrics(cdps[b]);
          samples[b].push(...(await type(pages[b], c, plan.perBlock)));
          const m1 = await metrics(cdps[b]);
          for (const key of METRICS) work[b][key] += m1[key] - m0[key];
        }
      }
      const res = {};
      for (const [b, s] of Object.entries(samples)) {
        const n = s.length;
        const w = work[b];
        res[b] = {
          keystrokes: n,
          ...stats(s.map((x) => x[0])),
          withLayout: stats(s.map((x) => x[1])),
          perKeystroke: {
            layouts: round(w.LayoutCount / n, 2), styleRecalcs: round(w.RecalcStyleCount / n, 2),
            layoutMs: round((w.LayoutDuration * 1000) / n), styleMs: round((w.RecalcStyleDuration * 1000) / n),
          },
        };
      }
      // Does the case do what it says? "flip": the count of findings changes with each keystroke.
      const flips = await pages.new.evaluate(async ({ sel, key }) => {
        const el = document.querySelector(sel);
        const n0 = window.h.report.findings.length;
        el.value += key;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((ok) => setTimeout(ok, 10));
        const n1 = window.h.report.findings.length;
        el.value = el.value.slice(0, -1);
        el.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((ok) => setTimeout(ok, 10));
        return n1 != n0;
      }, c);
      res.findingsFlip = flips;
      res.findings = findings;
      const ratio = (who, k) => round(res.new[k] ? res.new[k].medianMs / res[who][k].medianMs : res.new.medianMs / res[who].medianMs);
      res.ratios = {
        vsBaseline: { median: ratio("v0.1.0+js"), withLayout: ratio("v0.1.0+js", "withLayout") },
        vsV010: { median: ratio("v0.1.0"), withLayout: ratio("v0.1.0", "withLayout") },
      };
      res.ratioMedian = res.ratios.vsV010.median; // as before issue 16 (new ÷ v0.1.0 on today's core)
      out.pages[pageName][caseName] = res;
      const line = (b) => `${b} ${res[b].medianMs} ms, ${res[b].withLayout.medianMs} ms with layout (${res[b].perKeystroke.layouts} layouts, ${res[b].perKeystroke.layoutMs} ms + style ${res[b].perKeystroke.styleMs} ms)`;
      process.stderr.write(`keystroke: ${pageName} ${caseName}: ${Object.keys(BINDINGS).map(line).join("; ")}\n` +
        `keystroke: ${pageName} ${caseName}: new ÷ v0.1.0+js ${res.ratios.vsBaseline.median}× (with layout ${res.ratios.vsBaseline.withLayout}×), new ÷ v0.1.0 ${res.ratios.vsV010.median}× (with layout ${res.ratios.vsV010.withLayout}×)\n`);
    }
    if (profile) {
      // Where a keystroke's time goes (Chrome DevTools Protocol Profiler), per binding: the
      // functions with the most self time while typing the flip case.
      out.pages[pageName].profile = {};
      for (const [b, page] of Object.entries(pages)) {
        const cdp = cdps[b];
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
        await cdp.send("Profiler.start");
        await type(page, CASES.flip, 40);
        const { profile: p } = await cdp.send("Profiler.stop");
        const self = new Map();
        const dt = p.timeDeltas;
        const byId = new Map(p.nodes.map((n) => [n.id, n]));
        p.samples.forEach((id, i) => {
          const f = byId.get(id).callFrame;
          const name = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
          self.set(name, (self.get(name) || 0) + (dt[i] || 0));
        });
        const busy = [...self].filter(([n]) => !/^\((idle|program|garbage collector)\)/.test(n));
        const total = busy.reduce((a, [, t]) => a + t, 0);
        out.pages[pageName].profile[b] = busy.sort((a, b) => b[1] - a[1]).slice(0, 25)
          .map(([n, t]) => ({ fn: n, selfMs: round(t / 1000, 1), share: round(t / total, 2) }));
      }
    }
    for (const cdp of Object.values(cdps)) await cdp.detach();
    for (const p of Object.values(pages)) await p.context().close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
// Issue 16's targets: with the layout it causes, ÷ v0.1.0's binding driving the JS baseline.
const target = (page, kind, want) => {
  const r = out.pages[page]?.[kind];
  return r ? { ratio: r.ratios.vsBaseline.withLayout, target: want, met: r.ratios.vsBaseline.withLayout <= want } : undefined;
};
out.targets = {
  portalSteady: target("portal", "steady", 0.6),
  portalFlip: target("portal", "flip", 0.5),
  rows200FlatSteady: target("rows200flat", "steady", 0.25),
  rows200FlatFlip: target("rows200flat", "flip", 0.5),
};
for (const [k, t] of Object.entries(out.targets)) if (!t) delete out.targets[k];
for (const [k, t] of Object.entries(out.targets))
  process.stderr.write(`keystroke: target ${k}: ${t.ratio}× (≤ ${t.target}×) ${t.met ? "met" : "NOT met"}\n`);
console.log(JSON.stringify(out, null, 1));
if (!args.includes("--no-write") && !smoke && !pick("--pages") && !pick("--cases")) {
  const file = new URL("bench/results.json", root);
  const results = JSON.parse(readFileSync(file, "utf8"));
  results.keystroke = out;
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
}
