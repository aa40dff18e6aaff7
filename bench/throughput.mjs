// Throughput on a batch of forms: the native command line, and for scale the same batch
// through Node (the wasm package, and the JS baseline). Each run is a separate process under
// /usr/bin/time -v (peak memory); wall time includes process start. Prints one JSON object.
//   node bench/throughput.mjs [--smoke] [--forms N] [--cli target/release/marcheck] [--cli-native target/bench-native/marcheck] [--keep]
// The release profile is what ships (opt-level "z", for the wasm's size); the bench-native
// profile (opt-level 3) shows what the same code does when built for speed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, rmSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke") || process.env.BENCH_SMOKE === "1";
const arg = (n, d) => { const i = process.argv.indexOf(n); return i > 0 ? process.argv[i + 1] : d; };
const cli = arg("--cli", "target/release/marcheck");
const cliNative = arg("--cli-native", "target/bench-native/marcheck"); // opt-level 3, if built
const n = Number(arg("--forms", smoke ? 1000 : 100000));
const AS_OF = "2026-11-20";

const dir = `${root}bench/results`;
mkdirSync(dir, { recursive: true });
const ndjson = `${dir}/forms-${n}.ndjson.tmp`;
const array = `${dir}/forms-${n}.json.tmp`;

function run(label, cmd, args, { inProcess = false } = {}) {
  const devnull = openSync("/dev/null", "w");
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-v", cmd, ...args], { cwd: root, stdio: ["ignore", devnull, "pipe"], maxBuffer: 64 << 20 });
  const wallS = (performance.now() - t0) / 1000;
  closeSync(devnull);
  const err = r.stderr.toString();
  const status = Number(/Exit status: (\d+)/.exec(err)?.[1] ?? r.status);
  const signal = /Command terminated by signal (\d+)/.exec(err)?.[1];
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1]);
  const res = { label, command: [cmd, ...args].join(" ").replaceAll(root, ""), forms: n, wallS: round(wallS), formsPerSec: Math.round(n / wallS), peakRssMb: round(rssKb / 1024), exitStatus: status };
  if (inProcess) {
    const line = err.split("\n").find((l) => l.startsWith("{"));
    if (line) { const s = JSON.parse(line); res.inProcessFormsPerSec = Math.round(s.formsPerSec); res.findings = s.findings; }
  }
  // A report with errors may exit 1; a signal or any other status is a crash.
  if (signal || r.error || !(status === 0 || status === 1)) {
    res.crashed = true;
    res.stderr = err.split("\n").filter((l) => !l.startsWith("\t")).slice(0, 20).join("\n");
  }
  return res;
}
const round = (x) => Math.round(x * 1000) / 1000;

const t0 = performance.now();
if (!existsSync(ndjson) || !existsSync(array)) {
  const g = spawnSync(process.execPath, [`${root}bench/batch.mjs`, "gen", String(n), ndjson, array], { stdio: "inherit" });
  if (g.status !== 0) throw new Error("could not generate the batch");
}
const out = {
  forms: n, batchMb: round(statSync(ndjson).size / 1048576), generateS: round((performance.now() - t0) / 1000),
  asOf: AS_OF, runs: [],
};
const cliArgs = (file) => ["check", "--as-of", AS_OF, file];
if (existsSync(`${root}${cli}`)) {
  out.runs.push(run("cli, release profile (NDJSON file)", `${root}${cli}`, cliArgs(ndjson)));
  out.runs.push(run("cli, release profile (JSON array file)", `${root}${cli}`, cliArgs(array)));
} else {
  out.cliMissing = cli;
}
// (v3) `marcheck due` over the same batch: every form read, its deadlines computed, those due
// within 30 days kept and sorted (the batch's preservations expire within the window, so each
// form gives some). Exit status 1 is "something is overdue", not a crash.
if (existsSync(`${root}${cli}`)) {
  out.runs.push(run("cli due, release profile (NDJSON file)", `${root}${cli}`, ["due", "--as-of", AS_OF, "--format", "json", ndjson]));
}
if (!smoke && existsSync(`${root}${cliNative}`)) {
  out.runs.push(run("cli, bench-native profile (NDJSON file)", `${root}${cliNative}`, cliArgs(ndjson)));
}
out.runs.push(run("node + marcheck wasm (NDJSON)", process.execPath, [`${root}bench/batch.mjs`, "run", "marcheck", ndjson], { inProcess: true }));
out.runs.push(run("node + JS baseline (NDJSON)", process.execPath, [`${root}bench/batch.mjs`, "run", "baseline", ndjson], { inProcess: true }));
if (!process.argv.includes("--keep")) { rmSync(ndjson, { force: true }); rmSync(array, { force: true }); }
console.log(JSON.stringify(out));
