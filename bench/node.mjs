// Per-call latency of validate() in Node: marcheck (wasm, through its JS glue) against the
// hand-written baseline, same process, same forms, alternating blocks. Prints one JSON object.
//   node bench/node.mjs [--smoke]
import { readFileSync } from "node:fs";
import { alternate, timeCalls, findingsOf, clockResolutionUs } from "./lib/measure.mjs";
import * as baseline from "./baseline.mjs";

const root = new URL("../", import.meta.url);
const smoke = process.argv.includes("--smoke") || process.env.BENCH_SMOKE === "1";
const plan = smoke ? { warmup: 200, blocks: 4, blockSize: 200 } : { warmup: 3000, blocks: 20, blockSize: 1000 };
const OPTIONS = { asOf: "2026-11-20" };
const FORMS = ["typical-valid", "ten-findings"];

const pkg = new URL((process.env.BENCH_PKG || "pkg").replace(/\/?$/, "/"), root);
const marcheck = await import(new URL("marcheck.js", pkg));
marcheck.initSync({ module: readFileSync(new URL("marcheck_bg.wasm", pkg)) });

const out = {
  env: "node", node: process.version, marcheckVersion: marcheck.version(), clockResolutionUs: clockResolutionUs(),
  plan, forms: {}, probes: {},
};
for (const name of FORMS) {
  const form = JSON.parse(readFileSync(new URL(`bench/forms/${name}.json`, root), "utf8"));
  // A keystroke through a session (contract §7): the form is in the core; one text field is set,
  // alternating between two values so that every call changes something.
  const session = marcheck.createSession(OPTIONS);
  session.replace(form);
  let flip = false;
  const sessionSet = () => session.set("case.reference", (flip = !flip) ? "FPF-CCU-2026-0412" : "FPF-CCU-2026-0413");
  const { result } = alternate({ marcheck: marcheck.validate, baseline: baseline.validate, sessionSet }, form, OPTIONS, plan);
  session.free();
  out.forms[name] = {
    ...result,
    ratio: result.marcheck.medianUs / result.baseline.medianUs,
    sessionSetRatio: result.sessionSet.medianUs / result.baseline.medianUs,
    findings: { marcheck: findingsOf(marcheck.validate(form, OPTIONS)), baseline: findingsOf(baseline.validate(form, OPTIONS)) },
  };
}

// Probes: where marcheck's time goes. The floor of one call across the boundary (version()),
// an empty form (options, boundary and report but almost no rules), and the form's own
// JSON.stringify (what the glue is expected to do before copying the text into wasm memory).
const probePlan = { warmup: plan.warmup, blocks: Math.max(2, plan.blocks / 2), blockSize: plan.blockSize };
const valid = JSON.parse(readFileSync(new URL("bench/forms/typical-valid.json", root), "utf8"));
const ten = JSON.parse(readFileSync(new URL("bench/forms/ten-findings.json", root), "utf8"));
const strip = ({ sink, ...r }) => r;
out.probes.version = strip(timeCalls(() => marcheck.version(), probePlan));
out.probes.emptyForm = strip(timeCalls(() => marcheck.validate({}, OPTIONS), probePlan));
out.probes.emptyFormBaseline = strip(timeCalls(() => baseline.validate({}, OPTIONS), probePlan));
out.probes.stringifyValid = strip(timeCalls(() => JSON.stringify(valid), probePlan));
out.probes.stringifyTen = strip(timeCalls(() => JSON.stringify(ten), probePlan));
const tenReport = marcheck.validate(ten, OPTIONS);
out.probes.reportJsonChars = JSON.stringify(tenReport).length;
const tenReportText = JSON.stringify(tenReport);
out.probes.parseTenReport = strip(timeCalls(() => JSON.parse(tenReportText), probePlan));

console.log(JSON.stringify(out));
