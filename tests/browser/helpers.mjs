// Shared set-up for the browser tests: one server (port 0) and one Chromium per test file,
// a fresh context per test, every request and console message recorded.
import { existsSync } from "node:fs";
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../../scripts/serve.mjs";
import { launch } from "../../scripts/chromium.mjs";

const PKG = new URL("../../pkg/", import.meta.url);

/** Starts the server and the browser for this file; `headers(pathname)` may add e.g. a CSP. */
export function useBrowser({ headers } = {}) {
  const env = {};
  before(async () => {
    for (const f of ["marcheck.js", "marcheck_bg.wasm", "attach.js"])
      assert.ok(existsSync(new URL(f, PKG)), `pkg/${f} is missing: run \`make build\` first`);
    const { server, url } = await startServer({ port: 0, headers: (p) => (env.headers || headers || (() => ({})))(p) });
    env.server = server;
    env.url = url;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await new Promise((ok) => (env.server ? env.server.close(ok) : ok()));
  });

  /** A new page at `path`, recording requests, console messages and page errors. */
  env.open = async (path, { waitFor } = {}) => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const log = { requests: [], console: [], errors: [] };
    page.on("request", (r) => log.requests.push(r.url()));
    page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => log.errors.push(String(e)));
    page.log = log;
    page.closeAll = () => context.close();
    await page.goto(env.url + path);
    if (waitFor) await page.waitForFunction(waitFor);
    return page;
  };

  /** Asserts the page only ever asked its own origin for files. */
  env.assertSameOrigin = (page) => {
    const foreign = page.log.requests.filter((u) => !u.startsWith(env.url + "/"));
    assert.deepEqual(foreign, [], "requests beyond the page's own origin");
  };
  return env;
}

/** A form that passes every error rule (asOf 2026-11-20): it only has warnings and info. */
export const VALID = {
  req_type: "formal_mar",
  from_cc: "FR",
  to_cc: "US",
  legal_basis: "France–US Mutual Legal Assistance Treaty", // v2: a formal MAR names its legal basis (CASE004)
  auth_name: "Police nationale, OFAC",
  auth_officer: "Insp. Marie Dupont",
  auth_email: "m.dupont@interieur.gouv.fr",
  auth_phone: "+33 1 49 27 49 27",
  case_ref: "OFAC-2026-1142",
  case_facts:
    "Between May and August 2026 the suspect used the account below to sell counterfeit bank cards to at least forty victims in France.",
  case_nexus: "The account was used to negotiate every sale with the victims.",
  off_name_0: "Fraud",
  off_prov_0: "Code penal art. 313-1",
  off_years_0: "5",
  prov_name: "Google LLC",
  prov_profile: "google",
  acct_kind_0: "email",
  acct_value_0: "seller.cards@gmail.com",
  data_cat: ["subscriber", "traffic"],
  data_from: "2026-06-01",
  data_to: "2026-08-31",
  pres_status: "preserved",
  pres_req_on: "2026-09-01",
  pres_conf_on: "2026-09-02",
  pres_ref_no: "GGL-PRES-88231",
  pres_days: "90",
  pres_proof: true,
  loc_cc: "US",
  loc_confirmed: true,
  loc_basis: "provider_confirmed",
  notif_provider: "yes",
  notif_nd: true,
  notif_reason: "Notice would let the suspect destroy the evidence.",
  notif_days: "180",
};

/** Types `values` into the portal page's controls, as an officer would (fill, check, select). */
export async function fillPortal(page, values) {
  for (const [name, v] of Object.entries(values)) {
    const sel = `#mar [name="${name}"]`;
    const tag = await page.$eval(sel, (e) => e.tagName + ":" + e.type);
    if (tag === "INPUT:checkbox" && Array.isArray(v)) {
      for (const box of await page.$$(sel)) {
        const want = v.includes(await box.getAttribute("value"));
        if ((await box.isChecked()) !== want) await box.click();
      }
    } else if (tag === "INPUT:checkbox") await page.setChecked(sel, v);
    else if (tag === "INPUT:radio") await page.check(`${sel}[value="${v}"]`);
    else if (tag.startsWith("SELECT")) await page.selectOption(sel, v);
    else await page.fill(sel, v);
  }
}

/** The controls of the portal form, in order: [{ name, type, value }] (its structure, before filling). */
export const portalControls = (page) =>
  page.$$eval("#mar [name]", (els) =>
    els.filter((e) => !/^(submit|button)$/.test(e.type)).map((e) => ({ name: e.name, type: e.type, value: e.value })),
  );

/** The query pairs a browser submits when `values` were typed into `controls` (empty fields too). */
export function expectedQuery(values, controls) {
  const q = [];
  for (const c of controls) {
    const v = values[c.name];
    if (c.type === "checkbox" || c.type === "radio") {
      if (Array.isArray(v) ? v.includes(c.value) : v === true || v === c.value) q.push([c.name, c.value]);
    } else q.push([c.name, v ?? (c.type.startsWith("select") ? c.value : "")]);
  }
  return q;
}
