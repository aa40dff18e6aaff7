// The demo portal: the MAR form, live checks through marcheck's drop-in binding, the
// preservation timeline, what-if controls, drafts that survive a reload, export/import, offline.
import { COUNTRIES, formatDate, plural, translate, translator } from "./i18n.js";
import { ROWS, addRow, isEmptyModel, readModel, reindexAll, removeRow, setRowCount, writeModel } from "./form-model.js";
import { renderTimeline } from "./timeline.js";

const DRAFT_KEY = "marcheck-demo:draft";
const $ = (id) => document.getElementById(id);
const form = $("mar");

const state = {
  locale: "en",
  asOf: null, // null: the browser's local date (the core's default)
  handle: null, // the binding's handle, once the package has loaded
  checking: "loading", // "loading" | "on" | "off" (the package could not load: the form works unchecked)
  live: null, // the module: { attach, providers, version }
  profiles: {},
  report: null,
  status: null, // the last status message, re-said in a new language
  savedTime: null, // when the draft was last written ("14:03")
  undo: null,
};

let t = translator(state.locale);

/* ------------------------------------------------------------------ helpers */

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const timeNow = () => new Date().toTimeString().slice(0, 5);
const rowOpts = () => ({ translate: (root) => translate(root, state.locale), t });

function say(key, params = {}, { undo } = {}) {
  state.status = { key, params };
  state.undo = undo ?? null;
  const status = $("status");
  const text = document.createElement("span");
  const local = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v && typeof v === "object" ? v[state.locale] ?? v.en : v]));
  text.textContent = t(key, local);
  const parts = [text];
  if (undo) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "btn btn-link";
    b.id = "undo";
    b.textContent = t("undo");
    b.addEventListener("click", () => {
      const u = state.undo;
      state.undo = null;
      u?.();
    });
    parts.push(" ", b);
  }
  status.replaceChildren(...parts);
}

/* ------------------------------------------------------------------ drafts */

function snapshot() {
  return { form: readModel(form), asOf: state.asOf, locale: state.locale };
}

let saveTimer = 0;
/** "Draft saved at 14:03", next to the draft buttons: shown, not announced at every pause in typing. */
const showSaved = () => { $("saved").textContent = state.savedTime ? t("draft.saved", { time: state.savedTime }) : ""; };

function saveDraft({ now = false } = {}) {
  clearTimeout(saveTimer);
  const write = () => {
    saveTimer = 0;
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...snapshot(), savedAt: new Date().toISOString() }));
      state.savedTime = timeNow();
      showSaved();
    } catch { /* private mode or full: the form itself still holds everything */ }
  };
  if (now) write();
  else saveTimer = setTimeout(write, 400);
}
const flushDraft = () => { if (saveTimer) saveDraft({ now: true }); };

function readDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "null");
    return d && typeof d === "object" ? d : null;
  } catch {
    return null;
  }
}

/** Puts a whole state (form, asOf, locale) on the page. */
function applySnapshot(snap) {
  writeModel(form, snap.form ?? {}, rowOpts());
  state.asOf = typeof snap.asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(snap.asOf) ? snap.asOf : null;
  $("as-of").value = state.asOf ?? localToday();
  syncPage();
}

/* ------------------------------------------------------------------ language */

function setLocale(locale) {
  state.locale = locale === "fr" ? "fr" : "en";
  t = translator(state.locale);
  translate(document, state.locale);
  for (const r of document.querySelectorAll('input[name="ui-locale"]')) r.checked = r.value === state.locale;
  reindexAll(form, { t });
  fillCountries();
  fillProfiles();
  if (state.status) say(state.status.key, state.status.params, { undo: state.undo });
  showSaved();
  syncPage();
}

function fillCountries() {
  const i = state.locale === "fr" ? 1 : 0;
  $("countries").replaceChildren(...Object.entries(COUNTRIES).map(([code, names]) => {
    const o = document.createElement("option");
    o.value = code;
    o.label = names[i];
    return o;
  }));
}

/* ------------------------------------------------------------------ provider profiles */

/** A profile's display name: the core's own, else its key. */
const profileName = (key) => state.profiles[key]?.name ?? key;

function fillProfiles() {
  const select = $("f-provider-profile");
  const value = select.value;
  const keys = Object.keys(state.profiles);
  if (keys.length) {
    const none = select.options[0];
    const opts = keys.map((k) => {
      const o = document.createElement("option");
      o.value = k;
      o.textContent = profileName(k);
      return o;
    });
    select.replaceChildren(none, ...opts);
    if (value && !keys.includes(value)) { // keep what was imported; the checker reports it
      const o = new Option(value, value);
      o.dataset.extra = "";
      select.add(o);
    }
    select.value = value;
  }
  showProfile();
}

function showProfile() {
  const key = $("f-provider-profile").value;
  const p = state.profiles[key];
  const card = $("profile-card");
  card.hidden = !p;
  if (!p) { card.textContent = ""; return; }
  const known = (n) => Number.isFinite(n) && n > 0;
  const name = profileName(key);
  const terms = [known(p.periodDays) ? t("profile.period", { name, n: p.periodDays }) : t("profile.periodUnknown", { name })];
  if (known(p.extensionDays)) terms.push(t("profile.ext", { n: p.extensionDays }));
  if (known(p.maxTotalDays)) terms.push(t("profile.max", { n: p.maxTotalDays }));
  if (known(p.extensionLeadDays)) terms.push(t("profile.lead", { n: p.extensionLeadDays }));
  const words = [terms.join(", ") + "."];
  const notifies = { yes: t("yes"), no: t("no"), unknown: t("unknown") }[p.notifiesUser];
  if (notifies) words.push(t("profile.notifies", { v: notifies }));
  if (p.source) {
    const checked = /^\d{4}-\d{2}-\d{2}$/.test(p.checked ?? "") ? formatDate(state.locale, p.checked) : p.checked ?? "";
    words.push(t("profile.source", { source: p.source.split(/:\s/)[0], checked }));
  }
  card.textContent = words.join(" ");
}

/* ------------------------------------------------------------------ the page reacting to the form */

/** Emergency and CSAM details show when their box is ticked, or when they hold anything. */
function syncDetails() {
  for (const box of form.querySelectorAll("[data-shown-by]")) {
    const ctl = form.elements.namedItem(box.dataset.shownBy);
    const filled = [...box.querySelectorAll("input,textarea,select")].some((c) =>
      c.type === "checkbox" || c.type === "radio" ? c.checked : c.value.trim() !== "");
    box.hidden = !(ctl?.checked || filled);
  }
}

function syncCounters() {
  for (const c of document.querySelectorAll("[data-counter-for]")) {
    const n = $(c.dataset.counterFor).value.trim().length;
    c.textContent = n ? `(${t("counter", { n })})` : "";
  }
}

function syncPage() {
  syncDetails();
  syncCounters();
  showProfile();
  drawTimeline();
  showCounts();
}

function extensionDates() {
  return [...form.querySelectorAll('[data-list="preservation.extensions"] input[data-name="requestedOn"]')].map((i) => i.value);
}

function drawTimeline() {
  const status = form.querySelector('input[name="preservation.status"]:checked')?.value;
  renderTimeline($("timeline"), $("timeline-desc"), state.report?.facts ?? null,
    { status, extensions: extensionDates(), locale: state.locale });
}

function showCounts() {
  const r = state.report;
  const panel = document.querySelector(".checks");
  for (const k of ["error", "warning", "info"]) {
    const n = r?.counts?.[k];
    $(`n-${k}`).textContent = n ?? "–";
    $(`n-${k}`).parentElement.dataset.n = n ?? "";
    $(`l-${k}`).textContent = t(`count.${k}.${plural(state.locale, n ?? 2)}`);
  }
  const s = $("checks-state");
  if (state.checking === "loading") { s.textContent = t("checks.loading"); return; }
  if (state.checking === "off" || !r) { s.textContent = t("checks.unavailable"); panel.dataset.state = "off"; return; }
  const key = r.counts.error ? "checks.blocked" : r.counts.warning ? "checks.warningsOnly" : "checks.ok";
  s.textContent = t(key);
  panel.dataset.state = r.counts.error ? "error" : r.counts.warning ? "warning" : "ok";
}

function onReport(report) {
  state.report = report;
  $("submit-result").textContent = "";
  drawTimeline();
  showCounts();
}

/* ------------------------------------------------------------------ the binding */

/**
 * The options object handed to attach(). The binding reads it on every run (attach.d.ts), so a
 * new language or as-of date is a change to this object and a validate(): the fields the officer
 * has touched keep their marks.
 */
const checkOptions = { locale: state.locale };

/** Re-checks the form now, with the page's current language and as-of date. */
function recheck() {
  checkOptions.locale = state.locale;
  if (state.asOf) checkOptions.asOf = state.asOf;
  else delete checkOptions.asOf;
  state.handle?.validate();
  drawTimeline();
}

async function attachChecker() {
  try {
    recheck();
    const h = await state.live.attach(form, { options: checkOptions, on: "input", blockSubmit: true, onReport });
    state.handle = h;
    state.checking = h.report ? "on" : "off"; // an inert handle: the core could not load
    if (!h.report) state.report = null;
  } catch (e) {
    console.error(e);
    state.checking = "off";
    state.report = null;
  }
  showCounts();
}

async function startChecking() {
  try {
    state.live = await import("./live.js");
  } catch (e) {
    console.warn("marcheck could not load; the form works unchecked.", e);
    state.checking = "off";
    showCounts();
    return;
  }
  await attachChecker();
  if (!state.handle?.report) return;
  try {
    state.profiles = state.live.providers() ?? {};
    $("version").textContent = t("foot.version", { version: state.live.version() });
  } catch (e) {
    console.warn(e);
  }
  fillProfiles();
}

/* ------------------------------------------------------------------ samples */

async function loadSamples() {
  try {
    const list = await (await fetch("samples/index.json")).json();
    const select = $("sample");
    for (const s of list) {
      const o = document.createElement("option");
      o.value = s.file;
      o.dataset.titleEn = s.title.en;
      o.dataset.titleFr = s.title.fr;
      o.textContent = s.title[state.locale] ?? s.title.en;
      select.add(o);
    }
  } catch (e) {
    console.warn("samples unavailable", e);
  }
}

function retitleSamples() {
  for (const o of $("sample").options) if (o.value) o.textContent = state.locale === "fr" ? o.dataset.titleFr : o.dataset.titleEn;
}

async function loadSample(file) {
  let sample;
  try {
    const res = await fetch(`samples/${file}`);
    if (!res.ok) throw new Error(res.statusText);
    sample = await res.json();
  } catch {
    say("sample.failed");
    return;
  }
  const before = snapshot();
  applySnapshot({ form: sample.form, asOf: sample.asOf ?? null });
  saveDraft({ now: true });
  recheck();
  say("sample.loaded", { title: sample.title ?? file }, { undo: () => restore(before) }); // { en, fr }: said in the page's language
}

async function restore(snap) {
  applySnapshot(snap);
  saveDraft({ now: true });
  recheck();
  say("undone");
}

/* ------------------------------------------------------------------ export / import / clear */

function exportJson() {
  const model = readModel(form);
  const ref = String(model.case?.reference ?? "").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  const file = `mar-${ref || "draft"}-${localToday()}.json`;
  const blob = new Blob([JSON.stringify(model, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  say("draft.exported", { file });
}

const FORM_KEYS = new Set(["requestType", "requestingCountry", "requestedCountry", "submissionDate", "authority", "case",
  "provider", "accounts", "data", "preservation", "recordsLocation", "emergency", "notification", "csam"]);

/** A file is the form itself (what Export writes), or a sample/draft: { form, asOf?, ... }. */
function fromFile(json) {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const keys = Object.keys(json);
  if (json.form && typeof json.form === "object" && !Array.isArray(json.form) && !keys.some((k) => FORM_KEYS.has(k)))
    return { form: json.form, asOf: json.asOf ?? state.asOf };
  if (keys.length && !keys.some((k) => FORM_KEYS.has(k))) return null;
  return { form: json, asOf: state.asOf };
}

async function importJson(file) {
  let snap = null;
  try {
    snap = fromFile(JSON.parse(await file.text()));
  } catch { /* not JSON */ }
  if (!snap) { say("draft.importFailed", { file: file.name }); return; }
  const before = snapshot();
  applySnapshot(snap);
  saveDraft({ now: true });
  recheck();
  say("draft.imported", { file: file.name }, { undo: () => restore(before) });
}

function askClear(show) {
  $("clear-confirm").hidden = !show;
  $("clear").setAttribute("aria-expanded", String(show));
  (show ? $("clear-no") : $("clear")).focus();
}

async function clearForm() {
  const before = snapshot();
  askClear(false);
  writeModel(form, {}, rowOpts());
  try { localStorage.removeItem(DRAFT_KEY); } catch { /* nothing stored */ }
  state.savedTime = null;
  showSaved();
  syncPage();
  recheck();
  say("draft.cleared", {}, { undo: () => restore(before) });
}

/* ------------------------------------------------------------------ events */

function wire() {
  form.addEventListener("input", () => { syncCounters(); saveDraft(); });
  form.addEventListener("change", (e) => {
    syncDetails();
    if (e.target.name === "provider.profile") showProfile();
    if (e.target.name === "preservation.status" || /extensions/.test(e.target.name)) drawTimeline();
    saveDraft();
  });

  form.addEventListener("click", (e) => {
    const add = e.target.closest("[data-add]");
    const remove = e.target.closest("[data-remove]");
    if (add) {
      const li = addRow(form, add.dataset.add, rowOpts());
      li.querySelector("input,select,textarea")?.focus();
    } else if (remove) {
      const key = remove.dataset.remove;
      const li = remove.closest("li");
      const ol = li.parentElement;
      const i = [...ol.children].indexOf(li);
      removeRow(form, key, i, { t });
      if (ol.children.length < ROWS[key].min) setRowCount(form, key, ROWS[key].min, rowOpts());
      const next = (ol.children[i] ?? ol.children[i - 1])?.querySelector("input,select,textarea");
      (next ?? form.querySelector(`[data-add="${key}"]`)).focus();
    } else return;
    state.handle?.validate();
    drawTimeline();
    saveDraft();
  });

  // The binding stops a submit that has errors before this runs; anything that reaches here is sendable.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    flushDraft();
    const r = state.handle?.report;
    $("submit-result").textContent = t(!r ? "submit.unchecked" : r.counts.error ? "submit.blocked" : "submit.ok");
  });

  $("load-sample").addEventListener("click", () => { if ($("sample").value) loadSample($("sample").value); });
  $("as-of").addEventListener("change", () => {
    const v = $("as-of").value;
    state.asOf = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
    saveDraft({ now: true });
    recheck();
  });
  $("as-of-today").addEventListener("click", () => {
    state.asOf = null;
    $("as-of").value = localToday();
    saveDraft({ now: true });
    recheck();
  });
  for (const r of document.querySelectorAll('input[name="ui-locale"]')) {
    r.addEventListener("change", () => {
      if (!r.checked) return;
      setLocale(r.value);
      retitleSamples();
      saveDraft({ now: true });
      recheck();
    });
  }
  $("export").addEventListener("click", exportJson);
  $("import").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) await importJson(file);
  });
  $("clear").addEventListener("click", () => askClear(true));
  $("clear-no").addEventListener("click", () => askClear(false));
  $("clear-yes").addEventListener("click", clearForm);
  $("clear-confirm").addEventListener("keydown", (e) => { if (e.key === "Escape") askClear(false); });

  addEventListener("pagehide", flushDraft);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flushDraft(); });
}

/* ------------------------------------------------------------------ start */

async function main() {
  const draft = readDraft();
  setLocale(draft?.locale ?? (navigator.language?.startsWith("fr") ? "fr" : "en"));
  if (draft) {
    applySnapshot(draft);
    if (!isEmptyModel(draft.form ?? {})) say("draft.restored", { time: draft.savedAt ? new Date(draft.savedAt).toTimeString().slice(0, 5) : "" });
  } else {
    applySnapshot({ form: {} });
  }
  wire();
  let width = 0;
  new ResizeObserver(([e]) => {
    const w = Math.round(e.contentRect.width);
    if (w !== width) { width = w; drawTimeline(); }
  }).observe($("timeline"));
  await loadSamples();
  retitleSamples();
  await startChecking();
  document.documentElement.dataset.ready = "true";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js").catch((e) => console.warn("offline mode unavailable", e));
  }
}

main();
