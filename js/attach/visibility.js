// Which controls are shown (contract §8: hidden controls are never marked; the "controls" scope
// holds only shown ones), known without asking the layout engine on the keystroke path. Reading
// layout (`checkVisibility()`, `getClientRects()`) after the page was written to forces the
// browser to run style and layout inside the binding's work; a ResizeObserver is told each
// control's size after the frame's own layout, for free. A control whose border box is empty is
// not shown (display: none on it or an ancestor, a closed <details>). Each control is read once,
// when the binding first sees it (a full read, before the run writes anything); from then on
// only the observer updates what is known, and `onChange(elements)` says what changed.

const read = (el) => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);

export function visibility(onChange) {
  const known = new WeakMap(); // element -> shown (the first read, then the observer's)
  const ro =
    typeof ResizeObserver == "function"
      ? new ResizeObserver((entries) => {
          const changed = [];
          for (const e of entries) {
            const box = e.borderBoxSize?.[0];
            const now = box ? box.inlineSize > 0 || box.blockSize > 0 : e.contentRect.width > 0 || e.contentRect.height > 0;
            if (known.get(e.target) !== now) {
              known.set(e.target, now);
              changed.push(e.target);
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

  return { watch, shown, stop: () => ro?.disconnect() };
}
