// Type-checks pkg/attach.d.ts and pkg/standard.d.ts (js/*.d.ts, copied beside the core's own
// marcheck.d.ts by `make build`) through types.check.ts (strict), which also
// expects errors where the types must refuse (@ts-expect-error). Needs `typescript`: taken from
// node_modules, else from TSC=/path/to/tsc; skipped (and says so) when neither is there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const local = fileURLToPath(new URL("../../node_modules/.bin/tsc", import.meta.url));
const tsc = process.env.TSC || (existsSync(local) ? local : null);

// esnext.disposable: wasm-bindgen's generated Session class declares [Symbol.dispose] (TS >= 5.2);
// a project on lib es2022 without skipLibCheck needs that lib too (noted for the lead).
test("the .d.ts files type-check as a portal uses them", { skip: tsc ? false : "typescript is not installed" }, () => {
  const file = fileURLToPath(new URL("types.check.ts", import.meta.url));
  const args = ["--noEmit", "--strict", "--lib", "es2022,esnext.disposable,dom", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", file];
  let out = "";
  try {
    out = execFileSync(tsc, args, { encoding: "utf8" });
  } catch (e) {
    out = String(e.stdout || e.message);
  }
  assert.equal(out.trim(), "");
});
