// TanStack Form with marcheck's Standard Schema as the form's onChange validator.
// TanStack calls a form validator synchronously: await `ready` (the core's one .wasm fetch)
// before the form can validate, or its first keystroke throws "async function passed to sync
// validator". The page renders the case facts and one e-mail account, so the schema is scoped to
// those paths ("accounts" also covers ID001, "no account with a value", which has no control of
// its own: it is listed under the form, once).
import { createRoot } from "react-dom/client";
import { useForm } from "@tanstack/react-form";
import { createSchema, ready } from "marcheck/standard";

const schema = createSchema({ scope: ["case.facts", "accounts"] });
const RENDERED = ["case.facts", "accounts[0].value"];

const messages = (errors) => errors.flat().map((e) => (typeof e === "string" ? e : e?.message));

function FieldErrors({ field, form }) {
  const { meta } = field.state;
  if (!meta.isTouched && form.state.submissionAttempts === 0) return null;
  return messages(meta.errors).map((m) => (
    <span key={m} className="error" data-field={field.name}>
      {m}
    </span>
  ));
}

function App() {
  const form = useForm({
    defaultValues: { requestType: "preservation_only", case: { facts: "" }, accounts: [{ kind: "email", value: "" }] },
    validators: { onChange: schema },
    onSubmit: ({ value }) => {
      document.getElementById("result").textContent = "Submitted: " + value.accounts[0].value;
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        form.handleSubmit();
      }}
    >
      <h1>Preservation request</h1>
      <form.Field name="case.facts">
        {(field) => (
          <p>
            <label htmlFor="facts">Summary of facts</label>
            <textarea id="facts" name={field.name} value={field.state.value} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} />
            <FieldErrors field={field} form={form} />
          </p>
        )}
      </form.Field>
      <form.Field name="accounts[0].value">
        {(field) => (
          <p>
            <label htmlFor="account">Account e-mail</label>
            <input id="account" name={field.name} value={field.state.value} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} />
            <FieldErrors field={field} form={form} />
          </p>
        )}
      </form.Field>
      <form.Subscribe selector={(s) => [s.errorMap.onChange, s.submissionAttempts]}>
        {([map, attempts]) => {
          const other = Object.entries(map || {}).filter(([path]) => !RENDERED.includes(path));
          if (!attempts || !other.length) return null;
          return (
            <ul id="summary">
              {other.flatMap(([path, issues]) => messages(issues).map((m) => <li key={path + m} data-field={path}>{m}</li>))}
            </ul>
          );
        }}
      </form.Subscribe>
      <button type="submit">Send</button>
      <output id="result"></output>
    </form>
  );
}

await ready; // the schema answers synchronously from here on
createRoot(document.getElementById("root")).render(<App />);
