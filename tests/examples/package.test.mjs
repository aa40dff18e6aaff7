// The package as a project installs it: `npm pack pkg`, `npm install` of the tarball in a fresh
// project, then Node imports it with no init; publint and arethetypeswrong on pkg/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PKG = join(ROOT, "pkg");
const bin = (name) => join(ROOT, "node_modules", ".bin", name);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

test("a project that npm-installs the packed tarball imports marcheck in Node with no init", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "marcheck-install-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const tgz = run("npm", ["pack", PKG, "--pack-destination", dir, "--silent"], dir).trim().split("\n").pop();
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--offline", "--loglevel=error", `./${tgz}`], dir);

  const out = run("node", ["-e", 'import("marcheck").then(m => console.log(m.validate({}).counts))'], dir);
  assert.match(out, /\{ error: \d+, warning: \d+, info: \d+ \}/);
  const std = run("node", ["--input-type=module", "-e",
    'import { createSchema } from "marcheck/standard"; const r = createSchema()["~standard"].validate({}); console.log(r instanceof Promise ? "promise" : r.issues.length)'], dir);
  assert.match(std.trim(), /^\d+$/, "marcheck/standard is synchronous at import in Node");

  // The README ships with what it links to.
  const installed = join(dir, "node_modules", "marcheck");
  const readme = readFileSync(join(installed, "README.md"), "utf8");
  for (const [, link] of readme.matchAll(/\]\(((?!https?:|#|mailto:)[^)\s#]+)/g))
    assert.ok(existsSync(join(installed, link)), `README links ${link}, which the package does not ship`);
});

test("publint (strict) finds nothing in pkg/", () => {
  const out = run(bin("publint"), ["pkg", "--strict"], ROOT);
  assert.doesNotMatch(out, /Warnings:|Errors:/, out);
});

test("arethetypeswrong finds no problem in the packed package", () => {
  // The package is ESM only (as wasm-bindgen's "web" glue is); its "node" condition needs Node >= 20.
  let out = "";
  try {
    out = run(bin("attw"), ["--pack", "pkg", "--format", "ascii", "--profile", "esm-only"], ROOT);
  } catch (e) {
    assert.fail(String(e.stdout) + String(e.stderr));
  }
  assert.match(out, /"marcheck\/marcheck_bg\.wasm"/, "the .wasm export is checked too");
});

test("a server bundle carries the core: marcheck bundled for Node (esbuild) runs from a folder with no .wasm", (t) => {
  // What SvelteKit's adapter-node does to a devDependency: the package's Node entry is moved
  // into the server's own output, and no file beside it is copied.
  const dir = mkdtempSync(join(tmpdir(), "marcheck-server-bundle-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "server.js"), 'import { validate } from "marcheck"; console.log(JSON.stringify(validate({}).counts));');
  run(bin("esbuild"), [join(dir, "server.js"), "--bundle", "--platform=node", "--format=esm", `--alias:marcheck=${join(PKG, "marcheck.node.js")}`,
    "--log-level=warning", `--outfile=${join(dir, "out", "server.mjs")}`], ROOT);
  const out = run("node", [join(dir, "out", "server.mjs")], dir);
  assert.match(out, /^\{"error":\d+,"warning":\d+,"info":\d+\}$/m);
});
