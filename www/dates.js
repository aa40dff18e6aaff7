// Date controls in the page's language (issue 16 item 6). A native <input type="date"> (or
// datetime-local) shows its date in the *browser's* format, whatever the page's language: a French
// page in an English (US) browser shows 12/04/2026 for 4 December. So on a French page the date
// controls are text controls written jj/mm/aaaa (04/12/2026; with the time, jj/mm/aaaa hh:mm), and
// the checker is told so (options.dateOrder "dmy", contract §3); on an English page they are the
// browser's own pickers. The form model (drafts, samples, exports) keeps ISO dates (YYYY-MM-DD,
// YYYY-MM-DDThh:mm) either way: converted here, at the control.
const DMY = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2}))?\s*$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;
const two = (s) => s.padStart(2, "0");

/** "4/12/2026" -> "2026-12-04", "4/12/2026 9:30" -> "2026-12-04T09:30"; else as typed. */
export function isoFromShown(s) {
  const m = DMY.exec(s ?? "");
  if (!m) return s ?? "";
  const day = `${m[3]}-${two(m[2])}-${two(m[1])}`;
  return m[4] ? `${day}T${two(m[4])}:${m[5]}` : day;
}

/** "2026-12-04" -> "04/12/2026", "2026-12-04T09:30" -> "04/12/2026 09:30"; else as it is. */
export function shownFromIso(s) {
  const m = ISO.exec(s ?? "");
  if (!m) return s ?? "";
  return `${m[3]}/${m[2]}/${m[1]}` + (m[4] ? ` ${m[4]}:${m[5]}` : "");
}

/** The ISO date a date control holds (what the model keeps), or its text as typed. */
export const dateValue = (el) => (el.dataset.date ? isoFromShown(el.value) : el.value);

/** Shows `iso` in a date control, in the control's current form. */
export function setDate(el, iso) {
  el.value = el.dataset.date ? shownFromIso(iso) : iso;
}

/** Puts every date control under `root` in the form `locale` writes dates in. */
export function localizeDates(root, locale) {
  for (const el of root.querySelectorAll('input[type="date"], input[type="datetime-local"], input[data-date]')) {
    const iso = dateValue(el);
    if (locale === "fr") {
      if (!el.dataset.date) {
        el.dataset.date = el.type === "datetime-local" ? "datetime-local" : "date";
        el.type = "text";
        el.placeholder = el.dataset.date === "date" ? "jj/mm/aaaa" : "jj/mm/aaaa hh:mm";
        el.inputMode = "numeric";
        el.autocomplete = "off";
      }
      el.value = shownFromIso(iso);
    } else if (el.dataset.date) {
      const typed = el.value, native = el.dataset.date;
      el.type = native;
      delete el.dataset.date;
      for (const a of ["placeholder", "inputmode", "autocomplete"]) el.removeAttribute(a);
      el.value = iso;
      // A date the native picker cannot hold (half typed) stays as typed, in a text control.
      if (el.value === "" && iso !== "") (el.dataset.date = native), (el.type = "text"), (el.value = typed);
    }
  }
}
