// Writes pkg/package.json from pkg.json, checking that its version is Cargo.toml's (one version).
import { readFileSync, writeFileSync } from "node:fs";
const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) { console.error("manifest: no version in Cargo.toml"); process.exit(1); }
const manifest = JSON.parse(readFileSync(new URL("../pkg.json", import.meta.url), "utf8"));
if (manifest.version !== version) {
  console.error(`manifest: pkg.json says version ${manifest.version}, Cargo.toml ${version}: one version, bump both`);
  process.exit(1);
}
writeFileSync(new URL("../pkg/package.json", import.meta.url), JSON.stringify(manifest, null, 2) + "\n");
