// Types for marcheck/attach. The shapes of the core's input, options and report (contract §2–§4,
// §7) are the core's own (./marcheck.js, generated with the wasm); they are re-exported here so a
// portal may import them from either entry:
//   import type { Report, Finding, Options, MarForm } from "marcheck/attach";
import type { Category, Level, MarForm, Options, Profile, Report } from "./marcheck.js";

export type {
  AccountKind,
  Facts,
  Finding,
  MarForm,
  Options,
  Report,
  RequestType,
  RuleInfo,
  Session,
  Severity,
} from "./marcheck.js";
/** A rule's severity override: "off" or a severity. */
export type RuleSeverity = Level;
/** A provider profile (§5); every field optional when adding or overriding one. */
export type ProviderProfile = Partial<Profile>;
export type DataCategory = Category;

export interface AttachOptions {
  /**
   * Model path -> control name, for controls not named after the model path.
   * e.g. { "preservation.reference": "pres_ref_no" }. Indexed rows: "accounts[*].value": "acct_*_value"
   * (each `*` in the name matches the row number). A control's `data-marcheck-field` wins.
   */
  fields?: Record<string, string>;
  /** The core's options (§3). To change them, assign a new object (one changed in place is not
   *  noticed): the next run starts a new session with it. */
  options?: Options;
  /** When to re-validate as the officer types; leaving a field and submitting always do. Default "input". */
  on?: "input" | "change" | "blur";
  /** Errors block the submit (warnings and info never do). Default true. */
  blockSubmit?: boolean;
  /** Element that receives the counts and the list of findings; default: the `[data-marcheck-summary]` element. `null`: none. */
  summary?: Element | null;
  /** Called after every validation, once the event that caused it has been handled (never inside its dispatch). */
  onReport?: (report: Report) => void;
  /**
   * (v2) Which findings mark, list and block: "form" (default, all of them); "controls" (only those whose
   * field has a shown, enabled control or `data-marcheck-anchor` in the form: a wizard step); a list of
   * model paths (each covers what lies under it; "" covers form-level findings); or an element (its
   * controls). Out-of-scope findings are still in `handle.report`.
   */
  scope?: "form" | "controls" | string[] | Element;
  /** (v2) Values of fields the page does not show (earlier steps, server data); the page's controls win. */
  values?: Partial<MarForm> | (() => Partial<MarForm>);
}

export interface Handle {
  /** false when the core could not load (the form works unvalidated) or after detach(). */
  readonly active: boolean;
  /** The latest report; null before the first one, or when the core could not load. */
  readonly report: Report | null;
  /** Re-reads the form and validates now; null when the core is unavailable or validation failed. */
  validate(): Report | null;
  /** (v2) A value set from code; a path a control holds is the control's again at its next event. Throws for a path that is not one. */
  set(path: string, value: unknown): Report | null;
  /** (v2) Merges values from elsewhere (objects deeply, arrays replace, undefined removes); the page's controls win. */
  merge(partial: Partial<MarForm>): Report | null;
  /** (v2) Switches the scope (see AttachOptions.scope), e.g. at each wizard step. */
  scope(scope: "form" | "controls" | string[] | Element): Report | null;
  /** Removes every listener, attribute, element and custom validity added; never touches values. */
  detach(): void;
}

/**
 * Attaches marcheck to a form. Never rejects because the core cannot load (it warns on the
 * console and resolves to an inert handle); rejects with a TypeError when `form` is not a form.
 */
export function attach(form: HTMLFormElement, options?: AttachOptions): Promise<Handle>;

declare global {
  interface HTMLElementEventMap {
    /** Dispatched on the form (bubbling) after every validation. */
    "marcheck:report": CustomEvent<Report>;
    /** (v2) Dispatched on the form (bubbling, cancelable) when a summary link is followed, before focusing. */
    "marcheck:focus": CustomEvent<{ field: string }>;
  }
}
