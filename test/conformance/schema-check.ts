/**
 * JSON Schema validation with the very ajv and ajv-formats Prism uses (resolved from
 * @stoplight/prism-http, so the versions cannot drift apart), in two configurations:
 * - `prismAjv()`: Prism's own options (prism-http/dist/validator/validators/utils.js). ajv compiles
 *   `pattern` with the `u` flag, under which the spec's CorpusKey pattern `[a-zA-Z0-9_\=\-]+$` is
 *   not a regular expression (`\=` is no valid escape there); Prism catches the compile error and
 *   validates nothing, which is its blind spot for listUsers' query parameters.
 * - `specAjv()`: the same, but patterns compile without the `u` flag, as plain ECMA-262 regular
 *   expressions (what JSON Schema says `pattern` is), so the CorpusKey pattern means what it says.
 */
import { createRequire } from "node:module";

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
}
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
export interface Ajv {
  compile(schema: object): ValidateFunction;
  addFormat(name: string, format: unknown): Ajv;
}

const fromPrism = createRequire(require.resolve("@stoplight/prism-http/package.json"));
const AjvClass = (fromPrism("ajv") as { default: new (options: object) => Ajv }).default;
const addFormats = (fromPrism("ajv-formats") as { default: (ajv: Ajv) => Ajv }).default;

/** Prism's options; `coerceTypes` is on for parameters (they arrive as strings) and off for bodies. */
const PRISM_OPTIONS = { allErrors: true, allowUnionTypes: true, allowMatchingProperties: true, strict: false };

export function prismAjv(coerceTypes: boolean): Ajv {
  return addFormats(new AjvClass({ ...PRISM_OPTIONS, coerceTypes }));
}

export function specAjv(coerceTypes: boolean): Ajv {
  return addFormats(new AjvClass({ ...PRISM_OPTIONS, coerceTypes, unicodeRegExp: false }));
}

/** What is wrong with `value`, one "where: what" line per problem; [] when it is valid. */
export function problems(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "(value)"}: ${e.message ?? e.keyword}`);
}
