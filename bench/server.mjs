// The benchmark's own static server: /pkg/ (the built package, or $BENCH_PKG) and /bench/.
// Pages are cross-origin isolated (COOP + COEP) so that performance.now() has its fine
// resolution (5 µs in Chromium instead of 100 µs). No caching: every fresh page fetches again.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
};

export function startBenchServer({ pkg = process.env.BENCH_PKG || join(root, "pkg") } = {}) {
  const mounts = [["/pkg/", resolve(root, pkg)], ["/bench/", join(root, "bench")]];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, decodeURIComponent(path.slice(prefix.length)) || "index.html"));
      if (!file.startsWith(dir + sep)) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          "content-type": types[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-store",
          "cross-origin-opener-policy": "same-origin",
          "cross-origin-embedder-policy": "require-corp",
        });
        res.end(body);
        return;
      } catch { break; }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}
