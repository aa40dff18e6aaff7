// marcheck in headless Chromium (Debian's, through playwright-core): per-call latency against
// the baseline in the same page (alternating blocks), and cold start from localhost in fresh
// contexts (nothing cached: fetch + compile + instantiate + first report). Prints one JSON object.
//   node bench/browser.mjs [--smoke]
import { readFileSync } from "node:fs";
import { launch } from "../scripts/chromium.mjs";
import { startBenchServer } from "./server.mjs";

const smoke = process.argv.includes("--smoke") || process.env.BENCH_SMOKE === "1";
const plan = smoke ? { warmup: 200, blocks: 4, blockSize: 200 } : { warmup: 3000, blocks: 20, blockSize: 1000 };
const coldReps = smoke ? 3 : 15;
const OPTIONS = { asOf: "2026-11-20" };
const FORMS = ["typical-valid", "ten-findings"];
const forms = Object.fromEntries(FORMS.map((n) => [n, JSON.parse(readFileSync(new URL(`forms/${n}.json`, import.meta.url), "utf8"))]));

const { server, url } = await startBenchServer();
const browser = await launch();
const out = { env: "chromium", browser: browser.version(), plan, coldReps, forms: {}, coldStart: {} };
try {
  // --- Latency: one page, both implementations loaded, the same timing code as in Node.
  {
    const page = await browser.newPage();
    await page.goto(`${url}/bench/page/blank.html`);
    const r = await page.evaluate(async ({ forms, options, plan }) => {
      const m = await import("/pkg/marcheck.js");
      await m.default();
      const baseline = await import("/bench/baseline.mjs");
      const { alternate, findingsOf, clockResolutionUs } = await import("/bench/lib/measure.mjs");
      const res = {
        crossOriginIsolated: globalThis.crossOriginIsolated, clockResolutionUs: clockResolutionUs(),
        userAgent: navigator.userAgent, marcheckVersion: m.version(), forms: {},
      };
      for (const [name, form] of Object.entries(forms)) {
        const { result } = alternate({ marcheck: m.validate, baseline: baseline.validate }, form, options, plan);
        res.forms[name] = {
          ...result,
          findings: { marcheck: findingsOf(m.validate(form, options)), baseline: findingsOf(baseline.validate(form, options)) },
        };
      }
      return res;
    }, { forms, options: OPTIONS, plan });
    await page.close();
    Object.assign(out, { crossOriginIsolated: r.crossOriginIsolated, clockResolutionUs: r.clockResolutionUs, marcheckVersion: r.marcheckVersion });
    for (const [name, f] of Object.entries(r.forms)) {
      // With a coarse clock the per-call median is quantised; the block mean is exact, so the
      // ratio uses whichever is finer: per-call when the clock resolves well under a call.
      const fine = r.clockResolutionUs < f.baseline.blockMedianUs / 4;
      const pick = (x) => (fine ? x.medianUs : x.blockMedianUs);
      out.forms[name] = { ...f, ratio: pick(f.marcheck) / pick(f.baseline), ratioFrom: fine ? "per-call medians" : "block means" };
    }
  }

  // --- Cold start: a fresh context (empty cache, no compiled-code cache) for every run,
  // alternating marcheck and the baseline. Timed inside the page from before the import.
  const runs = { marcheck: [], baseline: [] };
  const form = forms["typical-valid"];
  for (let i = 0; i < coldReps; i++) {
    for (const which of i % 2 === 0 ? ["marcheck", "baseline"] : ["baseline", "marcheck"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/bench/page/blank.html`);
      const r = await page.evaluate(async ({ which, form, options }) => {
        const t0 = performance.now();
        if (which === "marcheck") {
          const m = await import("/pkg/marcheck.js");
          const t1 = performance.now();
          await m.default();
          const t2 = performance.now();
          const report = m.validate(form, options);
          const t3 = performance.now();
          const t4 = performance.now();
          m.validate(form, options);
          const t5 = performance.now();
          return { importMs: t1 - t0, initMs: t2 - t1, firstCallMs: t3 - t2, secondCallMs: t5 - t4, totalMs: t3 - t0, findings: report.findings.length };
        }
        const b = await import("/bench/baseline.mjs");
        const t1 = performance.now();
        const report = b.validate(form, options);
        const t3 = performance.now();
        const t4 = performance.now();
        b.validate(form, options);
        const t5 = performance.now();
        return { importMs: t1 - t0, initMs: 0, firstCallMs: t3 - t1, secondCallMs: t5 - t4, totalMs: t3 - t0, findings: report.findings.length };
      }, { which, form, options: OPTIONS });
      runs[which].push(r);
      await context.close();
    }
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
  const round = (x) => Math.round(x * 100) / 100;
  for (const [which, rs] of Object.entries(runs)) {
    out.coldStart[which] = {
      runs: rs.length,
      medianMs: round(median(rs.map((r) => r.totalMs))),
      minMs: round(Math.min(...rs.map((r) => r.totalMs))),
      maxMs: round(Math.max(...rs.map((r) => r.totalMs))),
      importMedianMs: round(median(rs.map((r) => r.importMs))),
      initMedianMs: round(median(rs.map((r) => r.initMs))),
      firstCallMedianMs: round(median(rs.map((r) => r.firstCallMs))),
      secondCallMedianMs: round(median(rs.map((r) => r.secondCallMs))),
    };
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
