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

// A JSON Schema, or a value it describes, as parsed from the spec or from JSON.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `allOf` folded into one object schema: properties and required lists merged (enough for the users schemas). */
function folded(schema: Json): Json {
  if (!Array.isArray(schema?.allOf)) return schema ?? {};
  const parts = [schema, ...schema.allOf.map(folded)];
  return {
    ...schema,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => p.required ?? []),
  };
}

/**
 * `value` (valid for `schema`) with every property the schema does not require left out, at every
 * depth: the least a server may answer. Entries of a map (an `additionalProperties` schema) are
 * data, not optional properties, so they stay, reduced the same way. Still valid for `schema` when
 * no keyword other than `required` asks for properties (true of the users schemas; callers check
 * with `problems`).
 */
export function requiredOnly(schema: Json, value: Json): Json {
  const s = folded(schema);
  if (Array.isArray(value)) return value.map((item) => requiredOnly(s.items, item));
  if (value === null || typeof value !== "object") return value;
  const required = new Set<string>(s.required ?? []);
  const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => required.has(k) || (extra && !s.properties?.[k]))
      .map(([k, v]) => [k, requiredOnly(s.properties?.[k] ?? extra, v)]),
  );
}
