// Marks on the controls (contract §8): an `aria-describedby` token pointing at a message element,
// `aria-invalid` for errors, `setCustomValidity` when errors block. Frameworks own these
// attributes too: the binding adds and removes only its own token, and restores `aria-invalid`
// only where the value is still the one it set.

const tokens = (v) => (v ? v.split(/\s+/).filter(Boolean) : []);

/** Is the control shown? Hidden controls are never marked (§8). */
export const shown = (el) =>
  el.type != "hidden" && !el.closest("[hidden]") && (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);

export function marker({ block }) {
  const state = new Map(); // control -> { d: had aria-describedby, i: aria-invalid before ours, mine, cv, id }

  function addToken(c, id) {
    const t = tokens(c.getAttribute("aria-describedby"));
    if (!t.includes(id)) c.setAttribute("aria-describedby", [...t, id].join(" "));
  }
  function dropToken(c, s) {
    const v = c.getAttribute("aria-describedby");
    const t = tokens(v).filter((x) => x != s.id);
    if (t.length) {
      const next = t.join(" ");
      if (next != v) c.setAttribute("aria-describedby", next);
    } else if (s.d == null) c.removeAttribute("aria-describedby");
    else if (v != s.d) c.setAttribute("aria-describedby", s.d); // it had one, e.g. "": as found
  }
  function releaseInvalid(c, s) {
    if (s.mine && c.getAttribute("aria-invalid") == "true") {
      if (s.i == null) c.removeAttribute("aria-invalid");
      else c.setAttribute("aria-invalid", s.i);
    }
    s.mine = false;
  }

  /** Points `c` at message `id`; `error` is the text of its errors ("" for a warning or info). */
  function mark(c, id, error) {
    let s = state.get(c);
    if (!s) state.set(c, (s = { d: c.getAttribute("aria-describedby"), i: null, mine: false, cv: false, id }));
    if (s.id != id) (dropToken(c, s), (s.id = id));
    addToken(c, id);
    if (error) {
      const now = c.getAttribute("aria-invalid");
      if (now != "true") {
        s.i = now;
        c.setAttribute("aria-invalid", "true");
        s.mine = true;
      } // else already "true": ours from before, or someone else's, which stays theirs
    } else releaseInvalid(c, s);
    if (block && (error || s.cv)) {
      c.setCustomValidity(error);
      s.cv = !!error;
    }
  }

  function unmark(c) {
    const s = state.get(c);
    if (!s) return;
    dropToken(c, s);
    releaseInvalid(c, s);
    if (s.cv) c.setCustomValidity("");
    state.delete(c);
  }

  return { mark, unmark, marked: () => [...state.keys()], has: (c) => state.has(c) };
}
