// Hostile values that only JavaScript can make, for tests/wasm.rs.
export function cyclic() { const a = { requestType: "formal_mar" }; a.self = a; return a; }
export function lone_surrogates() { return { case: { facts: "\ud800 broken \udc00", reference: "\udfff" }, authority: { name: "a\ud83d" } }; }
export function big_string(n) { return { case: { facts: "x".repeat(n) }, authority: { email: "a".repeat(n) + "@gmail.com" } }; }
export function big_array(n) { return { accounts: Array.from({ length: n }, (_, i) => ({ kind: "email", value: `u${i}@example.org` })) }; }
export function local_iso_today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
export function deep_facts(n) { let v = []; for (let i = 1; i < n; i++) v = [v]; return { requestType: "police_to_police", case: { facts: v } }; }
// Issue 15: values larger than the core reads, which must be cut before they are walked.
export function exotic() {
  const sparse = []; sparse[1e6] = { kind: "email", value: "a@b.org" };
  const many = {}; for (let i = 0; i < 100000; i++) many["k" + i] = i;
  return [{ accounts: new Float64Array(200000) }, { accounts: sparse }, { authority: many }, many];
}
export function now_ms() { return performance.now(); }
