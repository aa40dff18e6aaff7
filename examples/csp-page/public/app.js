// The page's one script, an external module (a strict CSP allows it; it blocks an inline one).
// The package is imported by URL, where the server puts it: no bundler, no import map.
import { attach } from "/marcheck/attach.js";

const form = document.getElementById("mar");
const status = document.getElementById("status");
const handle = await attach(form, {
  scope: "controls", // only the authority is on this page
  values: { requestType: "preservation_only" },
  onReport: (report) => {
    status.textContent = `${report.counts.error} errors, ${report.counts.warning} warnings`;
  },
});
if (!handle.active) status.textContent = "validation is off (see the console)";
// The binding's own submit listener stops a form with errors in scope before this one runs.
form.addEventListener("submit", (e) => {
  e.preventDefault();
  document.getElementById("result").textContent = "Submitted";
});
