// A three-step wizard with marcheck's drop-in binding, built by webpack. Each step is its own
// <form>, mounted alone (as a framework wizard does). The binding checks a step with
// scope "controls" (only the findings of the controls on the page mark, list or block) and gets
// the earlier steps' answers through `values`, so a rule that reads them (the request type,
// the account kind) sees the whole MAR. The last step checks the whole form (scope "form"): it
// blocks on an error of any step, listed in its summary.
import { attach } from "marcheck/attach";

const STEPS = [
  {
    title: "Requester",
    html: `
      <input type="hidden" name="requestType" value="preservation_only">
      <label>Authority <input name="authority.name"></label>
      <label>Officer <input name="authority.officer"></label>
      <label>Official e-mail <input name="authority.email" type="email"></label>
      <label>Direct phone <input name="authority.phone"></label>`,
  },
  {
    title: "Case",
    html: `
      <div data-marcheck-anchor="case.offences"><label>Offence <input name="case.offences[0].name"></label></div>
      <label>Summary of facts <textarea name="case.facts" rows="4"></textarea></label>
      <label>Why preservation is needed <textarea name="preservation.necessity" rows="2"></textarea></label>
      <label><input type="checkbox" name="preservation.marToFollow"> A request for mutual assistance will follow</label>`,
  },
  {
    title: "Account and data",
    html: `
      <div data-marcheck-anchor="accounts">
        <label>Kind <select name="accounts[0].kind"><option value="email">e-mail</option><option value="phone">phone</option></select></label>
        <label>Account <input name="accounts[0].value"></label>
      </div>
      <fieldset><legend>Data</legend>
        <label><input type="checkbox" name="data.categories" value="subscriber"> subscriber</label>
        <label><input type="checkbox" name="data.categories" value="traffic"> traffic</label>
      </fieldset>
      <div data-marcheck-summary></div>`,
  },
];

/** The answers so far, as a partial MAR: { "authority.name": "x" } -> { authority: { name: "x" } }. */
const answers = {};
function put(path, value) {
  const keys = path.match(/[^.[\]]+/g);
  let o = answers;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) o[k] = value;
    else o = o[k] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
  });
}
/** Keeps a step's answers as the binding reads them: a lone checkbox is true or false, a group a list. */
function keep(form) {
  const boxes = new Map();
  for (const el of form.elements) {
    if (!el.name || el.disabled || /^(submit|button|reset)$/.test(el.type)) continue;
    if (el.type === "checkbox") boxes.set(el.name, [...(boxes.get(el.name) || []), el]);
    else if (el.type !== "radio" || el.checked) put(el.name, el.value);
  }
  for (const [name, els] of boxes) put(name, els.length > 1 ? els.filter((e) => e.checked).map((e) => e.value) : els[0].checked);
}

let handle;
async function show(i) {
  handle?.detach();
  const last = i === STEPS.length - 1;
  document.getElementById("steps").innerHTML = STEPS.map((s, j) => `<li${j === i ? ' aria-current="step"' : ""}>${s.title}</li>`).join("");
  const app = document.getElementById("app");
  app.innerHTML = `<form id="step-${i + 1}" novalidate><h2>${STEPS[i].title}</h2>${STEPS[i].html}
    <p>${i ? '<button type="button" id="back">Back</button>' : ""}
    <button type="submit">${last ? "Send" : "Next"}</button>
    ${last ? "" : '<button type="submit" formnovalidate>Skip for now</button>'}</p></form>`;
  const form = app.querySelector("form");
  // Mounting a step again shows what was typed in it before.
  for (const el of form.elements) {
    const v = el.name && el.name.match(/[^.[\]]+/g).reduce((o, k) => o?.[k], answers);
    if (v === undefined || el.type === "hidden") continue;
    if (el.type === "checkbox") el.checked = typeof v === "boolean" ? v : [].concat(v).includes(el.value);
    else el.value = v;
  }
  handle = await attach(form, {
    scope: last ? "form" : "controls",
    values: () => answers, // the earlier steps; the page's own controls win for the paths they hold
  });
  // Registered after attach(): a submit the binding blocks never reaches this listener.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    keep(form);
    if (!last) return show(i + 1);
    app.innerHTML = `<p id="sent">Sent: ${handle.report.counts.error} errors, ${handle.report.counts.warning} warnings.</p>`;
    handle.detach();
  });
  form.querySelector("#back")?.addEventListener("click", () => (keep(form), show(i - 1)));
  window.wizard = { step: i + 1, handle, answers };
}

show(0);
