// Which controls are shown (contract §8: hidden controls are never marked; the "controls" scope
// holds only shown ones), known without asking the layout engine on the keystroke path. Reading
// layout (`checkVisibility()`, `getClientRects()`) after the page was written to forces the
// browser to run style and layout inside the binding's work; a ResizeObserver is told of each
// control's size change after the frame's own layout (being hidden or shown changes it), and
// the control is read again then, when layout is clean. Each control is read once when the
// binding first sees it (a full read, before the run writes anything); from then on only the
// observer's callbacks read it, and `onChange(elements)` says what changed.

const read = (el) => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);

export function visibility(onChange) {
  const known = new WeakMap(); // element -> shown (the first read, then the observer's callbacks')
  const watched = new Set();
  const ro =
    typeof ResizeObserver == "function"
      ? new ResizeObserver(() => {
          // Some control's size changed (being hidden or shown changes it): every watched one is
          // read again now, right after the frame's own layout (clean: reading it costs nothing
          // more), with the same test as the first read, so a control drawn 0×0 but shown stays
          // shown and one hidden with its step is seen even though its own size did not change.
          const changed = [];
          for (const el of watched) {
            if (!el.isConnected) {
              watched.delete(el);
              continue;
            }
            const now = read(el);
            if (known.get(el) !== now) {
              known.set(el, now);
              changed.push(el);
            }
          }
          if (changed.length) onChange(changed);
        })
      : null;

  /** Starts watching `els`: each new one is read once (call it before the run writes anything). */
  function watch(els) {
    for (const el of els) {
      if (known.has(el)) continue;
      known.set(el, read(el));
      watched.add(el);
      ro?.observe(el, { box: "border-box" });
    }
  }

  /**
   * Is `el` shown? `type="hidden"` and a `hidden` ancestor are seen in the DOM at once; the rest
   * is what the observer last said. Without an observer (an old browser), layout is read.
   */
  function shown(el) {
    if (el.type == "hidden" || el.closest("[hidden]")) return false;
    if (!ro) return read(el);
    if (!known.has(el)) watch([el]);
    return known.get(el);
  }

  return { watch, shown, stop: () => (ro?.disconnect(), watched.clear()) };
}
