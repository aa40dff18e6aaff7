// A plain HTML page with no build step, served under the Content Security Policy the README
// recommends: `script-src 'self' 'wasm-unsafe-eval'`. The page has no inline script (the policy
// blocks it, an inline import map too): it loads one external module, public/app.js, which
// imports the package by a relative URL. The package is served as it is installed, from
// node_modules/marcheck at /marcheck/ (attach.js finds marcheck.js beside it, which fetches
// marcheck_bg.wasm beside itself).
//   node server.js [port]     (port 0: any free port; the first line printed is the URL)
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CSP = "script-src 'self' 'wasm-unsafe-eval'";
const here = fileURLToPath(new URL(".", import.meta.url));
const ROOTS = { "/marcheck/": join(here, "node_modules", "marcheck"), "/": join(here, "public") };
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css; charset=utf-8" };

export async function handler(req, res) {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const [prefix, root] = Object.entries(ROOTS).find(([p]) => path.startsWith(p));
  const file = normalize(join(root, path.slice(prefix.length)));
  try {
    if (!file.startsWith(root + sep)) throw new Error("outside");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-security-policy": CSP });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain", "content-security-policy": CSP });
    res.end("not found");
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = createServer(handler);
  server.listen(Number(process.argv[2] ?? 8080), "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}/`));
}
