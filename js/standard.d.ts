// Types for marcheck/standard: a Standard Schema v1 adapter (https://standardschema.dev).
import type { MarForm, Options } from "./marcheck.js";

/** The Standard Schema v1 interface, as published by the spec (copied, no dependency). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/**
 * validate()'s options (contract §3), `scope` included: the paths whose findings count
 * (`"accounts"` covers `accounts[2].value`; `""` covers the form-level findings). A form library
 * that renders only some fields (a wizard step) passes those, or it stays invalid forever.
 */
export interface SchemaOptions extends Options {
  /**
   * Which findings become issues: `"errors"` (the default: warnings and info never fail a value),
   * `"warnings"` (errors and warnings) or `"all"` (info too). Any issue fails the value, as
   * Standard Schema says, so a portal that lets warnings through shows them as blocking.
   */
  issues?: "errors" | "warnings" | "all";
}

/** A finding as a Standard Schema issue: `message` and `path` as the spec has them, and the rest. */
export interface MarcheckIssue extends StandardSchemaV1.Issue {
  /** The finding's message, in `options.locale`. */
  readonly message: string;
  /** The field as path segments ("accounts[0].value" -> ["accounts", 0, "value"]); absent for a finding about the whole form. */
  readonly path?: ReadonlyArray<string | number> | undefined;
  /** The rule's code ("PRES002"): translate or style by it. */
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  /** The values in the message (`{ days: 12 }`), for a portal's own translation. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The authority that says it ("Handbook §2.7", a provider's guidelines). */
  readonly source: string;
  /** What to do, in `options.locale`. */
  readonly help: string;
}

/** What the schema's validate() answers: the value unchanged, or marcheck's issues. */
export type MarcheckResult = StandardSchemaV1.SuccessResult<MarForm> | { readonly issues: ReadonlyArray<MarcheckIssue> };

/** A Standard Schema v1 whose issues are {@link MarcheckIssue}s. */
export interface MarcheckSchema extends StandardSchemaV1<MarForm, MarForm> {
  readonly "~standard": Omit<StandardSchemaV1.Props<MarForm, MarForm>, "validate"> & {
    readonly validate: (value: unknown) => MarcheckResult | Promise<MarcheckResult>;
  };
}

/**
 * A schema whose issues are marcheck's findings (errors only by default; see
 * {@link SchemaOptions.issues}), each with the field's path as segments and its code, params,
 * severity, source and help. The value is returned unchanged. validate() answers synchronously
 * once `ready` has resolved (at import in Node), and returns a Promise before. Bad options throw
 * an Error from createSchema itself (the core's checks of dates and thresholds run there once the
 * core is loaded, else before the first validation).
 */
export declare function createSchema(options?: SchemaOptions): MarcheckSchema;
/**
 * Resolves once the WebAssembly core is loaded (importing this module starts loading it; the
 * app's `init()` and marcheck/attach share the same single fetch). Await it before a form
 * library with synchronous validators (TanStack Form) first validates. Rejects if the .wasm
 * cannot load (a CSP without 'wasm-unsafe-eval', an old browser).
 */
export declare const ready: Promise<void>;
/** The field path as Standard Schema path segments; "" (the whole form) gives []. */
export declare function toPath(field: string): (string | number)[];
/** A ready-made schema with the default options. */
export declare const marcheckSchema: MarcheckSchema;
export default marcheckSchema;
