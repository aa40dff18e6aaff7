// marcheck/attach: the drop-in binding (contract §8). Keeps the form in a core session while the
// officer types and marks the controls. Bundled into the one shipped module, pkg/attach.js, from:
//   read.js          reading the form (paths, values, the whole model)
//   marks.js         aria-describedby / aria-invalid / custom validity on the controls
//   summary.js       the list of findings, updated by key, and the live region
//   paths.js         model paths, merged values, the binding's scope over a report
//   visibility.js    which controls are shown, without reading layout on the keystroke path
//   index.js         the wiring: events, scope, scheduling, the handle, declarative use
// Fails open: if the module or the wasm cannot load, the form works exactly as before.
// No dependencies; every message is written with textContent, never as HTML.

import { mapper, readable, readForm, valueOf, put } from "./read.js";
import { marker } from "./marks.js";
import { visibility } from "./visibility.js";
import { summary as makeSummary, findSummary, langOf, make, setText } from "./summary.js";
import { clone, covers, mergeInto, narrow, segments } from "./paths.js";

const RANK = { info: 1, warning: 2, error: 3 };
const SEV = ["", "info", "warning", "error"];
const attached = new WeakMap(); // form -> handle
const booting = new WeakSet();
let loading;
let uid = 0;

const warn = (...a) => console.warn("marcheck:", ...a);

/**
 * Loads and initialises the core once; resolves to the module, or null (fail open). The core's
 * own init() is memoised: an app that calls it too (or loads marcheck/standard) shares the one
 * fetch of the .wasm.
 */
function load() {
  return (loading ||= (async () => {
    if (typeof WebAssembly != "object") throw new Error("this browser has no WebAssembly");
    const core = await import("./marcheck.js");
    await core.default();
    return core;
  })().catch((e) => {
    // Under a CSP without 'wasm-unsafe-eval' the browser's own text names only 'unsafe-eval':
    // say the fix a portal should make.
    const csp = /eval|CSP|Content.Security/i.test(e && e.message) ? ["— to run it, allow 'wasm-unsafe-eval' in script-src"] : [];
    warn("validation is off, the form works as before:", (e && e.message) || e, ...csp);
    return null;
  }));
}

/**
 * Attaches marcheck to a form. Resolves to a handle; if the core cannot load, to an inert
 * handle (the form keeps working unvalidated) after a console warning.
 */
export async function attach(form, opts = {}) {
  if (!form || form.tagName != "FORM") throw new TypeError("marcheck: attach() needs a <form> element");
  const core = await load();
  const inert = () => null;
  if (!core) return { active: false, report: null, validate: inert, set: inert, merge: inert, scope: inert, detach() {} };
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
  // Work waits for the end of its event's dispatch (every listener, a framework's too, has run):
  // the binding's own bubbling listeners on the window, the last stop of an event's path,
  // registered once, run it. An event that does not get there (a portal's stopPropagation) is
  // caught by the next event that does, or by a sweep on a timer: at most one timer per quarter
  // second while the officer types and, once such an event has been seen, one per event, run as
  // soon as its task is over. (A listener and a timer registered for every keystroke were a third
  // of a steady keystroke's JavaScript in Chromium: README, "The keystroke".) A submit, which the
  // binding may stop itself, always gets its timer. Work without an event: a microtask.
  const win = doc.defaultView;
  const waits = []; // [event, job, soon]
  let stray = false, sweeper = 0;
  const endOf = (e) => {
    for (let i = 0; i < waits.length; ) {
      const [ev, job, soon] = waits[i];
      if (ev !== e && ev.eventPhase) i++;
      else {
        waits.splice(i, 1);
        if (ev !== e && !soon) stray = true; // its dispatch ended without reaching the window
        // The browser's own event: run now (a microtask would run at once too). One dispatched
        // by a script: a microtask, once the script is done, so a burst of them makes one run.
        if (e.isTrusted) job();
        else queueMicrotask(job);
      }
    }
  };
  const sweep = () => {
    sweeper = 0;
    for (const [, job, soon] of waits.splice(0)) { // a timer's task: every dispatch is over
      if (!soon) stray = true;
      job();
    }
  };
  if (win) for (const t of ["input", "change", "focusout", "submit"]) listen(win, t, endOf);
  function afterDispatch(e, job, soon = false) {
    if (!e || !e.eventPhase) return queueMicrotask(job);
    if (!e.bubbles || !win) return setTimeout(job);
    waits.push([e, job, soon]);
    if (stray || soon) setTimeout(sweep);
    else sweeper ||= setTimeout(sweep, 250);
  }
  const pathOf = mapper(fields);
  const marks = marker({ block });
  // The session holds the form as the core sees it. `options` is read on each run (it may change),
  // so a changed options object gives a new session, fed again by a full read.
  let session = null, sessionOptions;
  const ensureSession = () => {
    const o = opts.options ?? {};
    if (session && sessionOptions === o) return false;
    session?.free();
    session = core.createSession((sessionOptions = o));
    return true;
  };

  let active = true, report = null, view = null;
  let page = { model: {}, groups: new Map(), byCtrl: new Map() };
  let extra = {}; // values set from code: h.merge(), h.set()
  let scopeSpec = opts.scope ?? "form", scopeTest = null, visible = null;
  let touched = new WeakSet(), dirty = new WeakSet(), submitted = false, failed = false;
  const outside = new Set(); // paths of controls the model does not have (warned about once)
  let structure = true; // the controls changed: read the whole form at the next run
  const pending = new Set(); // controls changed since the last run
  const newlyTouched = new Set();
  let renderAll = true;
  const shownMarks = new Map(); // group path -> { sig, m: message element, ctrls }
  // Message elements, one per group path, created when first needed and kept in place, with
  // their layout box: a later flip changes only their text (the data of one text node) and
  // classes. Inserting, removing or hiding (`hidden`, display: none) an element among a
  // fieldset's children makes Chromium rebuild the fieldset's layout tree: 70-150 ms per flip
  // with 200 rows of controls straight in one fieldset, against 2-5 ms for a text change
  // (measured 2026-12). An empty message keeps the class `marcheck-message` (so a portal's
  // `display` for it stays the same) and gets `marcheck-empty`; it has no text, so it takes no
  // room unless the portal gives `.marcheck-message` margins or padding (then
  // `.marcheck-empty { margin: 0; padding: 0 }` in its style sheet; an inline style here would
  // cost more than the rest of the flip).
  const messages = new Map(); // group path -> message element
  const ownMessages = new WeakSet();
  const EMPTY = "marcheck-message marcheck-empty";
  const emptyMessage = (m) => {
    if (m.className == EMPTY) return;
    setText(m, "");
    m.className = EMPTY;
  };
  // Shown or hidden (a wizard step, a <details>): told by a ResizeObserver after the frame's
  // layout; the groups of the controls that changed are marked again at the next run.
  const vis = visibility((els) => {
    if (!active) return;
    for (const el of els) newlyTouched.add(el);
    if (scopeSpec === "controls") rescope();
    schedule();
  });
  const shown = vis.shown;
  const targets = new Map(); // finding field -> control/anchor (cached until the controls change)
  const changedNoValidate = block && !form.noValidate;
  if (changedNoValidate) form.noValidate = true; // we run the native checks ourselves on submit

  /**
   * The control a finding's field leads to: its own, else the first one under it, else an element
   * the page declares with `data-marcheck-anchor="field"` (e.g. the "add a row" button of an empty
   * list), else the same for the enclosing group (`preservation.extensions` -> `preservation`).
   */
  function target(field) {
    if (targets.has(field)) return targets.get(field);
    let found;
    for (let f = field; f; f = f.replace(/(\.[^.[\]]+|\[\d+\])$/, "") || "") {
      const own = page.groups.get(f);
      if (own) {
        found = own.ctrls.find((c) => c.checked) || own.ctrls[0];
        break;
      }
      for (const [p, g] of page.groups) if (p.startsWith(f + "[") || p.startsWith(f + ".")) { found = g.ctrls[0]; break; }
      if (found) break;
      for (const el of form.querySelectorAll("[data-marcheck-anchor]")) if (el.dataset.marcheckAnchor == f) { found = el; break; }
      if (found || !/[.[]/.test(f)) break;
    }
    targets.set(field, found);
    return found;
  }

  // --- Scope (§8): which findings mark, list and block.
  /** The paths (and every path above them) of the controls and anchors `keep` accepts. */
  function pathsOf(keep) {
    const set = new Set();
    const add = (p) => {
      set.add(p);
      for (let f = p; /[.[]/.test(f); ) set.add((f = f.replace(/(\.[^.[\]]+|\[\d+\])$/, "")));
    };
    for (const [p, g] of page.groups) if (g.ctrls.some(keep)) add(p);
    for (const el of form.querySelectorAll("[data-marcheck-anchor]")) if (!el.matches(":disabled") && keep(el)) set.add(el.dataset.marcheckAnchor);
    return set;
  }
  function scoped(r) {
    const s = scopeSpec;
    if (s == null || s === "form") return r;
    if (!scopeTest) {
      if (s === "controls") {
        visible ??= pathsOf(shown);
        const v = visible;
        scopeTest = (f) => v.has(f);
      } else if (Array.isArray(s)) scopeTest = (f) => covers(s, f);
      else if (s && s.nodeType == 1) {
        const set = pathsOf((c) => s.contains(c));
        scopeTest = (f) => set.has(f);
      } else scopeTest = () => true;
    }
    return narrow(r, scopeTest);
  }
  const rescope = () => {
    scopeTest = null;
    visible = null;
    renderAll = true;
  };

  // --- Reading into the session.
  const valuesNow = () => {
    const v = typeof opts.values == "function" ? opts.values() : opts.values;
    return mergeInto(mergeInto({}, v && typeof v == "object" ? v : {}), extra);
  };
  /** The whole form: values from elsewhere, under the page's own controls (they win). */
  function fullRead() {
    page = readForm(form, pathOf);
    structure = false;
    // Visibility of every control and anchor, read once for the new ones, before this run writes.
    for (const g of page.groups.values()) vis.watch(g.ctrls);
    vis.watch(form.querySelectorAll("[data-marcheck-anchor]"));
    for (const [p, m] of messages) if (!page.groups.has(p) && !shownMarks.has(p)) (m.remove(), messages.delete(p));
    pending.clear();
    targets.clear();
    rescope();
    const base = valuesNow();
    for (const g of page.groups.values()) put(base, g.segs, clone(valueOf(g.ctrls, g.many)));
    ensureSession();
    return session.replace(base);
  }

  /** Sends what changed to the session; a full read when the controls changed. */
  function sync() {
    if (ensureSession()) structure = true;
    if (structure) return fullRead();
    let r = null;
    for (const c of pending) {
      const g = page.byCtrl.get(c);
      if (!g) {
        if (readable(c, pathOf)) return fullRead(); // a control the last read did not see
        continue;
      }
      if (!g.ctrls.every((x) => x.isConnected)) return fullRead();
      const v = valueOf(g.ctrls, g.many);
      put(page.model, g.segs, v);
      if (g.bad) continue;
      try {
        r = session.set(g.path, v);
      } catch (e) {
        // Not a model path (a portal's own field): the core reads nothing there. Skipped from
        // now on; said once.
        g.bad = true;
        if (!outside.has(g.path)) {
          outside.add(g.path);
          warn(`the control for "${g.path}" is not read:`, (e && e.message) || e);
        }
      }
    }
    pending.clear();
    return r || session.report();
  }

  // --- Marks (only what changed since the last run is touched).
  function render(byField) {
    const paths = new Set(shownMarks.keys());
    if (renderAll) for (const p of page.groups.keys()) paths.add(p);
    else {
      for (const f of byField.keys()) paths.add(f);
      for (const c of newlyTouched) {
        const g = page.byCtrl.get(c);
        if (g) paths.add(g.path);
      }
    }
    renderAll = false;
    newlyTouched.clear();
    for (const path of paths) {
      const g = page.groups.get(path);
      const had = shownMarks.get(path);
      const found = g && byField.get(path);
      let want = null;
      if (found && (submitted || g.ctrls.some((c) => touched.has(c)))) {
        const top = Math.max(...found.map((f) => RANK[f.severity] || 0));
        if (top) want = { top, text: found.filter((f) => RANK[f.severity] == top).map((f) => f.message).join(" ") };
      }
      const seen = want && g.ctrls.map((c) => (shown(c) ? 1 : 0));
      const sig = want && want.top + "\u0000" + want.text + "\u0000" + seen.join("");
      if (had && had.sig == sig && had.g == g) continue;
      if (!want) {
        if (had) {
          emptyMessage(had.m);
          for (const c of had.ctrls) marks.unmark(c);
          shownMarks.delete(path);
        }
        continue;
      }
      let m = had?.m || messages.get(path);
      if (!m) {
        m = make("span", EMPTY);
        m.append(doc.createTextNode(""));
        m.id = `marcheck-${id}-${++uid}`;
        ownMessages.add(m);
        messages.set(path, m);
      }
      const last = g.ctrls[g.ctrls.length - 1];
      const anchor = last.closest("label") || last; // not inside a label: it would join its name
      if (m.previousSibling != anchor) anchor.after(m); // once: the first time, or if the page moved it
      const cls = "marcheck-message marcheck-" + SEV[want.top];
      if (m.className != cls) m.className = cls;
      setText(m, want.text);
      if (had) for (const c of had.ctrls) if (!g.ctrls.includes(c)) marks.unmark(c);
      g.ctrls.forEach((c, i) => {
        if (seen[i]) marks.mark(c, m.id, want.top == 3 ? want.text : "");
        else marks.unmark(c); // hidden controls are never marked
      });
      shownMarks.set(path, { sig, m, g, ctrls: g.ctrls });
    }
  }

  // The summary, and its links: a cancelable marcheck:focus first (a wizard opens the step).
  const sum = makeSummary("summary" in opts ? opts.summary : findSummary(form), form, (field) => {
    const go = form.dispatchEvent(new CustomEvent("marcheck:focus", { detail: { field }, bubbles: true, cancelable: true }));
    if (go) target(field)?.focus();
  }, listen);
  const ourNodes = (n) => n == sum.box || ownMessages.has(n) || n.classList?.contains("marcheck-live");

  /** One validation: sync the session, mark, list, announce. Returns the report and its view. */
  function work(full) {
    if (!active) return null;
    try {
      if (full) structure = true;
      const r = sync();
      report = r;
      view = scoped(r);
      const byField = new Map();
      for (const f of view.findings) {
        if (!byField.has(f.field)) byField.set(f.field, []);
        byField.get(f.field).push(f);
      }
      render(byField);
      const lang = langOf(opts.options?.locale);
      sum.update(view.findings, view.counts, lang, (f) => !!target(f));
      sum.announce(view.counts, lang);
      return r;
    } catch (e) {
      if (!failed) warn("validation failed, the form works as before:", (e && e.message) || e);
      failed = true;
      return null;
    }
  }
  // A handle call made from inside onReport or a marcheck:report listener (h.set, h.merge,
  // h.scope, h.validate) is queued: its value reaches the session at once (the call returns the
  // session's report), and its marks and its own onReport follow once the current callbacks have
  // returned, so the callbacks never nest. A portal whose onReport sets a value on every report
  // would loop: after 20 rounds in a row the binding stops and says so.
  let emitting = false, again = null, rounds = 0;
  function emit() {
    if (!active || !report) return;
    emitting = true;
    try {
      if (onReport)
        try {
          onReport(report);
        } catch (e) {
          (globalThis.reportError || console.error)(e);
        }
      form.dispatchEvent(new CustomEvent("marcheck:report", { detail: report, bubbles: true }));
    } finally {
      emitting = false;
    }
    if (again) {
      const full = again.full;
      again = null;
      if (++rounds > 20) return (rounds = 0), warn("onReport changed the form on 20 reports in a row: stopped; the marks may be one step behind");
      run(full);
    }
    rounds = 0;
  }
  const run = (full) => {
    if (emitting) {
      again = { full: !!(full || again?.full) };
      if (full) structure = true;
      return active ? sync() : null;
    }
    const r = work(full);
    if (r) emit();
    return r;
  };

  // Events: work and callbacks run once the event's dispatch is over (§8, frameworks).
  let queued = false;
  const schedule = (e) => {
    if (queued) return;
    queued = true;
    afterDispatch(e, () => {
      queued = false;
      run();
    });
  };
  const mine = (e) => e.target && e.target.form === form;

  // Delegated on the document (capture): rows added later and controls with form="..." count too.
  listen(doc, "input", (e) => {
    if (!mine(e)) return;
    dirty.add(e.target);
    pending.add(e.target);
    if (on == "input") schedule(e);
  }, true);
  listen(doc, "change", (e) => {
    if (!mine(e)) return;
    pending.add(e.target);
    if (!touched.has(e.target)) (touched.add(e.target), newlyTouched.add(e.target));
    if (on != "blur") schedule(e);
  }, true);
  listen(doc, "focusout", (e) => {
    if (!mine(e)) return;
    if (dirty.has(e.target) && !touched.has(e.target)) (touched.add(e.target), newlyTouched.add(e.target));
    schedule(e);
  }, true);
  listen(form, "submit", (e) => {
    if (e.submitter?.formNoValidate) return; // a "save draft" button: no checks, native or ours
    if (!submitted) renderAll = true;
    submitted = true;
    if (scopeSpec === "controls") rescope(); // what is shown now decides
    const r = work();
    if (r) afterDispatch(e, emit, true);
    const stop = () => (e.preventDefault(), e.stopImmediatePropagation());
    if (block && r && view.counts.error > 0) {
      stop();
      sum.box?.focus();
      if (doc.activeElement != sum.box)
        for (const g of page.groups.values()) // the first invalid control, in form order
          for (const c of g.ctrls) if (marks.has(c) && c.getAttribute("aria-invalid") == "true") return c.focus();
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
      renderAll = true;
      run(true);
    }),
  );

  // Controls added, removed, renamed or disabled: read the whole form at the next run. A `hidden`
  // written (a wizard step): only the "controls" scope is recomputed. Shown or hidden by a class
  // or a style: the ResizeObserver says so after the frame's layout (visibility.js), so classes
  // and styles are not watched here (the binding's own class writes would be records too). The
  // binding's own nodes and attributes are not news.
  const CONTROL = "input,select,textarea,[data-marcheck-anchor]";
  const hasControl = (n) => n.nodeType == 1 && !ourNodes(n) && (n.matches(CONTROL) || !!n.querySelector(CONTROL));
  const observer = new MutationObserver((records) => {
    let changed = false, seen = false;
    // An attribute written with the value it had is no news: React writes `name` (and others)
    // again at every render, and a render follows every onReport that sets state. What counts is
    // the value before the batch's first record against the value now.
    const before = new Map(); // element -> Map(attribute -> value before this batch)
    for (const r of records) {
      if (r.type != "attributes") continue;
      const was = before.get(r.target) || before.set(r.target, new Map()).get(r.target);
      if (!was.has(r.attributeName)) was.set(r.attributeName, r.oldValue);
    }
    for (const r of records) {
      if ((sum.box && sum.box.contains(r.target)) || ourNodes(r.target)) continue;
      if (r.type == "childList") {
        if ([...r.addedNodes, ...r.removedNodes].some(hasControl)) changed = true;
      } else if (r.type == "attributes") {
        if (before.get(r.target).get(r.attributeName) === r.target.getAttribute(r.attributeName)) continue;
        if (/^(?:name|disabled|type|data-marcheck-field|data-marcheck-anchor)$/.test(r.attributeName)) changed = true;
        else seen = true; // hidden: what is shown
      }
    }
    if (changed) structure = true;
    if (seen && scopeSpec === "controls" && !changed) {
      rescope();
      schedule();
    }
    if (changed) schedule();
  });
  observer.observe(form, {
    childList: true, subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ["name", "disabled", "type", "data-marcheck-field", "data-marcheck-anchor", "hidden"],
  });

  function detach() {
    if (!active) return;
    active = false;
    ac.abort();
    clearTimeout(sweeper);
    waits.length = 0;
    observer.disconnect();
    vis.stop();
    for (const m of messages.values()) m.remove();
    messages.clear();
    shownMarks.clear();
    for (const c of marks.marked()) marks.unmark(c);
    sum.remove();
    session?.free();
    session = null;
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
    /** Re-reads the whole form and validates now. */
    validate: () => run(true),
    /** A value set from code (a path no control holds, or a control changed without an event). */
    set(path, value) {
      if (!active) return null;
      const segs = segments(path);
      if (!segs) throw new Error(`marcheck: "${path}" is not a model path`);
      // The core says whether it is a model path (it throws an Error if not: nothing is kept).
      if (ensureSession()) structure = true; // a new session: fed by a full read at the run below
      session.set(path, value);
      // A path no control holds is kept for later full reads; a control's path is the control's
      // again at its next event or read (the page's controls win).
      if (!page.groups.has(path)) put(extra, segs, clone(value));
      return run();
    },
    /** Values from elsewhere (earlier wizard steps, a draft); the page's controls win. */
    merge(partial) {
      if (!active) return null;
      mergeInto(extra, partial);
      return run(true);
    },
    /** Switches the scope: "form", "controls", a list of paths, or an element. */
    scope(next) {
      if (!active) return null;
      scopeSpec = next ?? "form";
      rescope();
      return run();
    },
    detach,
  };
  attached.set(form, handle);
  run(true);
  return handle;
}

// Declarative use: <form data-marcheck> attaches when this module loads, and when added later.
// data-marcheck-options='{"asOf":"2026-11-20"}', data-marcheck-on="change",
// data-marcheck-block-submit="false", data-marcheck-scope="controls" configure it.
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
  attach(form, {
    options,
    on: d.marcheckOn || "input",
    blockSubmit: d.marcheckBlockSubmit != "false",
    scope: d.marcheckScope || "form",
  })
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
