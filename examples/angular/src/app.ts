// Angular signal forms with marcheck's Standard Schema: `validateStandardSchema` puts each
// marcheck error on the field its path names. The page renders the authority and one e-mail
// account, so the schema is scoped to those fields (errors elsewhere in a MAR would otherwise
// keep the form invalid for fields the officer cannot see).
import { Component, signal } from "@angular/core";
import { FormField, form, submit, validateStandardSchema } from "@angular/forms/signals";
import { createSchema } from "marcheck/standard";

interface Mar {
  requestType: string;
  authority: { name: string; officer: string; email: string };
  accounts: { kind: string; value: string }[];
}

const marcheck = createSchema({ scope: ["authority", "accounts"] });

@Component({
  selector: "app-root",
  imports: [FormField],
  template: `
    <form novalidate (submit)="send($event)">
      <h1>Preservation request</h1>
      @for (f of fields; track f.id) {
        <p>
          <label [for]="f.id">{{ f.label }}</label>
          <input [id]="f.id" [formField]="f.field" />
          @if (f.field().touched() || submitted()) {
            @for (e of f.field().errors(); track e.message) {
              <span class="error" [attr.data-field]="f.path">{{ e.message }}</span>
            }
          }
        </p>
      }
      <button type="submit">Send</button>
      <output id="result">{{ sent() }}</output>
    </form>
  `,
})
export class App {
  readonly model = signal<Mar>({
    requestType: "preservation_only",
    authority: { name: "", officer: "", email: "" },
    accounts: [{ kind: "email", value: "" }],
  });
  readonly mar = form(this.model, (p) => validateStandardSchema(p, marcheck));
  readonly fields = [
    { id: "name", label: "Authority", path: "authority.name", field: this.mar.authority.name },
    { id: "officer", label: "Officer", path: "authority.officer", field: this.mar.authority.officer },
    { id: "email", label: "Authority e-mail", path: "authority.email", field: this.mar.authority.email },
    { id: "account", label: "Account e-mail", path: "accounts[0].value", field: this.mar.accounts[0].value },
  ];
  readonly submitted = signal(false);
  readonly sent = signal("");

  send(event: Event) {
    event.preventDefault();
    this.submitted.set(true);
    submit(this.mar, async () => {
      this.sent.set(`Submitted: ${this.model().accounts[0].value}`);
      return undefined;
    });
  }
}
