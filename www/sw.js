// Offline: after one visit the page, its assets, the samples and the marcheck package are cached,
// and validation keeps working with the network off. Network first (so a new build is picked up
// at once), the cache when the network fails or is slow.
const CACHE = "marcheck-demo-v2";
const PAGE = ["./", "index.html", "style.css", "app.js", "live.js", "i18n.js", "form-model.js", "timeline.js", "dates.js",
  "icon.svg", "app.webmanifest", "samples/index.json"];
const PACKAGE = ["/pkg/marcheck.js", "/pkg/marcheck_bg.wasm", "/pkg/attach.js"];
const SLOW_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([...PAGE, ...PACKAGE]);
    try { // the samples the page lists
      const list = await (await cache.match("samples/index.json")).json();
      await cache.addAll(list.map((s) => `samples/${s.file}`));
    } catch { /* the page works without them */ }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(networkFirst(event, req));
});

async function networkFirst(event, req) {
  const cache = await caches.open(CACHE);
  const cached = () => cache.match(req, { ignoreSearch: req.mode === "navigate" })
    .then((r) => r ?? (req.mode === "navigate" ? cache.match("./") : undefined));
  const network = fetch(req).then((res) => {
    if (res.status === 200 && res.type === "basic") event.waitUntil(cache.put(req, res.clone()));
    return res;
  });
  const slow = new Promise((resolve) => setTimeout(resolve, SLOW_MS)).then(cached);
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return await network;
  } catch {
    return (await cached()) ?? Response.error();
  }
}
