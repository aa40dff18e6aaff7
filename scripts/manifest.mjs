// Writes pkg/package.json from pkg.json, checking that its version is Cargo.toml's (one version),
// and ships the README with what its relative links point at (docs/rules.md, docs/demo.png,
// bench/results.md, ...), copied to the same paths in pkg/ and listed in "files", so the links
// work on the registry's page and in node_modules. A relative link to a file that does not exist,
// or to a folder, fails the build: link a file, or an absolute URL.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const root = new URL("../", import.meta.url);
const cargo = readFileSync(new URL("Cargo.toml", root), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) { console.error("manifest: no version in Cargo.toml"); process.exit(1); }
const manifest = JSON.parse(readFileSync(new URL("pkg.json", root), "utf8"));
if (manifest.version !== version) {
  console.error(`manifest: pkg.json says version ${manifest.version}, Cargo.toml ${version}: one version, bump both`);
  process.exit(1);
}

const readme = readFileSync(new URL("README.md", root), "utf8");
/** The relative link targets of a Markdown text (inline links and images), without #fragment. */
export function relativeLinks(md) {
  const out = new Set();
  for (const [, target] of md.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    if (/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(target)) continue; // absolute URL, mailto:, anchor, site root
    const path = decodeURIComponent(target.split("#")[0]).replace(/^\.\//, "");
    if (path) out.add(path);
  }
  return [...out].sort();
}

const bad = [];
const shipped = [];
for (const path of relativeLinks(readme)) {
  const from = new URL(path, root);
  if (!existsSync(from)) bad.push(`${path} (no such file)`);
  else if (!statSync(from).isFile()) bad.push(`${path} (a folder: link a file in it, or an absolute URL)`);
  else if (path.startsWith("..")) bad.push(`${path} (outside the repository)`);
  else {
    const to = new URL(`pkg/${path}`, root);
    mkdirSync(dirname(to.pathname), { recursive: true });
    copyFileSync(from, to);
    shipped.push(path);
  }
}
if (bad.length) {
  console.error(`manifest: the README links to what the package cannot ship:\n  ${bad.join("\n  ")}`);
  process.exit(1);
}
copyFileSync(new URL("README.md", root), new URL("pkg/README.md", root));
manifest.files = [...new Set([...manifest.files, ...shipped])];
writeFileSync(new URL("pkg/package.json", root), JSON.stringify(manifest, null, 2) + "\n");
