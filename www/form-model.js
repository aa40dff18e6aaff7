// The MAR form <-> the contract's form model (contract §2).
// Control names are the model paths ("accounts[0].value"), which is also how the binding maps
// them by default. Repeatable rows (accounts, offences, extensions, NCMEC reports) are built from
// the page's <template id="row-KEY"> elements and re-indexed whenever one is removed.

/**
 * What this page accepts from a draft or an imported file, stated once. Beyond any of these it
 * refuses the whole thing before building a row, so nothing can freeze or break the page.
 * - rows: the core reads at most this many rows of a list (MAX_ROWS in src/form/read.rs);
 * - depth: the core reads at most this many levels of nesting (MAX_DEPTH in src/lib.rs);
 * - text: the longest text in one field, in characters (about 1 MB);
 * - fileBytes: the largest file imported (5 MB), checked before it is read.
 */
export const LIMITS = Object.freeze({ rows: 200, depth: 64, text: 1 << 20, fileBytes: 5 << 20 });

import { isoFromShown, shownFromIso } from "./dates.js";

/** The repeatable lists: model path -> rows always shown. */
export const ROWS = {
  "case.offences": { min: 1 },
  accounts: { min: 1 },
  "preservation.extensions": { min: 0 },
  "csam.ncmecReports": { min: 0 },
};

/** "preservation.extensions[1].requestedOn" -> ["preservation", "extensions", 1, "requestedOn"] */
export function parsePath(path) {
  const out = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return null;
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function getIn(obj, keys) {
  let v = obj;
  for (const k of keys) {
    if (v == null || typeof v !== "object") return undefined;
    v = v[k];
  }
  return v;
}

function setIn(obj, keys, value) {
  let o = obj;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) { o[k] = value; return; }
    if (o[k] == null || typeof o[k] !== "object") o[k] = typeof keys[i + 1] === "number" ? [] : {};
    o = o[k];
  });
}

const list = (form, key) => form.querySelector(`[data-list="${key}"]`);
const rowName = (key, i, sub) => (sub ? `${key}[${i}].${sub}` : `${key}[${i}]`);
const idOf = (name) => "f-" + name.replace(/[.[\]]+/g, "-").replace(/-$/, "");

/** Gives row i of a list its names, ids, label targets and number. */
function indexRow(li, key, i, t) {
  li.dataset.index = String(i);
  li.querySelectorAll(".row-n").forEach((n) => { n.textContent = String(i + 1); });
  li.querySelectorAll("[data-name]").forEach((el) => {
    const name = rowName(key, i, el.dataset.name);
    el.name = name;
    el.id = idOf(name);
    const label = el.closest(".field")?.querySelector("label");
    if (label) label.htmlFor = el.id;
  });
  const remove = li.querySelector(".btn-remove");
  if (remove) {
    remove.dataset.remove = key;
    const legend = li.querySelector("legend")?.textContent.replace(/\s+/g, " ").trim();
    const label = li.querySelector("label")?.textContent.trim();
    remove.setAttribute("aria-label", `${t ? t("remove") : "Remove"}: ${legend || `${label} ${i + 1}`}`);
  }
}

export function rowCount(form, key) {
  return list(form, key).children.length;
}

/** Appends an empty row; returns its <li>. `translate(root)` localises the new row's text. */
export function addRow(form, key, { translate, t } = {}) {
  const ol = list(form, key);
  const li = newRow(key, ol.children.length, { translate, t });
  ol.append(li);
  return li;
}

/** Row i of a list, built from its template, named and translated, not yet on the page. */
function newRow(key, i, { translate, t } = {}) {
  const li = document.getElementById(`row-${key}`).content.firstElementChild.cloneNode(true);
  translate?.(li);
  indexRow(li, key, i, t);
  return li;
}

/** Removes row i and renames the rows after it, so the names stay dense: accounts[0..n). */
export function removeRow(form, key, i, { t } = {}) {
  const ol = list(form, key);
  ol.children[i]?.remove();
  [...ol.children].forEach((li, j) => indexRow(li, key, j, t));
}

/** Re-labels every row (after a language switch, the remove buttons' names change). */
export function reindexAll(form, { t } = {}) {
  for (const key of Object.keys(ROWS)) [...list(form, key).children].forEach((li, j) => indexRow(li, key, j, t));
}

export function setRowCount(form, key, n, opts) {
  const ol = list(form, key);
  n = Math.max(n, ROWS[key].min);
  while (ol.children.length > n) ol.lastElementChild.remove();
  // New rows are built off the page and added at once: one change to the page, not one per row.
  const rows = document.createDocumentFragment();
  for (let i = ol.children.length; i < n; i++) rows.append(newRow(key, i, opts));
  ol.append(rows);
}

/** Controls with a model name (everything inside the MAR form that has a name). */
function controls(form) {
  return [...form.elements].filter((el) => el.name && !el.disabled && el.type !== "submit" && el.type !== "button");
}

/** Reads the form into the contract's model. Empty text is left out; rows keep their positions. */
export function readModel(form) {
  const model = {};
  for (const key of Object.keys(ROWS)) {
    const n = rowCount(form, key);
    if (n > 0) setIn(model, parsePath(key), Array.from({ length: n }, () => (key === "csam.ncmecReports" ? "" : {})));
  }
  const groups = new Map();
  for (const el of form.querySelectorAll('input[type="checkbox"][name]')) groups.set(el.name, (groups.get(el.name) ?? 0) + 1);
  for (const el of controls(form)) {
    const keys = parsePath(el.name);
    if (!keys) continue;
    if (el.type === "checkbox") {
      if (groups.get(el.name) > 1) {
        const arr = getIn(model, keys) ?? [];
        if (el.checked) arr.push(el.value);
        setIn(model, keys, arr);
      } else if (el.checked) setIn(model, keys, true);
    } else if (el.type === "radio") {
      if (el.checked) setIn(model, keys, el.value);
    } else if (el.value.trim() !== "") {
      setIn(model, keys, el.type === "number" && Number.isFinite(el.valueAsNumber) ? el.valueAsNumber : el.dataset.date ? isoFromShown(el.value) : el.value);
    }
  }
  return prune(model);
}

/** Drops empty objects and empty checkbox groups; keeps row positions ({} or "" stay in arrays). */
function prune(v, inArray = false) {
  if (Array.isArray(v)) {
    const arr = v.map((x) => prune(x, true));
    return arr.length ? arr : undefined;
  }
  if (v && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (p !== undefined) o[k] = p;
    }
    return Object.keys(o).length || inArray ? o : undefined;
  }
  return v;
}

/** Fills the form from a model (a draft, an import or a sample). Unknown keys are ignored. */
export function writeModel(form, model, opts) {
  model = model && typeof model === "object" ? model : {};
  // A legal basis given as a string reads as its instrument (contract §2), so it is not lost here.
  if (typeof model.legalBasis === "string") model = { ...model, legalBasis: { instrument: model.legalBasis } };
  form.querySelectorAll("option[data-extra]").forEach((o) => o.remove());
  for (const key of Object.keys(ROWS)) {
    const arr = getIn(model, parsePath(key));
    setRowCount(form, key, Array.isArray(arr) ? arr.length : 0, opts);
  }
  for (const el of controls(form)) {
    const v = getIn(model, parsePath(el.name));
    if (el.type === "checkbox") {
      el.checked = Array.isArray(v) ? v.map(String).includes(el.value) : isTrue(v);
    } else if (el.type === "radio") {
      el.checked = v != null && String(v) === el.value;
    } else if (v == null || typeof v === "object") {
      el.value = "";
    } else {
      el.value = forControl(el, String(v));
    }
  }
  return model;
}

function isTrue(v) {
  return v === true || (typeof v === "string" && ["true", "on", "yes", "1"].includes(v.trim().toLowerCase())) || v === 1;
}

/** What a typed input can show: a date-time with an offset goes into datetime-local without it. */
function forControl(el, s) {
  if (el.tagName === "SELECT" && s !== "" && ![...el.options].some((o) => o.value === s)) {
    const o = new Option(s, s); // an unknown value stays visible (and the checker says what is wrong with it)
    o.dataset.extra = "";
    el.add(o);
  }
  if (el.type === "datetime-local" || el.dataset.date === "datetime-local") {
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(s.trim());
    const iso = m ? `${m[1]}T${m[2] ?? "00:00"}` : "";
    return el.dataset.date ? shownFromIso(iso) : iso;
  }
  if (el.dataset.date) return shownFromIso(s.trim());
  return s;
}

/** True when the form holds nothing an officer typed. Iterative: any nesting depth is safe. */
export function isEmptyModel(model) {
  const stack = [model];
  while (stack.length) {
    const v = stack.pop();
    if (v && typeof v === "object") for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push(x);
    else if (!(v === "" || v == null)) return false;
  }
  return true;
}

/**
 * The first way `value` goes beyond LIMITS, or null: { limit: "depth" | "rows" | "text", path, n }.
 * Iterative, and it looks at each value once, so it is bounded by the size of the input.
 */
export function checkLimits(value) {
  const stack = [[value, "", 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop();
    if (typeof v === "string") {
      if (v.length > LIMITS.text) return { limit: "text", path, n: v.length };
      continue;
    }
    if (!v || typeof v !== "object") continue;
    if (depth >= LIMITS.depth) return { limit: "depth", path, n: depth };
    if (Array.isArray(v)) {
      if (v.length > LIMITS.rows) return { limit: "rows", path, n: v.length };
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`, depth + 1]);
    } else {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], path ? `${path}.${entries[i][0]}` : entries[i][0], depth + 1]);
    }
  }
  return null;
}
