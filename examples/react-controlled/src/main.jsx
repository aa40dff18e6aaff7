// A React-controlled form with marcheck's drop-in binding: React owns every value (value +
// onChange), attach() marks the controls and onReport puts the report in React state. The
// binding calls onReport after the input event has been handled (contract §8), so React's
// controlled inputs keep what was typed; it adds only its own id to aria-describedby.
import { useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { attach } from "marcheck/attach";

const FIELDS = [
  ["authority.name", "Authority"],
  ["authority.officer", "Officer"],
  ["authority.email", "Email"],
];

function App() {
  const formRef = useRef(null);
  const [values, setValues] = useState({ "authority.name": "", "authority.officer": "", "authority.email": "" });
  const [report, setReport] = useState(null);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    let handle, gone = false;
    attach(formRef.current, {
      scope: "controls", // only the authority is on this page
      values: { requestType: "preservation_only" },
      onReport: setReport,
    }).then((h) => (gone ? h.detach() : (handle = h)));
    return () => {
      gone = true;
      handle?.detach();
    };
  }, []);

  return (
    <form ref={formRef} onSubmit={(e) => (e.preventDefault(), setSent(true))}>
      <h1>Requesting authority</h1>
      {FIELDS.map(([name, label]) => (
        <p key={name}>
          <label htmlFor={name}>{label}</label>
          <input
            id={name}
            name={name}
            value={values[name]}
            aria-describedby={`${name}-hint`}
            onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          />
          <small id={`${name}-hint`}>As on the official letterhead.</small>
        </p>
      ))}
      <button type="submit">Send</button>
      <p id="status">{report ? `${report.counts.error} errors, ${report.counts.warning} warnings` : "loading"}</p>
      {sent && <p id="result">Submitted: {values["authority.officer"]}</p>}
    </form>
  );
}

createRoot(document.getElementById("root")).render(<App />);
