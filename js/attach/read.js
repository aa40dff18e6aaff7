// Reading the form (contract §2, §8): which model path each control stands for, the value of the
// controls that share a path, and the whole form as a nested model (a full read, done only when
// the controls change; an input event reads its own control's group alone).

// A model path: dotted names with [index]es; a trailing [] asks for an array of values.
const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*(?:\[\])?$/;
const UNSAFE = /(?:^|\.)(?:__proto__|constructor|prototype)\b/;
const SKIP = /^(?:submit|reset|button|image)$/;
const split = (p) => p.match(/[^.[\]]+/g);
const isIndex = (s) => /^\d+$/.test(s);

/** fields ({ path: name }, `[*]` rows) -> el => model path as written on the page, or null. */
export function mapper(fields) {
  const exact = new Map(), patterns = [];
  for (const [path, name] of Object.entries(fields)) {
    if (path.includes("[*]")) {
      const re = String(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\*/g, "(\\d+)");
      patterns.push([new RegExp("^" + re + "$"), path]);
    } else exact.set(String(name), path);
  }
  return (el) => {
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
}

/** A control the reader takes, and the path it stands for; null when it is not read. */
export function readable(el, pathOf) {
  if (!el.matches || !el.matches("input,select,textarea") || SKIP.test(el.type) || el.matches(":disabled")) return null;
  const p = pathOf(el);
  return p && PATH.test(p) && !UNSAFE.test(p) ? p : null;
}

/** The value of the controls that share one model path, as the core reads it (§2). */
export function valueOf(ctrls, many) {
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

export function put(obj, segs, value) {
  for (let i = 0; i < segs.length - 1; i++) {
    const k = segs[i];
    if (!obj[k] || typeof obj[k] != "object") obj[k] = typeof segs[i + 1] == "number" ? [] : {};
    obj = obj[k];
  }
  if (value !== undefined) obj[segs[segs.length - 1]] = value;
  else delete obj[segs[segs.length - 1]];
}

/**
 * Reads every control: { model, groups } where groups maps the model path (row indexes compacted:
 * rows 0, 2 after removing row 1 become 0, 1) to { path, segs, ctrls, many }, in form order, and
 * byCtrl maps each control to its group.
 */
export function readForm(form, pathOf) {
  const raw = new Map();
  for (const el of form.elements) {
    const p = readable(el, pathOf);
    if (!p) continue;
    if (!raw.has(p)) raw.set(p, []);
    raw.get(p).push(el);
  }
  const seen = new Map();
  for (const p of raw.keys()) {
    let pre = "";
    for (const s of split(p)) {
      if (isIndex(s)) (seen.get(pre) || seen.set(pre, new Set()).get(pre)).add(+s);
      pre += "/" + s;
    }
  }
  const rank = new Map();
  for (const [k, set] of seen) rank.set(k, new Map([...set].sort((a, b) => a - b).map((v, i) => [v, i])));
  const model = {}, groups = new Map(), byCtrl = new Map();
  for (const [p, ctrls] of raw) {
    let pre = "", path = "";
    const segs = split(p).map((s) => {
      const n = isIndex(s) ? rank.get(pre).get(+s) : s;
      path += isIndex(s) ? `[${n}]` : (path ? "." : "") + s;
      pre += "/" + s;
      return n;
    });
    const g = { path, segs, ctrls, many: p.endsWith("[]") };
    groups.set(path, g);
    for (const c of ctrls) byCtrl.set(c, g);
    put(model, segs, valueOf(ctrls, g.many));
  }
  return { model, groups, byCtrl };
}
