// react-hook-form with marcheck's Standard Schema through @hookform/resolvers.
// The page renders only the requesting authority, so the schema is scoped to it: the rest of the
// MAR (countries, case, accounts...) is not on this page and must not keep the form invalid.
import { createRoot } from "react-dom/client";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { createSchema } from "marcheck/standard";

const schema = createSchema({ scope: ["authority"] });

function Field({ name, label, register, error }) {
  const id = name.replace(".", "-");
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...register(name)} aria-invalid={error ? "true" : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && (
        <span id={`${id}-error`} className="error" data-field={name}>
          {error.message}
        </span>
      )}
    </p>
  );
}

function App() {
  const { register, handleSubmit, formState } = useForm({
    resolver: standardSchemaResolver(schema),
    mode: "onChange",
    defaultValues: { requestType: "preservation_only", authority: { name: "", officer: "", email: "" } },
  });
  const errors = formState.errors.authority || {};
  const onSubmit = (values) => {
    document.getElementById("result").textContent = "Submitted: " + JSON.stringify(values.authority);
  };
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <h1>Requesting authority</h1>
      <Field name="authority.name" label="Authority" register={register} error={errors.name} />
      <Field name="authority.officer" label="Officer" register={register} error={errors.officer} />
      <Field name="authority.email" label="Email" register={register} error={errors.email} />
      <button type="submit">Send</button>
      <output id="result"></output>
    </form>
  );
}

createRoot(document.getElementById("root")).render(<App />);
