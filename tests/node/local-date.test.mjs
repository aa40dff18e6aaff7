// The default asOf is the officer's local date, not UTC: checked in two time zones 25 hours
// apart (UTC+14 and UTC-11), so at any moment at least one of them is on another day than UTC.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("../../pkg/", import.meta.url));
const probe = `
  const { readFileSync } = await import("node:fs");
  const m = await import(${JSON.stringify(pkg + "marcheck.js")});
  m.initSync({ module: readFileSync(${JSON.stringify(pkg + "marcheck_bg.wasm")}) });
  const d = new Date(), p = (n) => String(n).padStart(2, "0");
  const local = d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  const utc = d.toISOString().slice(0, 10);
  console.log(JSON.stringify({ asOf: m.validate({}).facts.asOf, local, utc }));`;

test("validate() without asOf uses the local date of the browser or process", () => {
  const seen = [];
  for (const tz of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", probe], { env: { ...process.env, TZ: tz } });
    const r = JSON.parse(out);
    assert.equal(r.asOf, r.local, `${tz}: asOf is the local date`);
    seen.push(r);
  }
  assert.notEqual(seen[0].local, seen[1].local, "the two zones are on different days");
  assert.ok(seen.some((r) => r.local !== r.utc), "one zone differs from UTC, so local and UTC were told apart");
});
