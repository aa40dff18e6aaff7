// Writes the README's table of measured numbers from bench/results.json (the last full
// `make bench`), between <!-- bench:start --> and <!-- bench:end -->, so the two never disagree.
//   node scripts/readme-numbers.mjs          rewrite README.md
//   node scripts/readme-numbers.mjs --check  exit 1 when README.md is stale (make test runs this)
import { readFileSync, writeFileSync } from "node:fs";

const readmeUrl = new URL("../README.md", import.meta.url);
const r = JSON.parse(readFileSync(new URL("../bench/results.json", import.meta.url), "utf8"));
if (r.smoke) { console.error("readme-numbers: bench/results.json is a smoke run"); process.exit(1); }

const us = (x) => x.toFixed(1) + " µs";
const kb = (b) => (b / 1024).toFixed(1);
// Node: per-call medians; Chromium: block means (its clock resolves 5 µs), as bench/results.md.
const node = (form, who) => r.node.forms[form][who].medianUs;
const chrome = (form, who) => r.browser.forms[form][who].blockMedianUs;
const pair = (form, who) => `${us(node(form, who)).replace(" µs", "")} / ${us(chrome(form, who))}`;
const size = Object.fromEntries(r.size.rows.map((row) => [row.file, row.gzip]));
const cli = r.throughput.runs.find((run) => run.label.startsWith("cli, release profile (NDJSON"));
const cold = r.browser.coldStart;
const ratios = ["typical-valid", "ten-findings"].flatMap((f) => [node(f, "marcheck") / node(f, "baseline"), chrome(f, "marcheck") / chrome(f, "baseline")]);

const table = `<!-- bench:start (written by scripts/readme-numbers.mjs from bench/results.json; do not edit) -->
Last full run: ${r.date.slice(0, 10)}, ${r.machine.cpu}, ${r.machine.cores} cores; Node ${r.node.node.replace(/^v/, "")}, Chromium ${r.browser.browser}.

| what | marcheck | hand-written JS baseline |
|---|---:|---:|
| \`validate\` per call, typical valid MAR, median (Node / Chromium) | ${pair("typical-valid", "marcheck")} | ${pair("typical-valid", "baseline")} |
| \`validate\` per call, MAR with ten findings, median (Node / Chromium) | ${pair("ten-findings", "marcheck")} | ${pair("ten-findings", "baseline")} |
| marcheck ÷ baseline | ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}× | 1× |
| a keystroke through a session: \`session.set\` of one field, median, Node (typical / ten findings) | ${r.node.forms["typical-valid"].sessionSet ? us(node("typical-valid", "sessionSet")).replace(" µs", "") + " / " + us(node("ten-findings", "sessionSet")) : "—"} | (its \`validate\`, above) |
| cold start in Chromium to the first report (fetch, compile, instantiate, first call) | ${cold.marcheck.medianMs.toFixed(0)} ms | ${cold.baseline.medianMs.toFixed(0)} ms |
| package, gzipped: \`.wasm\` + \`marcheck.js\` + \`attach.js\` + \`standard.js\` | ${kb(r.size.total.gzip)} KB (${kb(size["marcheck_bg.wasm"])} + ${kb(size["marcheck.js"])} + ${kb(size["attach.js"])} + ${kb(size["standard.js"])}) | ${kb(r.size.baseline.gzip)} KB (unminified) |
| command line, ${r.throughput.forms.toLocaleString("en-US")} forms (NDJSON) | ${cli.formsPerSec.toLocaleString("en-US")} forms/s, ${cli.peakRssMb.toFixed(1)} MB peak | — |
${keystrokes()}<!-- bench:end -->`;

/**
 * The binding's keystroke cost (bench/keystroke.mjs), when the run measured it: from the input
 * event to marcheck:report, and the same plus the style and layout the keystroke leaves (forced
 * right after the report), against v0.1.0's binding driving the JS baseline (issue 16's
 * yardstick) and driving today's wasm. An older results file (one ratio, no layout) is written
 * the way it was.
 */
function keystrokes() {
  const k = r.keystroke;
  if (!k) return "";
  if (!k.pages.portal.steady.ratios) return keystrokesV1(k);
  const ms = (x) => x.medianMs.toFixed(2);
  const cell = (res) => `${ms(res)} / ${ms(res.withLayout)}`;
  const targets = { "portal steady": 0.6, "portal flip": 0.5, "rows200flat steady": 0.25, "rows200flat flip": 0.5 };
  const PAGE = { portal: "demo-like portal", rows200: "200 account rows, each in a `<div>`", rows200flat: "200 account rows straight in their `<fieldset>`" };
  const KIND = { steady: "findings unchanged", flip: "a finding flips (the e-mail)", steadyRow: "typing in row 100, findings unchanged", flipRow: "a finding flips in row 100" };
  let rows = "";
  for (const [page, p] of Object.entries(k.pages))
    for (const [kind, res] of Object.entries(p)) {
      if (!res || !res.ratios) continue;
      const t = targets[`${page} ${kind}`];
      rows += `| ${PAGE[page] ?? page}, ${KIND[kind] ?? kind} | ${cell(res.new)} | ${cell(res["v0.1.0+js"])} | ${cell(res["v0.1.0"])} | ${res.ratios.vsBaseline.withLayout.toFixed(2)}× | ${res.ratios.vsV010.withLayout.toFixed(2)}× | ${t ? `≤ ${t}×` : "—"} | ${res.new.perKeystroke.layoutMs.toFixed(2)} / ${res["v0.1.0+js"].perKeystroke.layoutMs.toFixed(2)} |\n`;
    }
  return `
A keystroke in Chromium${k.date ? ` (run ${k.date.slice(0, 10)}, by \`bench/keystroke.mjs\`)` : ""}, median ms: from the \`input\` event to \`marcheck:report\` / the same plus the style and layout it leaves (forced right after the report); ${k.pages.portal.steady.new.keystrokes} keystrokes each, the three alternating in one run. Yardstick (issue 16): v0.1.0's binding driving the hand-written JS baseline in place of the core; also v0.1.0's binding driving today's wasm. Ratios and targets are with the layout; the last column is the layout time per keystroke (CDP metrics, the frame's included).

| page, keystroke | this binding | v0.1.0's + JS baseline | v0.1.0's + today's wasm | ÷ v0.1.0 + JS | ÷ v0.1.0 + wasm | target | layout ms, this / v0.1.0 + JS |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows}`;
}

function keystrokesV1(k) {
  const cell = (page, kind, who) => `${k.pages[page][kind][who].medianMs.toFixed(2)} (p99 ${k.pages[page][kind][who].p99Ms.toFixed(1)})`;
  const row = (label, page, kind, target) =>
    `| ${label} | ${cell(page, kind, "new")} | ${cell(page, kind, "v0.1.0")} | ${k.pages[page][kind].ratioMedian.toFixed(2)}× | ${target === "—" ? "—" : `≤ ${target}×`} |\n`;
  return `
A keystroke in Chromium, from the \`input\` event to \`marcheck:report\` (ms, median and p99; ${k.pages.portal.steady.new.keystrokes} keystrokes each, the two bindings alternating in one run):

| page, keystroke | this binding | v0.1.0's binding | ratio (median) | target |
|---|---:|---:|---:|---:|
${row("demo-like portal, findings unchanged", "portal", "steady", 0.5)}${row("demo-like portal, a finding flips", "portal", "flip", "—")}${row("200 account rows, findings unchanged", "rows200", "steady", 0.25)}${row("200 account rows, a finding flips", "rows200", "flip", 0.5)}`;
}

const readme = readFileSync(readmeUrl, "utf8");
const re = /<!-- bench:start[\s\S]*?<!-- bench:end -->/;
if (!re.test(readme)) { console.error("readme-numbers: README.md has no bench:start/bench:end markers"); process.exit(1); }
const next = readme.replace(re, table);
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error("readme-numbers: README.md's numbers differ from bench/results.json: run node scripts/readme-numbers.mjs");
    process.exit(1);
  }
  console.log("readme-numbers: README.md matches bench/results.json");
} else if (next !== readme) {
  writeFileSync(readmeUrl, next);
  console.log("readme-numbers: README.md updated");
}
