// The server half: the same core checks the request on the server (`import { validate } from
// "marcheck"`, no init in Node), whatever the browser did. `load` checks a draft handed over in
// the URL (a link from the case file) before the page is sent; the form action checks what is
// posted and refuses a request with errors. marcheck is a devDependency: adapter-node bundles it
// into build/, .wasm included (the package's Node entry carries it inlined).
import { fail } from "@sveltejs/kit";
import { validate } from "marcheck";

const FIELDS = ["authority.name", "authority.officer", "authority.email", "accounts[0].value"];
const SCOPE = ["authority", "accounts"]; // what this page asks for

/** The MAR of a preservation request from `get(path)` of each field of the page. */
function formOf(get) {
  const [name, officer, email, account] = FIELDS.map((f) => String(get(f) ?? ""));
  return {
    requestType: "preservation_only",
    authority: { name, officer, email },
    accounts: [{ kind: "email", value: account }],
  };
}

const valuesOf = (form) => ({
  "authority.name": form.authority.name,
  "authority.officer": form.authority.officer,
  "authority.email": form.authority.email,
  "accounts[0].value": form.accounts[0].value,
});

/** What the page shows of a report: counts and the findings in scope. */
function summary(report) {
  return {
    ok: report.ok,
    counts: report.counts,
    findings: report.findings.map(({ code, severity, field, message }) => ({ code, severity, field, message })),
  };
}

export function load({ url }) {
  const draft = formOf((f) => url.searchParams.get(f));
  const given = FIELDS.some((f) => url.searchParams.has(f));
  return { values: valuesOf(draft), draft: given ? summary(validate(draft, { scope: SCOPE })) : null };
}

export const actions = {
  default: async ({ request }) => {
    const data = await request.formData();
    const form = formOf((f) => data.get(f));
    const report = summary(validate(form, { scope: SCOPE }));
    if (!report.ok) return fail(400, { values: valuesOf(form), report });
    return { sent: `Submitted: ${form.accounts[0].value}`, report };
  },
};
