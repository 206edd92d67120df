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
 * CheckFailure, never a thrown error. Its property is the top-level input: the engine prints
 * `property <p> value <inputs[p]>` and looks `p` up among the top-level inputs only
 * (pkg/resource/deploy/step_generator.go issueCheckFailures), so a nested path there would print
 * `value {<nil>}`. The path inside it leads the reason (`corpusRoles[0].role: …`); the bad value
 * itself shows in the engine's rendering of the top-level value, which it redacts for secrets.
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
      ? issue.keys.map((key) => failureAt([...issue.path, key], `unknown property ${key}`))
      : [failureAt(issue.path, issue.message)]);
  return { ok: false, failures };
}

/** A failure at `path`, reported on its top-level property, the rest of the path leading the reason. */
export function failureAt(path: readonly PropertyKey[], reason: string): CheckFailure {
  const property = String(path[0] ?? "");
  return { property, reason: path.length > 1 ? `${propertyPath(path)}: ${reason}` : reason };
}

function propertyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}
