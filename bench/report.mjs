// Gathers the benchmark parts (node.json, browser.json, size.json, throughput.json in DIR) into
// bench/results.json and bench/results.md (a smoke run: bench/results/smoke.*.tmp), and prints
// the tables.
//   node bench/report.mjs DIR [--smoke]
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";

const dir = process.argv[2];
const smoke = process.argv.includes("--smoke");
const part = (name) => (existsSync(`${dir}/${name}.json`) ? JSON.parse(readFileSync(`${dir}/${name}.json`, "utf8")) : null);
const node = part("node"), browser = part("browser"), size = part("size"), throughput = part("throughput");
if (size) {
  const b = readFileSync(new URL("baseline.mjs", import.meta.url));
  size.baseline = { file: "bench/baseline.mjs (unminified)", raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
}

const results = {
  date: new Date().toISOString(),
  smoke,
  machine: {
    cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length,
    // The machine is shared: a busy neighbour shows here, and in noisier numbers.
    loadAverage: { start: Number(process.env.BENCH_LOAD_START) || null, end: Math.round(loadavg()[0] * 100) / 100 },
  },
  node, browser, size, throughput,
};
// A smoke run must not overwrite the committed results (nor leave the tree dirty): it writes
// git-ignored copies under bench/results/.
const target = smoke ? { json: "results/smoke.json.tmp", md: "results/smoke.md.tmp" } : { json: "results.json", md: "results.md" };
mkdirSync(new URL("results/", import.meta.url), { recursive: true });
writeFileSync(new URL(target.json, import.meta.url), JSON.stringify(results, null, 2) + "\n");

const f1 = (x) => (x == null || Number.isNaN(x) ? "–" : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US"));
const kb = (b) => (b / 1024).toFixed(1) + " KB";
const int = (x) => Math.round(x).toLocaleString("en-US");
const md = [];
md.push(`Measured by \`make bench\`${smoke ? " (**smoke run: few iterations, not for quoting**)" : ""} on ${results.date.slice(0, 10)}: ${results.machine.cpu}, ${results.machine.cores} cores` +
  ` (load average ${results.machine.loadAverage.start ?? "?"} at start, ${results.machine.loadAverage.end} at end);` +
  ` Node ${node?.node ?? "?"}, Chromium ${browser?.browser ?? "?"}; marcheck ${node?.marcheckVersion ?? browser?.marcheckVersion ?? "?"}; options \`{ asOf: "2026-11-20" }\`.` +
  ` The baseline is \`bench/baseline.mjs\`, the same contract written by hand in plain JavaScript.`);
md.push("");

if (node || browser) {
  md.push("**`validate(form, options)` per call, µs** (same process, alternating blocks of calls after a warm-up; lower is better)");
  md.push("");
  md.push("| runtime | form | marcheck median | marcheck p99 | baseline median | baseline p99 | marcheck ÷ baseline |");
  md.push("|---|---|---:|---:|---:|---:|---:|");
  for (const [env, r] of [["Node", node], ["Chromium", browser]]) {
    if (!r) continue;
    for (const [form, x] of Object.entries(r.forms)) {
      const coarse = r.env === "chromium" && x.ratioFrom === "block means";
      const med = (s) => (coarse ? s.blockMedianUs : s.medianUs);
      md.push(`| ${env} | ${form} | ${f1(med(x.marcheck))} | ${f1(x.marcheck.p99Us)} | ${f1(med(x.baseline))} | ${f1(x.baseline.p99Us)} | ${x.ratio.toFixed(2)}× |`);
    }
  }
  md.push("");
  const notes = [];
  if (browser) notes.push(`Chromium's clock resolves ${f1(browser.clockResolutionUs)} µs (cross-origin isolated: ${browser.crossOriginIsolated}); its medians are ${Object.values(browser.forms)[0]?.ratioFrom === "block means" ? "block means (block time ÷ calls)" : "per-call"}, its p99s per-call and quantised to that step.`);
  if (node) {
    const same = Object.entries(node.forms).map(([form, x]) => `${form}: marcheck ${x.findings.marcheck.codes.length}, baseline ${x.findings.baseline.codes.length}`);
    notes.push(`Findings per form (equivalent work): ${same.join("; ")}.`);
  }
  if (notes.length) { md.push(notes.join(" ")); md.push(""); }
}

if (node?.probes) {
  const p = node.probes;
  md.push("**Where marcheck's time goes (Node, median µs per call)**");
  md.push("");
  md.push("| probe | µs |");
  md.push("|---|---:|");
  md.push(`| \`version()\`: one call into wasm and back | ${f1(p.version.medianUs)} |`);
  md.push(`| \`validate({}, options)\`: empty form (many findings) | ${f1(p.emptyForm.medianUs)} |`);
  md.push(`| baseline \`validate({}, options)\` | ${f1(p.emptyFormBaseline.medianUs)} |`);
  md.push(`| \`JSON.stringify\` of typical-valid / ten-findings | ${f1(p.stringifyValid.medianUs)} / ${f1(p.stringifyTen.medianUs)} |`);
  md.push(`| \`JSON.parse\` of the ten-findings report (${int(p.reportJsonChars)} chars) | ${f1(p.parseTenReport.medianUs)} |`);
  md.push("");
}

if (browser?.coldStart?.marcheck) {
  const c = browser.coldStart;
  md.push(`**Cold start in Chromium, ms** (fresh context each run: nothing cached; localhost; median of ${c.marcheck.runs})`);
  md.push("");
  md.push("| | first report | import module | fetch + compile + instantiate | first \`validate\` | second \`validate\` |");
  md.push("|---|---:|---:|---:|---:|---:|");
  md.push(`| marcheck | ${f1(c.marcheck.medianMs)} | ${f1(c.marcheck.importMedianMs)} | ${f1(c.marcheck.initMedianMs)} | ${f1(c.marcheck.firstCallMedianMs)} | ${f1(c.marcheck.secondCallMedianMs)} |`);
  md.push(`| baseline | ${f1(c.baseline.medianMs)} | ${f1(c.baseline.importMedianMs)} | – | ${f1(c.baseline.firstCallMedianMs)} | ${f1(c.baseline.secondCallMedianMs)} |`);
  md.push("");
}

if (size) {
  md.push("**Package size** (`pkg/`; gzip level 9)");
  md.push("");
  md.push("| file | raw | gzip |");
  md.push("|---|---:|---:|");
  for (const r of size.rows) md.push(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  md.push(`| **total** (what a browser downloads) | ${kb(size.total.raw)} | ${kb(size.total.gzip)} |`);
  for (const r of size.node ?? []) md.push(`| *${r.file} (Node only)* | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  if (size.baseline) md.push(`| *bench/baseline.mjs, unminified (for comparison)* | ${kb(size.baseline.raw)} | ${kb(size.baseline.gzip)} |`);
  md.push("");
}

if (throughput) {
  md.push(`**Batch throughput, ${int(throughput.forms)} forms** (${f1(throughput.batchMb)} MB of NDJSON, half valid, half with ten findings; one process per run, wall time including start-up)`);
  md.push("");
  md.push("| run | forms/s | wall s | peak RSS |");
  md.push("|---|---:|---:|---:|");
  for (const r of throughput.runs) {
    md.push(`| ${r.label}${r.crashed ? " **(crashed)**" : ""} | ${int(r.formsPerSec)}${r.inProcessFormsPerSec ? ` (${int(r.inProcessFormsPerSec)} in-process)` : ""} | ${f1(r.wallS)} | ${f1(r.peakRssMb)} MB |`);
  }
  if (throughput.cliMissing) md.push(`| cli: \`${throughput.cliMissing}\` not built | | | |`);
  md.push("");
}

const text = md.join("\n");
writeFileSync(new URL(target.md, import.meta.url), text + "\n");
console.log(text);
const crashed = throughput?.runs.filter((r) => r.crashed) ?? [];
for (const r of crashed) console.error(`bench: ${r.label} crashed (exit ${r.exitStatus}):\n${r.stderr}`);
process.exit(crashed.length ? 1 : 0);
