// Batches of forms for the throughput benchmark.
//   node bench/batch.mjs gen N FILE [ARRAY]    writes N forms as NDJSON to FILE (and as one JSON array to ARRAY)
//   node bench/batch.mjs run IMPL FILE         IMPL: baseline | marcheck (wasm in Node); NDJSON in,
//                                              one JSON report per line on stdout; a summary on stderr
// The batch alternates the two bench forms, each copy made distinct (case reference, an account
// value, dates shifted), so nothing can be cached from one form to the next.
import { createReadStream, readFileSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { createInterface } from "node:readline";

const here = new URL("./", import.meta.url);
const [cmd, a1, a2] = process.argv.slice(2);
const OPTIONS = { asOf: "2026-11-20" };

if (cmd === "gen") {
  const n = Number(a1);
  const file = a2;
  const arrayFile = process.argv[5];
  const bases = ["typical-valid", "ten-findings"].map((name) => readFileSync(new URL(`forms/${name}.json`, here), "utf8"));
  const fd = openSync(file, "w");
  const arr = arrayFile ? openSync(arrayFile, "w") : null;
  if (arr !== null) writeSync(arr, "[\n");
  let chunk = [];
  for (let i = 0; i < n; i++) {
    const form = JSON.parse(bases[i % 2]);
    form.case.reference = `FPF/CCU/2026/${String(i).padStart(6, "0")}`;
    form.accounts[0].value += i;
    // The valid copies stay valid (a range within 2026); the others keep their long range.
    const dd = String(1 + (i % 28)).padStart(2, "0");
    form.data.from = i % 2 === 0 ? `2026-0${1 + (i % 7)}-${dd}` : `2025-0${1 + (i % 5)}-${dd}`;
    const line = JSON.stringify(form);
    chunk.push(line);
    if (chunk.length === 1000 || i === n - 1) {
      writeSync(fd, chunk.join("\n") + "\n");
      if (arr !== null) writeSync(arr, chunk.join(",\n") + (i === n - 1 ? "\n]\n" : ",\n"));
      chunk = [];
    }
  }
  closeSync(fd);
  if (arr !== null) closeSync(arr);
} else if (cmd === "run") {
  const impl = a1;
  let validate;
  if (impl === "baseline") ({ validate } = await import("./baseline.mjs"));
  else if (impl === "marcheck") {
    const pkg = new URL((process.env.BENCH_PKG || "../pkg").replace(/\/?$/, "/"), here);
    const m = await import(new URL("marcheck.js", pkg));
    m.initSync({ module: readFileSync(new URL("marcheck_bg.wasm", pkg)) });
    validate = m.validate;
  } else throw new Error(`unknown implementation ${impl}`);
  const t0 = performance.now();
  let forms = 0, findings = 0, out = [];
  const rl = createInterface({ input: createReadStream(a2, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line) continue;
    const report = validate(JSON.parse(line), OPTIONS);
    forms++;
    findings += report.findings.length;
    out.push(JSON.stringify(report));
    if (out.length === 1000) { writeSync(1, out.join("\n") + "\n"); out = []; }
  }
  if (out.length) writeSync(1, out.join("\n") + "\n");
  const seconds = (performance.now() - t0) / 1000;
  process.stderr.write(JSON.stringify({ impl, forms, findings, seconds, formsPerSec: forms / seconds }) + "\n");
} else {
  console.error("usage: batch.mjs gen N FILE | run baseline|marcheck FILE");
  process.exit(2);
}
