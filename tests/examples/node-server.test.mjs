// examples/node-server: `import { validate } from "marcheck"` in Node with no init (the package's
// "node" condition), behind a tiny HTTP server that checks a POSTed MAR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { EXAMPLES } from "./helpers.mjs";

test("node-server: a POSTed form, as JSON or urlencoded, gets marcheck's report", async (t) => {
  assert.ok(existsSync(`${EXAMPLES}node-server/node_modules/marcheck`), "run `bash scripts/test-examples.sh` (npm ci) first");
  const { handler } = await import(`${EXAMPLES}node-server/server.js`);
  const server = createServer(handler);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/check`;

  const empty = await (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json();
  assert.equal(empty.ok, false);
  assert.ok(empty.counts.error > 0);
  assert.ok(empty.findings.some((f) => f.code === "AUTH001" && f.field === "authority.officer"));

  // An HTML form's fields, named by model path: the officer given, so no AUTH001 on it.
  const body = new URLSearchParams({ "authority.name": "Police", "authority.officer": "Insp. Dupont", "accounts[0].kind": "email", "accounts[0].value": "a@b" });
  const r = await (await fetch(url, { method: "POST", body })).json();
  assert.ok(!r.findings.some((f) => f.field === "authority.officer"), JSON.stringify(r.findings.map((f) => f.field)));
  assert.ok(r.findings.some((f) => f.code === "ID002" && f.field === "accounts[0].value"), "the malformed e-mail");

  const hostile = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "[1,2" });
  assert.equal(hostile.status, 400);
  const notAForm = await (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "42" })).json();
  assert.deepEqual(notAForm.findings.map((f) => [f.code, f.field]), [["FORM001", ""]]);
});
