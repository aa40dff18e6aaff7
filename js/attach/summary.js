// The summary (contract §8): counts, a list of findings (links to their controls) and a polite
// live region. Updated by key: an entry whose finding did not change is not touched, so a
// keystroke that changes nothing costs no layout, and one that flips a finding touches one <li>.

const RANK = { info: 1, warning: 2, error: 3 };
const TEXT = {
  en: [["Error", "errors"], ["Warning", "warnings"], ["Note", "notes"], "No problems found", ": "],
  // French puts a (no-break) space before the colon.
  fr: [["Erreur", "erreurs"], ["Avertissement", "avertissements"], ["Information", "informations"], "Aucun problème", "\u00a0: "],
};
export const langOf = (locale) => (/^fr/i.test(locale) ? "fr" : "en");

export const make = (tag, cls, text) => {
  const e = document.createElement(tag);
  e.className = cls;
  if (text) e.textContent = text;
  return e;
};

/** Sets an element's text as the data of its one text node (a childList change costs more). */
export function setText(el, text) {
  const n = el.firstChild;
  if (n && n.nodeType == 3 && !n.nextSibling) {
    if (n.data != text) n.data = text;
  } else el.textContent = text;
}

export function countText(counts, lang) {
  const t = TEXT[lang];
  const parts = ["error", "warning", "info"].map((k, i) => {
    const n = counts[k];
    return n ? n + " " + (n > 1 ? t[i][1] : t[i][0].toLowerCase()) : "";
  });
  return parts.filter(Boolean).join(", ") || t[3];
}

/** The default summary element of a form: inside it, named by its id, or the page's only one. */
export function findSummary(form) {
  const doc = form.ownerDocument;
  return (
    form.querySelector("[data-marcheck-summary]") ||
    (form.id && doc.querySelector(`[data-marcheck-summary="${CSS.escape(form.id)}"]`)) ||
    (doc.forms.length < 2 && doc.querySelector("[data-marcheck-summary]")) ||
    null
  );
}

/**
 * Builds the summary in `host` (or only the live region, in `fallback`, when there is no host).
 * `onLink(field)` runs when a finding's link is followed. Returns { box, update, announce, remove }.
 */
export function summary(host, fallback, onLink, listen) {
  const box = host ? make("div", "marcheck-summary") : null;
  const counts = make("p", "marcheck-counts");
  const list = make("ul", "marcheck-list");
  const live = make("div", "marcheck-live");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  Object.assign(live.style, { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" });
  if (box) {
    box.tabIndex = -1;
    box.append(counts, list, live);
    host.append(box);
    listen(box, "click", (e) => {
      const a = e.target.closest("a[data-field]");
      if (!a) return;
      e.preventDefault();
      onLink(a.dataset.field);
    });
  } else fallback.append(live);

  const entries = new Map(); // key -> { li, sig }
  // Entries taken out of the list, kept for a finding that comes back (typing "@" and taking it
  // back flips one finding): put back as they are, not built again. The 32 last ones.
  const spare = new Map();
  let countsText, lang;

  function entry(f, linked, t) {
    const li = make("li", "marcheck-" + f.severity);
    const msg = make(linked ? "a" : "span", "marcheck-text", f.message);
    if (linked) {
      msg.href = "#";
      msg.dataset.field = f.field;
    }
    li.dataset.code = f.code;
    li.append(make("span", "marcheck-severity", t[3 - (RANK[f.severity] || 1)][0] + t[4]), msg);
    if (f.help) li.append(make("span", "marcheck-help", " " + f.help));
    return li;
  }

  /** Shows `findings` (in order) and `counts`; `linked(field)` says whether a finding has a link. */
  function update(findings, c, language, linked) {
    if (!box) return;
    if (language != lang) {
      lang = language;
      for (const e of entries.values()) e.li.remove();
      entries.clear();
      spare.clear();
      shown = null;
    }
    const t = TEXT[lang];
    const text = countText(c, lang);
    if (text != countsText) setText(counts, (countsText = text));
    // A keystroke that changes no finding (the common case) touches nothing, and builds nothing.
    if (unchanged(findings, linked)) return;
    const seen = new Map(), next = new Map();
    for (const f of findings) {
      const base = f.code + "\u0000" + f.field;
      const n = (seen.get(base) || 0) + 1;
      seen.set(base, n);
      const key = base + "\u0000" + n;
      const link = linked(f.field);
      const sig = f.severity + "\u0000" + f.message + "\u0000" + f.help + "\u0000" + link;
      let e = entries.get(key) || spare.get(key);
      spare.delete(key);
      if (e && e.sig != sig) {
        const li = entry(f, link, t);
        e.li.replaceWith(li);
        e = { li, sig };
      } else if (!e) e = { li: entry(f, link, t), sig };
      next.set(key, e);
    }
    for (const [key, e] of entries)
      if (!next.has(key)) {
        e.li.remove();
        spare.delete(key);
        spare.set(key, e);
        if (spare.size > 32) spare.delete(spare.keys().next().value);
      }
    // Into place without reading the page: `entries` is in the list's order, so the entries kept
    // (a changed one was replaced where it stood) are in the list in that order, and each other
    // entry goes before the first kept one not yet passed or moved.
    const kept = [];
    for (const key of entries.keys()) if (next.has(key)) kept.push(next.get(key));
    const moved = new Set();
    let j = 0;
    for (const e of next.values()) {
      while (j < kept.length && moved.has(kept[j])) j++;
      if (kept[j] === e) j++;
      else list.insertBefore(e.li, j < kept.length ? kept[j].li : null), moved.add(e);
    }
    entries.clear();
    for (const [k, e] of next) entries.set(k, e);
    shown = findings.map((f) => ({ code: f.code, field: f.field, severity: f.severity, message: f.message, help: f.help, link: linked(f.field) }));
  }

  let shown = null; // what the list shows, one row per finding, in order
  function unchanged(findings, linked) {
    if (!shown || shown.length != findings.length) return false;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i], s = shown[i];
      if (f.code !== s.code || f.field !== s.field || f.severity !== s.severity || f.message !== s.message || f.help !== s.help || linked(f.field) !== s.link) return false;
    }
    return true;
  }

  let said, want, quiet = 0, timer = 0, on = true;
  /**
   * Announces a change in the counts once the typing pauses for a second (not every keystroke):
   * one timer at a time, which waits again while keystrokes keep coming (a timer set and cleared
   * on every keystroke cost more than the rest of the announcement).
   */
  function announce(c, language) {
    want = countText(c, language);
    said ??= want; // the first state is not news
    quiet = Date.now() + 1000;
    if (!timer && want != said) timer = setTimeout(speak, 1000);
  }
  function speak() {
    const left = quiet - Date.now();
    if (left > 0) return void (timer = setTimeout(speak, left));
    timer = 0;
    if (on && want != said) live.textContent = said = want;
  }

  function remove() {
    on = false;
    clearTimeout(timer);
    box?.remove();
    live.remove();
  }
  return { box, update, announce, remove };
}
