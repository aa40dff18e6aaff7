// Launches Debian's Chromium through playwright-core, with the flags this machine needs.
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** A browser; Playwright gives each launch a fresh, empty profile. */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A persistent context (needed for service workers and offline tests). */
export async function launchPersistent(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "marcheck-chromium-"));
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: FLAGS, headless: true, ...options });
}
