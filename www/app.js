// The demo portal: the MAR form, live checks through marcheck's drop-in binding, the
// preservation timeline, what-if controls, drafts that survive a reload, export/import, offline.
import { COUNTRIES, formatDate, plural, translate, translator } from "./i18n.js";
import { LIMITS, ROWS, addRow, checkLimits, isEmptyModel, readModel, reindexAll, removeRow, rowCount, setRowCount, writeModel } from "./form-model.js";
import { renderTimeline } from "./timeline.js";
import { dateValue, localizeDates, setDate } from "./dates.js";

const DRAFT_KEY = "marcheck-demo:draft";
const ASIDE_KEY = "marcheck-demo:draft-set-aside"; // a draft this page could not restore, kept until discarded
const $ = (id) => document.getElementById(id);
const form = $("mar");

const state = {
  locale: "en",
  asOf: null, // null: the browser's local date (the core's default)
  handle: null, // the binding's handle, once the package has loaded
  checking: "loading", // "loading" | "on" | "off" (the package could not load: the form works unchecked)
  live: null, // the module: { attach, providers, version }
  profiles: {},
  rules: [], // the core's rules(): [{ code, field, appliesTo }], to say which checks a request type gets
  report: null,
  status: null, // the last status message, re-said in a new language
  savedTime: null, // when the draft was last written ("14:03")
  actions: [], // the buttons after the status message: [{ id, label, run }]
  aside: null, // the text of a draft set aside (also in localStorage, if it fits)
  asideProblem: null, // why it was set aside, when that happened during this visit
  importing: false,
};

let t = translator(state.locale);

/* ------------------------------------------------------------------ helpers */

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const timeNow = () => new Date().toTimeString().slice(0, 5);
const rowOpts = () => ({ translate: (root) => (translate(root, state.locale), localizeDates(root, state.locale)), t });

/**
 * Says something in the status line, in the page's language (a param may be { en, fr }). `undo`
 * adds an Undo button; `actions` other buttons ([{ id, label, run }]). Each button works once.
 */
function say(key, params = {}, { undo, actions = [] } = {}) {
  state.status = { key, params };
  state.actions = undo ? [{ id: "undo", label: "undo", run: undo }] : actions;
  showStatus();
}

function showStatus() {
  const { key, params } = state.status;
  const text = document.createElement("span");
  const local = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v && typeof v === "object" ? v[state.locale] ?? v.en : v]));
  text.textContent = t(key, local);
  const parts = [text];
  for (const a of state.actions) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "btn btn-link";
    b.id = a.id;
    b.textContent = t(a.label);
    b.addEventListener("click", () => {
      if (!state.actions.includes(a)) return;
      state.actions = [];
      a.run();
    });
    parts.push(" ", b);
  }
  $("status").replaceChildren(...parts);
}

/** Words in both languages, so a message is re-said when the language changes. */
const both = (key, params = {}) => ({ en: translator("en")(key, pick(params, "en")), fr: translator("fr")(key, pick(params, "fr")) });
const pick = (params, locale) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v && typeof v === "object" ? v[locale] : v]));
const num = (n) => ({ en: n.toLocaleString("en"), fr: n.toLocaleString("fr") });
const size = (chars) => {
  const mb = Math.round((chars / (1 << 20)) * 10) / 10;
  return mb >= 0.1 ? { en: `${mb.toLocaleString("en")} MB`, fr: `${mb.toLocaleString("fr")} Mo` } : { en: `${Math.ceil(chars / 1024)} KB`, fr: `${Math.ceil(chars / 1024)} Ko` };
};

/** Why a draft or a file is refused: a problem from checkLimits(), or "json" (not JSON at all). */
function why(problem) {
  if (problem === "json") return both("limit.json");
  if (problem.limit === "rows") return both("limit.rows", { path: problem.path || "—", n: num(problem.n), max: LIMITS.rows });
  if (problem.limit === "text") return both("limit.text", { path: problem.path || "—", size: size(problem.n), max: size(LIMITS.text) });
  if (problem.limit === "depth") return both("limit.depth", { max: LIMITS.depth });
  return both("limit.other");
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

/**
 * The saved draft: { draft } when it can be restored, { raw, problem } when it cannot (not JSON,
 * or beyond LIMITS), or {} when there is none.
 */
function readDraft() {
  let raw = null;
  try { raw = localStorage.getItem(DRAFT_KEY); } catch { return {}; }
  if (raw == null) return {};
  let d;
  try { d = JSON.parse(raw); } catch { return { raw, problem: "json" }; }
  if (d === null) return {};
  if (typeof d !== "object" || Array.isArray(d)) return { raw, problem: { limit: "other" } };
  const problem = checkLimits(d);
  return problem ? { raw, problem } : { raw, draft: d };
}

/** Moves a draft that cannot be restored out of the way: the page starts empty, nothing is lost. */
function setAside(raw) {
  state.aside = raw;
  try {
    localStorage.removeItem(DRAFT_KEY);
    localStorage.setItem(ASIDE_KEY, raw);
  } catch { /* storage refused it: it stays in memory for this visit, and Download still works */ }
}

function storedAside() {
  try { return localStorage.getItem(ASIDE_KEY); } catch { return null; }
}

/** Says that a draft is set aside (and why, if it was just now), with Download and Discard. */
function sayAside(problem) {
  state.asideProblem = problem;
  const actions = [
    { id: "download-draft", label: "draft.download", run: downloadAside },
    { id: "discard-draft", label: "draft.discard", run: discardAside },
  ];
  if (problem) say("draft.setAside", { why: why(problem) }, { actions });
  else say("draft.stillAside", {}, { actions });
}

function downloadAside() {
  const raw = state.aside ?? storedAside();
  if (raw != null) download(new Blob([raw], { type: "application/json" }), `mar-set-aside-draft-${localToday()}.json`);
  sayAside(state.asideProblem); // the buttons stay: the officer may still discard it
}

function discardAside() {
  state.aside = null;
  try { localStorage.removeItem(ASIDE_KEY); } catch { /* nothing stored */ }
  say("draft.discarded");
}

/** Puts a whole state (form, asOf, locale) on the page. */
function applySnapshot(snap) {
  writeModel(form, snap.form ?? {}, rowOpts());
  state.asOf = typeof snap.asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(snap.asOf) ? snap.asOf : null;
  setDate($("as-of"), state.asOf ?? localToday());
  syncPage();
}

/* ------------------------------------------------------------------ language */

function setLocale(locale) {
  state.locale = locale === "fr" ? "fr" : "en";
  t = translator(state.locale);
  translate(document, state.locale);
  localizeDates(document, state.locale);
  for (const r of document.querySelectorAll('input[name="ui-locale"]')) r.checked = r.value === state.locale;
  reindexAll(form, { t });
  fillCountries();
  fillProfiles();
  if (state.status) showStatus();
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

/**
 * The name of a profile's source, short enough for the card: v1 gave one string, v2 one per fact
 * (the period's, else the name's, else the first); the name is what comes before its address.
 */
function sourceName(src) {
  const s = typeof src === "string" ? src
    : src && typeof src === "object" ? [src.periodDays, src.name, ...Object.values(src)].find((v) => typeof v === "string" && v.trim()) : "";
  const name = (s ?? "").split(/\s\(https?:|, archived/)[0].trim();
  return name.length > 140 ? `${name.slice(0, 139)}…` : name;
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
  if (known(p.maxExtensions)) terms.push(t(`profile.maxExt.${p.maxExtensions === 1 ? "one" : "other"}`, { n: p.maxExtensions }));
  if (known(p.maxTotalDays)) terms.push(t("profile.max", { n: p.maxTotalDays }));
  if (known(p.extensionLeadDays)) terms.push(t("profile.lead", { n: p.extensionLeadDays }));
  const words = [terms.join(", ") + "."];
  const notifies = { yes: t("yes"), no: t("no"), unknown: t("unknown") }[p.notifiesUser];
  if (notifies) words.push(t("profile.notifies", { v: notifies }));
  // The entity that holds this account holder's records (contract §4 facts.providerEntity).
  const entity = state.report?.facts?.providerEntity;
  if (entity?.legalEntity) words.push(t("profile.entity", { entity: entity.legalEntity, country: entity.country ?? "?" }));
  const source = sourceName(p.source);
  if (source) {
    const checked = /^\d{4}-\d{2}-\d{2}$/.test(p.checked ?? "") ? formatDate(state.locale, p.checked) : p.checked ?? "";
    words.push(t("profile.source", { source, checked }));
  }
  card.textContent = words.join(" ");
}

/* ------------------------------------------------------------------ the page reacting to the form */

const requestType = () => form.querySelector('input[name="requestType"]:checked')?.value ?? "";

/**
 * Emergency and CSAM details show when their box is ticked, or when they hold anything; the
 * emergency's also for an emergency disclosure (the emergency applies then, ticked or not).
 */
function syncDetails() {
  for (const box of form.querySelectorAll("[data-shown-by]")) {
    const ctl = form.elements.namedItem(box.dataset.shownBy);
    const filled = [...box.querySelectorAll("input,textarea,select")].some((c) =>
      c.type === "checkbox" || c.type === "radio" ? c.checked : c.value.trim() !== "");
    const byType = box.dataset.shownBy === "emergency.active" && requestType() === "emergency_disclosure";
    box.hidden = !(ctl?.checked || filled || byType);
  }
}

/** The form's groups, by the model paths they hold (a rule's field under one of them is a check of that group). */
const GROUPS = {
  "g-legal": ["legalBasis"], "g-authority": ["authority"], "g-case": ["case"], "g-provider": ["provider", "accounts"],
  "g-data": ["data"], "g-preservation": ["preservation"], "g-location": ["recordsLocation"], "g-emergency": ["emergency"],
  "g-notification": ["notification"], "g-csam": ["csam"],
};
const QUIET_FIELDS = ["requestedCountry", "case.nexus", "preservation.proofAttached", "preservation.necessity", "preservation.marToFollow", "notification.basis"];
const under = (field, prefix) => field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`);

/**
 * Says which request type the core checked (report.facts.requestType) and how many of its checks
 * apply to it (rules()[].appliesTo, contract §6.1); dims the groups none of them looks at. A
 * dimmed group keeps its values: it is still read, exported and saved.
 */
function showApplicability() {
  const line = $("checked-as");
  const type = state.checking === "on" ? state.report?.facts?.requestType : null;
  const applying = type ? state.rules.filter((r) => Array.isArray(r.appliesTo) && r.appliesTo.includes(type)) : [];
  line.hidden = !type;
  line.dataset.type = type ?? "";
  if (type) {
    const key = requestType() ? "checkedAs" : "checkedAs.default";
    line.textContent = t(key, { type: t(`requestType.${type}`), n: applying.length, total: state.rules.length });
  } else line.textContent = "";
  for (const [id, prefixes] of Object.entries(GROUPS)) {
    const group = $(id);
    const checked = !type || !state.rules.length || applying.some((r) => prefixes.some((p) => under(String(r.field ?? ""), p)));
    group.classList.toggle("not-checked", !checked);
    let note = group.querySelector(":scope > .not-checked-note");
    if (!checked && !note) {
      note = document.createElement("p");
      note.className = "not-checked-note";
      group.querySelector(":scope > legend").after(note);
    }
    if (note) {
      note.hidden = checked;
      note.textContent = checked ? "" : t("notChecked", { type: t(`requestType.${type}`) });
    }
  }
  // Within a checked group, a field that only other types' checks read (the requested country for
  // an emergency, Art. 29's statements for a formal MAR) is dimmed the same way. Only fields that
  // no rule reads but the ones naming them as their field (rules() gives one field per rule: the
  // preservation status, say, is read by many rules it is not the field of).
  for (const name of QUIET_FIELDS) {
    const ctl = form.elements.namedItem(name);
    const box = (ctl instanceof RadioNodeList ? ctl[0] : ctl)?.closest(".field, fieldset.sub");
    if (!box) continue;
    const readers = type ? state.rules.filter((r) => r.field === name) : [];
    const quiet = readers.length > 0 && !readers.some((r) => r.appliesTo?.includes(type)) && !box.closest(".group.not-checked");
    box.classList.toggle("not-checked", quiet);
    let note = box.querySelector(":scope > .not-checked-note");
    if (quiet && !note) {
      note = document.createElement("p");
      note.className = "not-checked-note";
      box.append(note);
    }
    if (note) {
      note.hidden = !quiet;
      note.textContent = quiet ? t("notCheckedField") : "";
    }
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
  showApplicability();
}

function extensionDates() {
  return [...form.querySelectorAll('[data-list="preservation.extensions"] input[data-name="requestedOn"]')].map(dateValue);
}

let timelineWidth = 0; // the timeline's width, from a ResizeObserver (0: not yet known)
function drawTimeline() {
  const status = form.querySelector('input[name="preservation.status"]:checked')?.value;
  renderTimeline($("timeline"), $("timeline-desc"), state.report?.facts ?? null,
    { status, extensions: extensionDates(), deadlines: state.deadlines, locale: state.locale, width: timelineWidth });
}

/* ------------------------------------------------------------------ deadlines (v3) */

/**
 * The form's deadlines from the core (contract §9: the same window facts as the report), listed
 * with their days left, overdue ones marked; the calendar file is the core's calendar().
 */
function showDeadlines() {
  const list = $("deadlines"), note = $("dl-state"), panel = document.querySelector(".deadlines");
  let items = [];
  if (state.live && state.report) {
    try { items = state.live.deadlines(readModel(form), attachOptions.options); } catch (e) { console.error(e); }
  }
  state.deadlines = items;
  const overdue = items.filter((d) => d.daysLeft < 0).length;
  panel.dataset.state = !state.report ? "off" : !items.length ? "none" : overdue ? "overdue" : "ok";
  note.textContent = !state.report ? t("dl.unavailable") : !items.length ? t("dl.none")
    : t(overdue ? "dl.someOverdue" : "dl.ahead");
  list.replaceChildren(...items.map((d) => {
    const li = document.createElement("li");
    li.className = d.daysLeft < 0 ? "dl-item dl-overdue" : d.daysLeft === 0 ? "dl-item dl-today" : "dl-item";
    li.dataset.kind = d.kind;
    li.dataset.on = d.on;
    const when = document.createElement("time");
    when.dateTime = d.on;
    when.className = "dl-date";
    when.textContent = formatDate(state.locale, d.on);
    const what = document.createElement("span");
    what.className = "dl-title";
    what.textContent = d.title;
    const left = document.createElement("span");
    left.className = "dl-left";
    left.textContent = d.daysLeftText;
    li.append(when, " ", what, " ", left);
    if (d.daysLeft < 0) {
      const tag = document.createElement("strong");
      tag.className = "dl-tag";
      tag.textContent = t("dl.overdue");
      li.append(" ", tag);
    }
    li.title = d.detail;
    return li;
  }));
  $("ics").disabled = !items.length;
}

function downloadCalendar() {
  if (!state.live || !state.deadlines?.length) return;
  const model = readModel(form);
  const text = state.live.calendar(model, attachOptions.options);
  const ref = String(model.case?.reference ?? "").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  const file = `mar-deadlines-${ref || localToday()}.ics`;
  download(new Blob([text], { type: "text/calendar;charset=utf-8" }), file);
  say("dl.saved", { file });
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
  showDeadlines();
  drawTimeline();
  showCounts();
  showApplicability();
  showProfile();
}

/* ------------------------------------------------------------------ the binding */

/**
 * What is handed to attach(). The binding reads `options` on every run (attach.d.ts); the v2
 * binding notices a change by the object itself (a new object starts a new session), so a new
 * language or as-of date is a new options object and a validate(): the fields the officer has
 * touched keep their marks.
 */
const attachOptions = { options: { locale: state.locale }, on: "input", blockSubmit: true, onReport };

/** Re-checks the form now, with the page's current language and as-of date. */
function recheck() {
  $("submit-result").textContent = "";
  // A French page writes its dates jj/mm/aaaa (www/dates.js): the checker reads them so.
  const dates = state.locale === "fr" ? { dateOrder: "dmy" } : {};
  attachOptions.options = state.asOf ? { locale: state.locale, asOf: state.asOf, ...dates } : { locale: state.locale, ...dates };
  state.handle?.validate();
  drawTimeline();
}

async function attachChecker() {
  try {
    recheck();
    const h = await state.live.attach(form, attachOptions);
    state.handle = h;
    state.checking = h.report ? "on" : "off"; // an inert handle: the core could not load
    if (!h.report) state.report = null;
    else state.report = h.report;
  } catch (e) {
    console.error(e);
    state.checking = "off";
    state.report = null;
  }
  showCounts();
  showDeadlines();
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
    state.rules = state.live.rules(state.locale) ?? [];
    $("version").textContent = t("foot.version", { version: state.live.version() });
  } catch (e) {
    console.warn(e);
  }
  fillProfiles();
  showApplicability();
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

function download(blob, file) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function exportJson() {
  const model = readModel(form);
  const ref = String(model.case?.reference ?? "").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  const file = `mar-${ref || "draft"}-${localToday()}.json`;
  download(new Blob([JSON.stringify(model, null, 2) + "\n"], { type: "application/json" }), file);
  say("draft.exported", { file });
}

const FORM_KEYS = new Set(["requestType", "requestingCountry", "requestedCountry", "submissionDate", "legalBasis", "authority", "case",
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

/**
 * Reads a file as text without holding the page: in pieces, as they arrive. Past a second, the
 * status line shows how far it got.
 */
async function readText(file) {
  if (typeof file.stream !== "function") return file.text();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const started = performance.now();
  let text = "", got = 0, shown = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    got += value.byteLength;
    const pct = Math.floor((100 * got) / Math.max(file.size, 1));
    if (performance.now() - started > 1000 && pct !== shown) {
      shown = pct;
      say("draft.reading", { file: file.name, pct });
    }
  }
  return text + decoder.decode();
}

async function importJson(file) {
  if (state.importing) return;
  if (file.size > LIMITS.fileBytes) {
    say("draft.tooBig", { file: file.name, size: size(file.size), max: size(LIMITS.fileBytes) });
    return;
  }
  state.importing = true;
  let json;
  try {
    json = JSON.parse(await readText(file));
  } catch { /* not JSON, or unreadable */ }
  state.importing = false;
  const snap = fromFile(json);
  if (!snap) { say("draft.importFailed", { file: file.name }); return; }
  const problem = checkLimits(snap.form);
  if (problem) { say("draft.importRefused", { file: file.name, why: why(problem) }); return; }
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
  state.aside = null;
  try {
    localStorage.removeItem(DRAFT_KEY);
    localStorage.removeItem(ASIDE_KEY);
  } catch { /* nothing stored */ }
  state.savedTime = null;
  showSaved();
  syncPage();
  recheck();
  say("draft.cleared", {}, { undo: () => restore(before) });
}

/* ------------------------------------------------------------------ events */

function wire() {
  // What "Check and send" said holds until the form changes. (Not on every report: the binding
  // also reports after the submit itself, once the page has answered it.)
  form.addEventListener("input", () => { $("submit-result").textContent = ""; syncCounters(); saveDraft(); });
  form.addEventListener("change", (e) => {
    syncDetails();
    if (e.target.name === "requestType") showApplicability();
    if (e.target.name === "provider.profile") showProfile();
    if (e.target.name === "preservation.status" || /extensions/.test(e.target.name)) drawTimeline();
    saveDraft();
  });

  form.addEventListener("click", (e) => {
    const add = e.target.closest("[data-add]");
    const remove = e.target.closest("[data-remove]");
    if (add) {
      // A list stops at the rows the core reads: a longer one would be refused as a draft.
      if (rowCount(form, add.dataset.add) >= LIMITS.rows) { say("rows.full", { max: LIMITS.rows }); return; }
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
    $("submit-result").textContent = "";
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
    const v = dateValue($("as-of"));
    state.asOf = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
    saveDraft({ now: true });
    recheck();
  });
  $("as-of-today").addEventListener("click", () => {
    state.asOf = null;
    setDate($("as-of"), localToday());
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
  $("ics").addEventListener("click", downloadCalendar);
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

/** "14:03" from a draft's savedAt, or null when it is missing or not a date. */
function savedTime(savedAt) {
  const d = typeof savedAt === "string" && savedAt ? new Date(savedAt) : null;
  return d && Number.isFinite(d.getTime()) ? d.toTimeString().slice(0, 5) : null;
}

/**
 * Restores the saved draft, or sets it aside when it cannot be: the page always starts, and
 * Clear form always works (the buttons are wired first).
 */
function restoreDraft() {
  const { draft, raw, problem } = readDraft();
  setLocale(typeof draft?.locale === "string" ? draft.locale : navigator.language?.startsWith("fr") ? "fr" : "en");
  if (problem) {
    applySnapshot({ form: {} });
    setAside(raw);
    sayAside(problem);
    return;
  }
  try {
    applySnapshot(draft ?? { form: {} });
  } catch (e) {
    console.warn("the saved draft could not be restored", e);
    setAside(raw);
    applySnapshot({ form: {} });
    sayAside({ limit: "other" });
    return;
  }
  // A draft set aside on an earlier visit is still waiting for Download or Discard: say so first.
  if (storedAside() != null) sayAside(null);
  else if (draft && !isEmptyModel(draft.form ?? {})) {
    const time = savedTime(draft.savedAt);
    if (time) say("draft.restored", { time });
    else say("draft.restoredNoTime");
  }
}

async function main() {
  wire();
  restoreDraft();
  new ResizeObserver(([e]) => {
    const w = Math.round(e.contentRect.width);
    if (w !== timelineWidth) { timelineWidth = w; drawTimeline(); }
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
