// Type-checked by types.test.mjs with tsc --strict: the .d.ts files as a portal would use them.
import { attach, type Report, type Finding, type Options, type MarForm, type Handle, type AttachOptions } from "../../pkg/attach.js";
import marcheckSchema, { createSchema, toPath, type StandardSchemaV1 } from "../../pkg/standard.js";

async function main(form: HTMLFormElement) {
  const h: Handle = await attach(form, {
    fields: { "preservation.reference": "pres_ref_no", "accounts[*].value": "acct_*" },
    options: { locale: "fr", asOf: "2026-11-20", rules: { PRES002: "warning" }, preservation: { expiryWarningDays: 10 } },
    on: "change",
    blockSubmit: true,
    summary: document.body,
    onReport: (r: Report) => { const f: Finding | undefined = r.findings[0]; f?.params; r.counts.error.toFixed(); r.facts.preservationDaysLeft; },
  });
  const r = h.validate();
  if (r) r.ok satisfies boolean;
  h.report?.findings.map((f) => f.severity satisfies "error" | "warning" | "info");
  h.detach();
  form.addEventListener("marcheck:report", (e) => e.detail.counts.warning);
  // @ts-expect-error on must be one of the three
  await attach(form, { on: "keyup" });
  // @ts-expect-error severity override must be known
  const o: Options = { rules: { X: "fatal" } };
}

// A generic Standard Schema consumer accepts the adapter.
async function standardValidate<T extends StandardSchemaV1>(schema: T, input: StandardSchemaV1.InferInput<T>) {
  let result = schema["~standard"].validate(input);
  if (result instanceof Promise) result = await result;
  if (result.issues) return result.issues.map((i) => [i.message, i.path]);
  return result.value;
}
const form: MarForm = { requestType: "formal_mar", accounts: [{ kind: "email", value: "a@b.co" }], preservation: { periodDays: "90" } };
standardValidate(marcheckSchema, form);
standardValidate(createSchema({ asOf: "2026-11-20" }), {});
toPath("a[0].b") satisfies (string | number)[];

// v2: the types are the core's (pkg/marcheck.d.ts): scope in the options, the v2 facts, and a
// MarForm with no index signature, so a misspelt key is refused.
const scoped = createSchema({ asOf: "2026-11-20", scope: ["authority", ""] });
standardValidate(scoped, { legalBasis: { instrument: "Budapest Convention", article: "Art. 29" } });
function facts(r: Report) {
  r.facts.requestType satisfies "formal_mar" | "police_to_police" | "preservation_only" | "emergency_disclosure";
  r.facts.providerEntity?.legalEntity satisfies string | undefined;
}
// @ts-expect-error a key the model does not have
const typo: MarForm = { requestTyp: "formal_mar" };
// @ts-expect-error scope is a list of paths
const badScope: Options = { scope: "authority" };

// Issue 16: an issue says what it is; `issues` chooses which findings are issues.
async function issueShape() {
  const r = await createSchema({ asOf: "2026-11-20", issues: "warnings" })["~standard"].validate({});
  if (r.issues) for (const i of r.issues) {
    i.code satisfies string;
    i.severity satisfies "error" | "warning" | "info";
    i.source satisfies string;
    i.params satisfies Readonly<Record<string, unknown>>;
  }
  // @ts-expect-error issues is "errors", "warnings" or "all"
  createSchema({ issues: "everything" });
}
issueShape;

// v3: deadlines and the calendar, options optional; a deadline's kind is one of the table's.
import { deadlines, calendar, createSession, type Deadline, type DeadlineKind } from "../../pkg/marcheck.js";
function due(f: MarForm) {
  const list: Deadline[] = deadlines(f);
  list[0]?.kind satisfies DeadlineKind | undefined;
  list.map((d) => [d.on, d.daysLeft.toFixed(), d.caseReference ?? "", d.providerEntity?.country ?? ""]);
  calendar([f, f], { asOf: "2026-11-20", locale: "fr" }) satisfies string;
  calendar(f) satisfies string;
  createSession().deadlines() satisfies Deadline[];
  // @ts-expect-error not a kind of the table
  const k: DeadlineKind = "protocol_response";
}
