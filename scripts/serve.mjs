// A tiny static server for the demo and the browser tests. No dependencies.
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1]
// Serves www/ at "/" and the built package pkg/ at "/pkg/"; tests/browser/pages/ at "/test/".
// Exported as startServer() so tests can start it on a free port (port 0).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const mounts = [
  ["/pkg/", join(root, "pkg")],
  ["/test/", join(root, "tests", "browser", "pages")],
  ["/", join(root, "www")],
];
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".ts": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json", ".md": "text/plain; charset=utf-8",
};

async function resolveFile(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let rel = decodeURIComponent(pathname.slice(prefix.length));
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(dir, rel));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    try { if ((await stat(file)).isFile()) return file; } catch { /* next mount */ }
    return null;
  }
  return null;
}

/** Starts the server; resolves to { server, url }. `headers(pathname)` may add response headers (e.g. a CSP). */
export function startServer({ port = 8080, host = "127.0.0.1", headers = () => ({}), log = false } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let file = null;
    try { file = await resolveFile(url.pathname); } catch { file = null; }
    if (log) console.log(req.method, url.pathname, file ? 200 : 404);
    if (!file) { res.writeHead(404, { "content-type": "text/plain" }); res.end("not found"); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...headers(url.pathname),
      });
      res.end(body);
    } catch {
      res.writeHead(500); res.end();
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const a = server.address();
      ok({ server, url: `http://${host}:${a.port}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const { url } = await startServer({ port: Number(arg("--port", 8080)), host: arg("--host", "127.0.0.1"), log: process.argv.includes("--log") });
  console.log(`marcheck demo: ${url}/  (package at ${url}/pkg/, Ctrl-C to stop)`);
}
