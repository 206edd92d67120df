import type { z } from "zod";
import type { OutputKind } from "./resource";
import { containsUnknown } from "./unknown";

/** A Pulumi CheckFailure: the input property at fault, and why. */
export interface CheckFailure {
  property: string;
  reason: string;
}

export type Validated<T> =
  | { ok: true; data: Partial<T>; unknown: Record<string, unknown> }
  | { ok: false; failures: CheckFailure[] };

/**
 * Validates a resource's `news` with its zod schema, the way every `check` of this package does:
 * output-only keys, null and undefined are dropped; a property holding the engine's unknown
 * sentinel (preview) is set aside, unvalidated, in `unknown`; every zod issue becomes a
 * CheckFailure naming the property (`corpusRoles[0].role`), never a thrown error.
 */
export function validateInputs<S extends z.ZodObject>(schema: S, news: Record<string, unknown>, fields: Readonly<Record<string, OutputKind>>): Validated<z.infer<S>> {
  const given: Record<string, unknown> = {};
  const unknown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(news)) {
    if (key === "__provider" || (Object.hasOwn(fields, key) && fields[key] !== "input") || value === undefined || value === null) continue;
    (containsUnknown(value) ? unknown : given)[key] = value;
  }
  const parsed = (Object.keys(unknown).length > 0 ? schema.partial() : schema).safeParse(given);
  if (parsed.success) return { ok: true, data: parsed.data as Partial<z.infer<S>>, unknown };
  const failures = parsed.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ property: propertyPath([...issue.path, key]), reason: `unknown property ${key}` }))
      : [{ property: propertyPath(issue.path), reason: issue.message }]);
  return { ok: false, failures };
}

function propertyPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}
