// The preservation timeline: an inline SVG drawn from the report's facts (contract §4 plus
// asOf and preservationWarningFrom) and the extension dates typed in the form, and the same
// story in words for screen readers. Nothing here computes a window: the core did, once.
import { formatDate, plural, translator } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const PAD = 16, BAR_Y = 70, BAR_H = 22, AXIS_Y = 116;
let W = 600; // the drawing is made at the figure's own width, so text keeps its size

const dayNo = (iso) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 864e5 : null;
};
const isoOf = (n) => new Date(n * 864e5).toISOString().slice(0, 10);

/** What the timeline shows, derived from the facts alone (also used by the words). */
export function timelineState(facts, { status, extensions = [] } = {}) {
  const f = facts ?? {};
  const start = dayNo(f.preservationStart), expiry = dayNo(f.preservationExpiresOn);
  const today = dayNo(f.asOf);
  const warnFrom = dayNo(f.preservationWarningFrom);
  const daysLeft = Number.isFinite(f.preservationDaysLeft) ? f.preservationDaysLeft
    : expiry != null && today != null ? expiry - today : null;
  const known = status !== "not_requested" && start != null && expiry != null;
  return {
    known,
    notRequested: status === "not_requested",
    start, expiry, today, warnFrom, daysLeft,
    lapsed: known && daysLeft != null && daysLeft <= 0,
    warnDays: warnFrom != null && expiry != null ? expiry - warnFrom : null,
    inWarning: known && daysLeft != null && daysLeft > 0 && today != null && warnFrom != null && today >= warnFrom,
    extensionsCounted: f.extensionsCounted ?? 0,
    extensions: extensions.map(dayNo).filter((d) => d != null),
    replyDue: dayNo(f.responseDueOn),
    submitted: dayNo(f.submissionDate),
  };
}

/** The timeline in words: "Preserved from 1 Sep 2026; expires 30 Nov 2026, 1 day after today. …" */
export function describeTimeline(facts, { status, extensions, locale = "en" } = {}) {
  const t = translator(locale);
  const s = timelineState(facts, { status, extensions });
  const d = (n) => formatDate(locale, isoOf(n));
  const days = (n) => t(`tl.day.${plural(locale, n)}`);
  if (s.notRequested) return t("tl.notRequested");
  if (!s.known) return t("tl.none");
  const parts = [];
  const today = t("tl.todayWord");
  let first = t("tl.preservedFrom", { start: d(s.start) }) + t("tl.sep");
  if (s.daysLeft > 0) first += t("tl.expiresIn", { expiry: d(s.expiry), n: s.daysLeft, days: days(s.daysLeft), today });
  else if (s.daysLeft === 0) first += t("tl.expiresToday", { expiry: d(s.expiry) });
  else first += t("tl.expired", { expiry: d(s.expiry), n: -s.daysLeft, days: days(-s.daysLeft), today });
  parts.push(first);
  if (s.extensionsCounted > 0) parts.push(t(`tl.extensions.${plural(locale, s.extensionsCounted)}`, { n: s.extensionsCounted }));
  if (s.lapsed) parts.push(t("tl.lapsedAdvice"));
  else if (s.inWarning) parts.push(t("tl.inWarning", { n: s.warnDays }));
  else if (s.warnFrom != null && s.warnDays > 0) parts.push(t("tl.warnFrom", { n: s.warnDays, date: d(s.warnFrom) }));
  if (status === "requested" && s.replyDue != null) parts.push(t("tl.replyBy", { date: d(s.replyDue) }));
  if (s.submitted != null) parts.push(t("tl.sentOn", { date: d(s.submitted) }));
  return parts.join(" ");
}

function el(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

// Label widths, measured with the labels' own font on a canvas (no page layout is read; a guess
// of 6.4 px a character cut French labels at the edge on a phone). FONT is .tl-svg's in style.css.
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
let ctx;
let size = 11; // the labels' font size: 11 px, 12 px on a narrow figure (.tl-narrow in style.css)
function textWidth(text, weight = 400) {
  ctx ??= globalThis.document?.createElement("canvas").getContext("2d") ?? null;
  if (!ctx) return text.length * size * 0.6;
  ctx.font = `${weight} ${size}px ${FONT}`;
  return ctx.measureText(text).width;
}

/** Places labels on the first of a few lines where they do not overlap (x is their centre). */
function placer(lines) {
  const taken = lines.map(() => []);
  return (x, text, weight) => {
    const w = textWidth(text, weight) + 8;
    const a = Math.max(2, Math.min(W - 2 - w, x - w / 2)), b = a + w;
    for (let i = 0; i < lines.length; i++) {
      if (taken[i].every(([p, q]) => b < p || a > q)) { taken[i].push([a, b]); return { y: lines[i], x: a + w / 2 }; }
    }
    return { y: lines[lines.length - 1], x: a + w / 2 };
  };
}

/**
 * Draws into `figure` (an element) and writes the words into `words` (an element). `width` is the
 * figure's width when the caller knows it (a ResizeObserver): reading clientWidth instead makes
 * the browser lay out the whole page at once, which a page holding a lot of text pays for.
 */
export function renderTimeline(figure, words, facts, { status, extensions = [], deadlines = [], locale = "en", width } = {}) {
  const t = translator(locale);
  const s = timelineState(facts, { status, extensions });
  W = Math.max(300, Math.round(width || figure.clientWidth || 600));
  const narrow = W < 480; // a phone: bigger labels, a third line for them below the axis
  size = narrow ? 12 : 11;
  words.textContent = describeTimeline(facts, { status, extensions, locale });
  figure.classList.toggle("tl-lapsed", s.lapsed);
  figure.classList.toggle("tl-warning", s.inWarning);
  figure.classList.toggle("tl-empty", !s.known);
  figure.dataset.state = !s.known ? "empty" : s.lapsed ? "lapsed" : s.inWarning ? "warning" : "ok";

  const H = narrow ? 188 : 170;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: narrow ? "tl-svg tl-narrow" : "tl-svg", "aria-hidden": "true", focusable: "false" });
  if (!s.known) {
    svg.append(el("rect", { x: PAD, y: BAR_Y, width: W - 2 * PAD, height: BAR_H, rx: 4, class: "tl-bar-empty" }));
    svg.append(el("text", { x: W / 2, y: BAR_Y + 15, "text-anchor": "middle", class: "tl-empty-text" },
      s.notRequested ? t("preservation.status.not_requested") : "?"));
    figure.replaceChildren(svg);
    return;
  }

  // (v3) The form's deadlines (the core's deadlines()), drawn as flags under the bar.
  const due = (deadlines ?? []).map((d) => ({ ...d, day: dayNo(d.on) })).filter((d) => d.day != null);
  // The figure is the preservation's: a deadline widens it by a month at most (a non-disclosure
  // period ending next year would crowd every other label). One further out is a flag at the
  // right edge, its date in its title; the Deadlines panel lists it as any other.
  const own = [s.start, s.expiry, s.today, s.replyDue, s.submitted, ...s.extensions].filter((d) => d != null);
  const reach = (own.length ? Math.max(...own) : -Infinity) + 30;
  const points = [...own, ...due.map((d) => Math.min(d.day, reach))].filter((d) => Number.isFinite(d));
  let lo = Math.min(...points), hi = Math.max(...points);
  const span = Math.max(hi - lo, 30);
  lo -= Math.round(span * 0.04) + 1; hi += Math.round(span * 0.04) + 1;
  const x = (d) => PAD + ((d - lo) / (hi - lo)) * (W - 2 * PAD);

  // Axis with month ticks.
  svg.append(el("line", { x1: PAD, x2: W - PAD, y1: AXIS_Y, y2: AXIS_Y, class: "tl-axis" }));
  const months = t("months").split(" ");
  const first = new Date(lo * 864e5);
  let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  const monthsSpan = (hi - lo) / 30;
  const every = monthsSpan > 30 ? 6 : monthsSpan > 14 ? 3 : monthsSpan > 7 ? 2 : 1;
  // A month's name is left out (its tick stays) where it would run into the one before: a
  // deadline far ahead widens the axis, and "janv. 2027" is wide on a phone.
  const monthWidth = (text) => { const was = size; size = 11; const w = textWidth(text); size = was; return w; };
  let lastEnd = -Infinity;
  for (; m.getTime() / 864e5 <= hi; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    if (m.getUTCMonth() % every) continue;
    const X = x(m.getTime() / 864e5);
    svg.append(el("line", { x1: X, x2: X, y1: AXIS_Y, y2: AXIS_Y + 5, class: "tl-tick" }));
    const label = m.getUTCMonth() === 0 || monthsSpan > 12 ? `${months[m.getUTCMonth()]} ${m.getUTCFullYear()}` : months[m.getUTCMonth()];
    const w = monthWidth(label);
    if (X + 3 < lastEnd + 6 || X + 3 + w > W - 2) continue;
    lastEnd = X + 3 + w;
    svg.append(el("text", { x: X + 3, y: AXIS_Y + 16, class: "tl-month" }, label));
  }

  // Today: a line under everything else, its tag drawn last.
  if (s.today != null) svg.append(el("line", { x1: x(s.today), x2: x(s.today), y1: 6, y2: AXIS_Y + 4, class: "tl-today" }));

  // The preservation bar: elapsed part solid, warning window shaded, red when lapsed.
  const xs = x(s.start), xe = x(s.expiry);
  svg.append(el("rect", { x: xs, y: BAR_Y, width: Math.max(xe - xs, 2), height: BAR_H, rx: 4, class: "tl-bar" }));
  if (!s.lapsed && s.warnFrom != null && s.warnFrom < s.expiry) {
    const xw = x(Math.max(s.warnFrom, s.start));
    svg.append(el("rect", { x: xw, y: BAR_Y, width: xe - xw, height: BAR_H, class: "tl-warn" }));
  }
  if (s.today != null && s.today > s.start) {
    const xt = Math.min(x(s.today), xe);
    svg.append(el("rect", { x: xs, y: BAR_Y, width: Math.max(xt - xs, 0), height: BAR_H, rx: 4, class: "tl-elapsed" }));
  }
  svg.append(el("rect", { x: xs, y: BAR_Y, width: Math.max(xe - xs, 2), height: BAR_H, rx: 4, class: "tl-bar-outline" }));
  if (!s.lapsed && s.warnFrom != null && s.warnFrom < s.expiry) { // the whole window, also where time has passed
    const xw = x(Math.max(s.warnFrom, s.start));
    svg.append(el("rect", { x: xw, y: BAR_Y + BAR_H + 3, width: xe - xw, height: 5, rx: 2, class: "tl-warn-strip" }));
  }

  // Labels above the bar (extensions, reply due, sent) on two lines; start and expiry below the axis.
  const above = placer([BAR_Y - 26, BAR_Y - 42]);
  const mark = (d, cls, text, shape) => {
    const X = x(d);
    svg.append(el("line", { x1: X, x2: X, y1: BAR_Y - 20, y2: BAR_Y + BAR_H, class: `tl-mark ${cls}` }));
    svg.append(shape === "diamond"
      ? el("path", { d: `M${X} ${BAR_Y - 6}l6 6-6 6-6-6z`, class: `tl-dot ${cls}` })
      : el("circle", { cx: X, cy: BAR_Y - 20, r: 4, class: `tl-dot ${cls}` }));
    const p = above(X, text, cls.includes("tl-ext-late") ? 600 : 400);
    svg.append(el("text", { x: p.x, y: p.y, "text-anchor": "middle", class: `tl-label ${cls}` }, text));
  };
  // Counted extensions each push the expiry on, so one counts exactly when it lies between the
  // start and the final expiry; one outside (asked too late, or before the start) is drawn hollow.
  s.extensions.forEach((d, i) => {
    const counted = d >= s.start && d <= s.expiry;
    mark(d, counted ? "tl-ext" : "tl-ext tl-ext-late", t(counted ? "tl.ext" : "tl.extLate", { n: i + 1 }), "diamond");
  });
  if (s.replyDue != null) mark(s.replyDue, "tl-reply", `${t("tl.replyDue")} ${formatDate(locale, isoOf(s.replyDue)).replace(/ \d{4}$/, "")}`);
  if (s.submitted != null) mark(s.submitted, "tl-sent", t("tl.submitted"));

  for (const d of due) {
    const X = x(Math.min(d.day, hi));
    const cls = (d.daysLeft < 0 ? "tl-dl tl-dl-overdue" : "tl-dl") + (d.day > hi ? " tl-dl-beyond" : "");
    const flag = el("path", { d: `M${X} ${BAR_Y + BAR_H + 10}l5 9h-10z`, class: cls, "data-kind": d.kind, "data-on": d.on });
    flag.append(el("title", {}, `${d.title}: ${formatDate(locale, d.on)} (${d.daysLeftText})`));
    svg.append(flag);
  }

  const below = placer(narrow ? [AXIS_Y + 36, AXIS_Y + 53, AXIS_Y + 70] : [AXIS_Y + 36, AXIS_Y + 52]);
  const foot = (d, cls, text) => {
    const X = x(d);
    svg.append(el("line", { x1: X, x2: X, y1: BAR_Y + BAR_H, y2: AXIS_Y + 22, class: `tl-foot ${cls}` }));
    const p = below(X, text, cls == "tl-end" ? 700 : 400);
    svg.append(el("text", { x: p.x, y: p.y, "text-anchor": "middle", class: `tl-label ${cls}` }, text));
  };
  foot(s.start, "tl-start", `${t("tl.start")} ${formatDate(locale, isoOf(s.start))}`);
  foot(s.expiry, "tl-end", `${t(s.lapsed ? "tl.lapsed" : "tl.expiry")} ${formatDate(locale, isoOf(s.expiry))}`);

  if (s.today != null) {
    const X = x(s.today);
    const label = `${t("tl.today")} ${formatDate(locale, isoOf(s.today)).replace(/ \d{4}$/, "")}`;
    const w = textWidth(label, 600) + 10;
    const lx = Math.max(2, Math.min(W - 2 - w, X - w / 2));
    svg.append(el("rect", { x: lx, y: 0, width: w, height: 16, rx: 3, class: "tl-today-tag" }));
    svg.append(el("text", { x: lx + w / 2, y: 12, "text-anchor": "middle", class: "tl-today-text" }, label));
  }
  figure.replaceChildren(svg);
}
