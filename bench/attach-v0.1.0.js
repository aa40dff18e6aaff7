// marcheck/attach: the drop-in binding (contract §8). Reads a <form> into the MAR model (§2),
// validates it with the wasm core while the officer types, and marks the controls.
// Fails open: if the module or the wasm cannot load, the form works exactly as before.
// No dependencies; every message is written with textContent, never as HTML.

const RANK = { info: 1, warning: 2, error: 3 };
const SEV = ["", "info", "warning", "error"];
const TEXT = {
  en: [["Error", "errors"], ["Warning", "warnings"], ["Note", "notes"], "No problems found", ": "],
  // French puts a (no-break) space before the colon.
  fr: [["Erreur", "erreurs"], ["Avertissement", "avertissements"], ["Information", "informations"], "Aucun problème", "\u00a0: "],
};
// A model path: dotted names with [index]es; a trailing [] asks for an array of values.
const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*(?:\[\])?$/;
const UNSAFE = /(?:^|\.)(?:__proto__|constructor|prototype)\b/;
const SKIP = /^(?:submit|reset|button|image)$/;
const attached = new WeakMap(); // form -> handle
const booting = new WeakSet();
let loading;
let uid = 0;

const warn = (...a) => console.warn("marcheck:", ...a);

/** Loads and initialises the core once; resolves to the module, or null (fail open). */
function load() {
  return (loading ||= (async () => {
    if (typeof WebAssembly != "object") throw new Error("this browser has no WebAssembly");
    // The .wasm is fetched while the glue module loads, not after it: one round trip less.
    const wasm = fetch(new URL("./marcheck_bg.wasm", import.meta.url));
    wasm.catch(() => {}); // a failure is reported where it is awaited, below
    const core = await import("./marcheck.js");
    await core.default({ module_or_path: wasm });
    return core;
  })().catch((e) => {
    warn("validation is off, the form works as before:", (e && e.message) || e);
    return null;
  }));
}

const make = (tag, cls, text) => {
  const e = document.createElement(tag);
  e.className = cls;
  if (text) e.textContent = text;
  return e;
};
const restore = (el, name, value) =>
  value == null ? el.removeAttribute(name) : el.setAttribute(name, value);
const split = (p) => p.match(/[^.[\]]+/g);
const isIndex = (s) => /^\d+$/.test(s);

/** The value of the controls that share one model path, as the core reads it (§2). */
function valueOf(ctrls, many) {
  const boxes = ctrls.filter((c) => c.type == "checkbox");
  if (boxes.length)
    return boxes.length > 1 || many ? boxes.filter((c) => c.checked).map((c) => c.value) : boxes[0].checked;
  const radios = ctrls.filter((c) => c.type == "radio");
  if (radios.length) return radios.find((c) => c.checked)?.value;
  const c = ctrls[0];
  if (c.type == "select-multiple") return [...c.selectedOptions].map((o) => o.value);
  if (c.type == "file") return c.files.length > 0;
  return ctrls.length > 1 || many ? ctrls.map((x) => x.value) : c.value;
}

function put(obj, segs, value) {
  for (let i = 0; i < segs.length - 1; i++) {
    const k = segs[i];
    if (!obj[k] || typeof obj[k] != "object") obj[k] = typeof segs[i + 1] == "number" ? [] : {};
    obj = obj[k];
  }
  if (value !== undefined) obj[segs[segs.length - 1]] = value;
}

function findSummary(form) {
  const doc = form.ownerDocument;
  return (
    form.querySelector("[data-marcheck-summary]") ||
    (form.id && doc.querySelector(`[data-marcheck-summary="${CSS.escape(form.id)}"]`)) ||
    (doc.forms.length < 2 && doc.querySelector("[data-marcheck-summary]")) ||
    null
  );
}

/**
 * Attaches marcheck to a form. Resolves to a handle; if the core cannot load, to an inert
 * handle (the form keeps working unvalidated) after a console warning.
 */
export async function attach(form, opts = {}) {
  if (!form || form.tagName != "FORM") throw new TypeError("marcheck: attach() needs a <form> element");
  const core = await load();
  if (!core) return { active: false, report: null, validate: () => null, detach() {} };
  core.validate({}, opts.options ?? {}); // bad options throw here, before anything is changed
  attached.get(form)?.detach();

  const { fields = {}, on = "input", blockSubmit = true, onReport } = opts;
  const block = blockSubmit !== false;
  const doc = form.ownerDocument;
  const id = ++uid;
  const ac = new AbortController();
  const listen = (target, type, fn, capture) =>
    target.addEventListener(type, (e) => {
      try {
        fn(e);
      } catch (err) {
        warn(err);
      }
    }, { capture, signal: ac.signal });

  // fields: model path -> control name; "accounts[*].value": "acct_*" maps indexed rows.
  const exact = new Map(), patterns = [];
  for (const [path, name] of Object.entries(fields)) {
    if (path.includes("[*]")) {
      const re = String(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\*/g, "(\\d+)");
      patterns.push([new RegExp("^" + re + "$"), path]);
    } else exact.set(String(name), path);
  }
  const pathOf = (el) => {
    const n = el.name;
    if (el.dataset.marcheckField) return el.dataset.marcheckField;
    if (exact.has(n)) return exact.get(n);
    for (const [re, path] of patterns) {
      const m = re.exec(n);
      let i = 1;
      if (m) return path.replace(/\[\*\]/g, () => "[" + m[i++] + "]");
    }
    return Object.hasOwn(fields, n) ? null : n; // that path is mapped to another control
  };

  let active = true, report = null, current = { byPath: new Map() }, byField = new Map();
  let touched = new WeakSet(), dirty = new WeakSet(), submitted = false, queued = false, failed = false;
  let timer = 0, said, lastSig;
  const state = new Map(); // control -> what it had before we marked it
  const messages = new Map(); // first control of a group -> message element
  const changedNoValidate = block && !form.noValidate;
  if (changedNoValidate) form.noValidate = true; // we run the native checks ourselves on submit

  /** Re-reads every control (rows may come and go), builds the nested model. */
  function read() {
    const groups = new Map();
    for (const el of form.elements) {
      if (!el.matches("input,select,textarea") || SKIP.test(el.type) || el.matches(":disabled")) continue;
      const p = pathOf(el);
      if (!p || !PATH.test(p) || UNSAFE.test(p)) continue;
      if (!groups.has(p)) groups.set(p, []);
      groups.get(p).push(el);
    }
    // Indexes are compacted (rows 0, 2 after removing row 1 become 0, 1), remembering each control.
    const seen = new Map();
    for (const p of groups.keys()) {
      let pre = "";
      for (const s of split(p)) {
        if (isIndex(s)) (seen.get(pre) || seen.set(pre, new Set()).get(pre)).add(+s);
        pre += "/" + s;
      }
    }
    const rank = new Map();
    for (const [k, set] of seen) rank.set(k, new Map([...set].sort((a, b) => a - b).map((v, i) => [v, i])));
    const model = {}, byPath = new Map();
    for (const [p, ctrls] of groups) {
      let pre = "", path = "";
      const segs = split(p).map((s) => {
        const n = isIndex(s) ? rank.get(pre).get(+s) : s;
        path += isIndex(s) ? `[${n}]` : (path ? "." : "") + s;
        pre += "/" + s;
        return n;
      });
      byPath.set(path, ctrls);
      put(model, segs, valueOf(ctrls, p.endsWith("[]")));
    }
    return { model, byPath };
  }

  /**
   * The control a finding's field leads to: its own, else the first one under it, else an element
   * the page declares with `data-marcheck-anchor="field"` (e.g. the "add a row" button of an empty
   * list), else the same for the enclosing group (`preservation.extensions` -> `preservation`).
   */
  function target(field) {
    for (let f = field; f; f = f.replace(/(\.[^.[\]]+|\[\d+\])$/, "") || "") {
      const own = current.byPath.get(f);
      if (own) return own.find((c) => c.checked) || own[0];
      for (const [p, ctrls] of current.byPath) if (p.startsWith(f + "[") || p.startsWith(f + ".")) return ctrls[0];
      for (const el of form.querySelectorAll("[data-marcheck-anchor]")) if (el.dataset.marcheckAnchor == f) return el;
      if (!/[.[]/.test(f)) return;
    }
  }

  function mark(c, msgId, error) {
    let s = state.get(c);
    if (!s) state.set(c, (s = { d: c.getAttribute("aria-describedby"), i: c.getAttribute("aria-invalid") }));
    const d = (s.d ? s.d + " " : "") + msgId;
    if (c.getAttribute("aria-describedby") != d) c.setAttribute("aria-describedby", d);
    if (error) c.setAttribute("aria-invalid", "true");
    else restore(c, "aria-invalid", s.i);
    if (block && (error || s.cv)) {
      c.setCustomValidity(error);
      s.cv = !!error;
    }
  }

  function unmark(c) {
    const s = state.get(c);
    restore(c, "aria-describedby", s.d);
    restore(c, "aria-invalid", s.i);
    if (s.cv) c.setCustomValidity("");
    state.delete(c);
  }

  /** Marks the touched controls (all of them once a submit was tried) with their top findings. */
  function render() {
    const want = new Map(), keep = new Set();
    for (const [path, ctrls] of current.byPath) {
      const found = byField.get(path);
      if (!found || !(submitted || ctrls.some((c) => touched.has(c)))) continue;
      const top = Math.max(...found.map((f) => RANK[f.severity] || 0));
      if (!top) continue;
      const text = found.filter((f) => RANK[f.severity] == top).map((f) => f.message).join(" ");
      const key = ctrls[0];
      let m = messages.get(key);
      if (!m) {
        messages.set(key, (m = make("span", "")));
        m.id = `marcheck-${id}-${++uid}`;
      }
      const last = ctrls[ctrls.length - 1];
      const anchor = last.closest("label") || last; // not inside a label: it would join its name
      if (m.previousSibling != anchor) anchor.after(m);
      m.className = "marcheck-message marcheck-" + SEV[top];
      if (m.textContent != text) m.textContent = text;
      keep.add(key);
      for (const c of ctrls) want.set(c, [m.id, top == 3 ? text : ""]);
    }
    for (const [key, m] of messages) if (!keep.has(key)) (m.remove(), messages.delete(key));
    for (const c of [...state.keys()]) if (!want.has(c)) unmark(c);
    for (const [c, [msgId, error]] of want) mark(c, msgId, error);
  }

  const lang = () => (/^fr/i.test(opts.options?.locale) ? "fr" : "en");
  const countText = (counts) => {
    const t = TEXT[lang()];
    const parts = ["error", "warning", "info"].map((k, i) => {
      const n = counts[k];
      return n ? n + " " + (n > 1 ? t[i][1] : t[i][0].toLowerCase()) : "";
    });
    return parts.filter(Boolean).join(", ") || t[3];
  };

  // The summary: counts, a list of findings (links to the controls), a polite live region.
  const summary = "summary" in opts ? opts.summary : findSummary(form);
  const box = summary ? make("div", "marcheck-summary") : null;
  const counts = make("p", "marcheck-counts");
  const list = make("ul", "marcheck-list");
  const live = make("div", "marcheck-live");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  Object.assign(live.style, { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" });
  if (box) {
    box.tabIndex = -1;
    box.append(counts, list, live);
    summary.append(box);
    listen(box, "click", (e) => {
      const a = e.target.closest("a[data-field]");
      if (!a) return;
      e.preventDefault();
      target(a.dataset.field)?.focus();
    });
  } else form.append(live);

  function renderSummary(r) {
    if (!box) return;
    const t = TEXT[lang()];
    const sig = JSON.stringify([lang(), r.findings.map((f) => [f.severity, f.field, f.message, f.help, !!target(f.field)])]);
    if (sig == lastSig) return;
    lastSig = sig;
    counts.textContent = countText(r.counts);
    list.replaceChildren(
      ...r.findings.map((f) => {
        const li = make("li", "marcheck-" + f.severity);
        const link = target(f.field);
        const msg = make(link ? "a" : "span", "marcheck-text", f.message);
        if (link) {
          msg.href = "#";
          msg.dataset.field = f.field;
        }
        li.dataset.code = f.code;
        li.append(make("span", "marcheck-severity", t[3 - (RANK[f.severity] || 1)][0] + t[4]), msg);
        if (f.help) li.append(make("span", "marcheck-help", " " + f.help));
        return li;
      }),
    );
  }

  /** Announces a change in the counts once the typing pauses for a second (not every keystroke). */
  function announce(text) {
    said ??= text; // the first state is not news
    clearTimeout(timer);
    if (text != said) timer = setTimeout(() => active && (live.textContent = said = text), 1000);
  }

  function run() {
    if (!active) return report;
    try {
      current = read();
      const r = core.validate(current.model, opts.options ?? {});
      report = r;
      byField = new Map();
      for (const f of r.findings) {
        if (!byField.has(f.field)) byField.set(f.field, []);
        byField.get(f.field).push(f);
      }
      render();
      renderSummary(r);
      announce(countText(r.counts));
    } catch (e) {
      if (!failed) warn("validation failed, the form works as before:", (e && e.message) || e);
      failed = true;
      return null;
    }
    if (onReport)
      try {
        onReport(report);
      } catch (e) {
        (globalThis.reportError || console.error)(e);
      }
    form.dispatchEvent(new CustomEvent("marcheck:report", { detail: report, bubbles: true }));
    return report;
  }

  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      run();
    });
  };
  const mine = (e) => e.target && e.target.form === form;

  // Delegated on the document (capture): rows added later and controls with form="..." count too.
  listen(doc, "input", (e) => {
    if (!mine(e)) return;
    dirty.add(e.target);
    if (on == "input") schedule();
  }, true);
  listen(doc, "change", (e) => {
    if (!mine(e)) return;
    touched.add(e.target);
    if (on != "blur") schedule();
  }, true);
  listen(doc, "focusout", (e) => {
    if (!mine(e)) return;
    if (dirty.has(e.target)) touched.add(e.target);
    schedule();
  }, true);
  listen(form, "submit", (e) => {
    if (e.submitter?.formNoValidate) return; // a "save draft" button: no checks, native or ours
    submitted = true;
    const r = run();
    const stop = () => (e.preventDefault(), e.stopImmediatePropagation());
    if (block && r && r.counts.error > 0) {
      stop();
      box?.focus();
      if (doc.activeElement != box)
        for (const ctrls of current.byPath.values()) // the first invalid control, in form order
          if (ctrls[0].getAttribute("aria-invalid") == "true") return ctrls[0].focus();
    } else if (changedNoValidate && !form.checkValidity()) {
      stop();
      form.reportValidity(); // the portal's own native constraints, as the browser would have
    }
  }, true);
  listen(form, "reset", () =>
    setTimeout(() => {
      touched = new WeakSet();
      dirty = new WeakSet();
      submitted = false;
      run();
    }),
  );

  function detach() {
    if (!active) return;
    active = false;
    ac.abort();
    clearTimeout(timer);
    for (const c of [...state.keys()]) unmark(c);
    for (const m of messages.values()) m.remove();
    messages.clear();
    box?.remove();
    live.remove();
    if (changedNoValidate) form.noValidate = false;
    if (attached.get(form) == handle) attached.delete(form);
  }

  const handle = {
    get active() {
      return active;
    },
    get report() {
      return report;
    },
    validate: run,
    detach,
  };
  attached.set(form, handle);
  run();
  return handle;
}

// Declarative use: <form data-marcheck> attaches when this module loads, and when added later.
// data-marcheck-options='{"asOf":"2026-11-20"}', data-marcheck-on="change",
// data-marcheck-block-submit="false" configure it.
function boot(form) {
  if (attached.has(form) || booting.has(form)) return;
  booting.add(form);
  const d = form.dataset;
  let options;
  try {
    options = d.marcheckOptions ? JSON.parse(d.marcheckOptions) : undefined;
  } catch {
    return warn("data-marcheck-options is not JSON; the form is not validated");
  }
  attach(form, { options, on: d.marcheckOn || "input", blockSubmit: d.marcheckBlockSubmit != "false" })
    .catch((e) => warn((e && e.message) || e))
    .finally(() => booting.delete(form));
}

if (typeof document == "object") {
  const scan = (node) => {
    if (node.nodeType != 1) return;
    if (node.matches("form[data-marcheck]")) boot(node);
    node.querySelectorAll("form[data-marcheck]").forEach(boot);
  };
  const start = () => {
    scan(document.documentElement);
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(scan))).observe(document, {
      childList: true,
      subtree: true,
    });
  };
  if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
}
