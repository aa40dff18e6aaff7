// marcheck on a server: a tiny HTTP server that checks a MAR POSTed as JSON (or as an HTML
// form, application/x-www-form-urlencoded with model paths as names) and answers with the report.
// In Node, `import { validate } from "marcheck"` needs no init: the package's "node" condition
// reads the .wasm from disk when it is imported.
//   node server.js [port]          POST /check   -> 200 { ok, counts, findings, facts }
import { createServer } from "node:http";
import { validate, version } from "marcheck";

/** "accounts[0].value=x" pairs -> { accounts: [{ value: "x" }] } */
function fromPairs(params) {
  const form = {};
  for (const [path, value] of params) {
    const keys = path.match(/[^.[\]]+/g) || [];
    let o = form;
    keys.forEach((k, i) => {
      if (i === keys.length - 1) o[k] = o[k] === undefined ? value : [].concat(o[k], value);
      else o = o[k] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
    });
  }
  return form;
}

export function handler(req, res) {
  const send = (status, body) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };
  if (req.method !== "POST" || new URL(req.url, "http://x").pathname !== "/check") return send(404, { error: "POST /check" });
  const chunks = [];
  let size = 0;
  req.on("data", (c) => {
    size += c.length;
    if (size > 1_000_000) req.destroy(); // a MAR is a few KB
    else chunks.push(c);
  });
  req.on("end", () => {
    const text = Buffer.concat(chunks).toString("utf8");
    let form;
    if (/json/.test(req.headers["content-type"] || "")) {
      try {
        form = JSON.parse(text);
      } catch {
        return send(400, { error: "the body is not JSON" });
      }
    } else form = fromPairs(new URLSearchParams(text));
    try {
      send(200, validate(form)); // never throws for a form, whatever it holds
    } catch (e) {
      send(500, { error: String(e?.message || e) }); // only bad options throw
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8787);
  createServer(handler).listen(port, "127.0.0.1", function () {
    console.log(`marcheck ${version()} checking MARs on http://127.0.0.1:${this.address().port}/check`);
  });
}
