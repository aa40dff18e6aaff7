// The only place the demo touches marcheck, exactly as any portal would: the drop-in binding
// and, for the provider list and which checks apply to which request type, the core's
// providers() and rules(). Imported dynamically by app.js so the page
// (drafts, samples, export) still works when the package cannot load; the form then submits
// unvalidated, as the contract promises.
import { attach } from "/pkg/attach.js";
import { calendar, deadlines, providers, rules, version } from "/pkg/marcheck.js";

// (v3) The form's deadlines and their calendar file, for the Deadlines panel.
export { attach, calendar, deadlines, providers, rules, version };
