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
 * validate()'s options (contract §3), `scope` included: the paths whose error findings count
 * (`"accounts"` covers `accounts[2].value`; `""` covers the form-level findings). A form library
 * that renders only some fields (a wizard step) passes those, or it stays invalid forever.
 */
export type SchemaOptions = Options;

/**
 * A schema whose issues are marcheck's error findings (warnings and info never fail), each with
 * the field's path as segments: "accounts[0].value" -> ["accounts", 0, "value"]; a finding about
 * the whole form has no path. The value is returned unchanged. validate() answers synchronously
 * once `ready` has resolved (at import in Node), and returns a Promise before; it throws (or
 * rejects) with an Error only for bad options.
 */
export declare function createSchema(options?: SchemaOptions): StandardSchemaV1<MarForm, MarForm>;
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
export declare const marcheckSchema: StandardSchemaV1<MarForm, MarForm>;
export default marcheckSchema;
