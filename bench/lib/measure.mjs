// Timing shared by the Node and the browser benchmarks (plain ES module, no Node APIs).
//
// Each implementation is called on the same form with the same options, in blocks, alternating
// A B A B so that drift (CPU frequency, GC pressure, the other core's work) falls on both alike.
// Every call is timed on its own (per-call median and p99); each block is also timed as a whole,
// which gives a per-call mean free of the clock's resolution (browsers coarsen performance.now()).

/** Sorted copy's q-quantile (0..1), nearest rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** The smallest step performance.now() makes, in µs (0.001 or less in Node, 5 or 100 in browsers). */
export function clockResolutionUs(now = () => performance.now()) {
  let best = Infinity;
  for (let i = 0; i < 200; i++) {
    const a = now();
    let b = now();
    while (b === a) b = now();
    best = Math.min(best, b - a);
  }
  return best * 1000;
}

function summarize(samplesMs, blockMeansMs) {
  const s = Float64Array.from(samplesMs).sort();
  const b = Float64Array.from(blockMeansMs).sort();
  const us = (ms) => Math.round(ms * 1000 * 1000) / 1000; // µs, 3 decimals
  let sum = 0;
  for (const x of s) sum += x;
  return {
    calls: s.length,
    medianUs: us(quantile(s, 0.5)),
    p99Us: us(quantile(s, 0.99)),
    meanUs: us(sum / s.length),
    maxUs: us(s[s.length - 1]),
    blockMedianUs: us(quantile(b, 0.5)), // median over blocks of (block time / calls)
  };
}

/**
 * Runs `impls` ({ name: (form, options) => report }) on one form, alternating blocks.
 * Returns { [name]: { calls, medianUs, p99Us, meanUs, maxUs, blockMedianUs } } and a sink.
 */
export function alternate(impls, form, options, { warmup = 2000, blocks = 20, blockSize = 1000 } = {}) {
  const names = Object.keys(impls);
  const fns = names.map((n) => impls[n]);
  const samples = names.map(() => []);
  const blockMeans = names.map(() => []);
  let sink = 0;
  for (let k = 0; k < fns.length; k++) {
    for (let i = 0; i < warmup; i++) sink += fns[k](form, options).findings.length;
  }
  const now = () => performance.now();
  for (let b = 0; b < blocks; b++) {
    // A B, then B A on the next round: neither always goes first.
    for (let j = 0; j < fns.length; j++) {
      const k = b % 2 === 0 ? j : fns.length - 1 - j;
      const fn = fns[k];
      const out = samples[k];
      const start = now();
      for (let i = 0; i < blockSize; i++) {
        const t0 = now();
        sink += fn(form, options).findings.length;
        out.push(now() - t0);
      }
      blockMeans[k].push((now() - start) / blockSize);
    }
  }
  const result = {};
  names.forEach((n, k) => { result[n] = summarize(samples[k], blockMeans[k]); });
  return { result, sink };
}

/** Times `fn()` `n` times after a warm-up; { medianUs, p99Us, blockMedianUs }. */
export function timeCalls(fn, { warmup = 2000, blocks = 10, blockSize = 1000 } = {}) {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn() ? 1 : 0;
  const samples = [];
  const means = [];
  for (let b = 0; b < blocks; b++) {
    const start = performance.now();
    for (let i = 0; i < blockSize; i++) {
      const t0 = performance.now();
      sink += fn() ? 1 : 0;
      samples.push(performance.now() - t0);
    }
    means.push((performance.now() - start) / blockSize);
  }
  return { ...summarize(samples, means), sink };
}

/** What each implementation found on a form: for the equivalence check. */
export function findingsOf(report) {
  return { ok: report.ok, counts: report.counts, codes: report.findings.map((f) => `${f.code} ${f.field}`) };
}
