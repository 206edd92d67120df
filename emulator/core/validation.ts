/**
 * Request bodies checked against a service's zod schemas, with each problem keyed by its top-level
 * field (what a 400 reply's per-field errors need), and the helpers those schemas share.
 */
import type { z } from "zod";
import type { ErrorReplies, Reply } from "./replies";

/** A body the spec refuses: messages by top-level field, and all of them in order. */
export type Invalid = { kind: "invalid"; fieldErrors: Record<string, string>; messages: string[] };
export type Checked<T> = { ok: true; value: T } | ({ ok: false } & Omit<Invalid, "kind">);

export const invalid = (field: string, message: string): Invalid => ({
  kind: "invalid",
  fieldErrors: { [field]: `${field} ${message}` },
  messages: [`${field} ${message}`],
});

/** JSON Schema's maxLength counts code points, not UTF-16 units (JSON Schema Validation §6.3.1). */
export const charCount = (s: string): number => [...s].length;

/** zod's error option for a field of one type: "is required" when absent, "must be <what>" otherwise. */
export const typed = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`),
});

/** Parses a body; a nested problem is reported under its top-level field as `field.sub[0] message`. */
export function check<T>(schema: z.ZodType<T>, body: unknown): Checked<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Record<string, string> = {};
  const messages: string[] = [];
  for (const issue of parsed.error.issues) {
    // A strict schema (the spec's `additionalProperties: false`) names each property it does not know.
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
      for (const key of issue.keys) {
        fieldErrors[key] = `${key} is not a property of this request`;
        messages.push(fieldErrors[key]);
      }
      continue;
    }
    const [field, ...rest] = issue.path.map(String);
    if (field === undefined) {
      messages.push("Request body must be a JSON object");
      continue;
    }
    const where = rest.reduce((p, k) => (/^\d+$/.test(k) ? `${p}[${k}]` : `${p}.${k}`), field);
    const message = `${where} ${issue.message}`;
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${message}` : message;
    messages.push(message);
  }
  return { ok: false, fieldErrors, messages };
}

/**
 * A request body as JSON, whatever its content-type; an empty body is `{}` (the schema check that
 * follows reports what is missing); anything else that is not JSON is a 400.
 */
export function parseJsonBody(body: string, errors: ErrorReplies): { body: unknown } | { reply: Reply } {
  if (body.trim() === "") return { body: {} };
  try {
    return { body: JSON.parse(body) };
  } catch (err) {
    return { reply: errors.badRequest({}, [`Request body is not valid JSON: ${(err as Error).message}`]) };
  }
}
