// The access contract of the official Arize client, as committed facts (specs/arize-access.facts.json,
// made by `npm run arize:facts` from @arizeai/ax-client's generated types), and a checker that says
// how a JSON value departs from one of its schemas (fields the schema does not declare are problems).
import facts from "./specs/arize-access.facts.json";

export type Type = string | { ref: string } | { array: Type } | { enum: string[] } | { literal: string } | { oneOf: Type[] } | { object: Record<string, { required: boolean; type: Type }> };

interface Operation {
  success: number[];
  errors: number[];
  query: Record<string, { required: boolean; type: Type }>;
  body?: { required: boolean; content: Record<string, { ref: string }> };
  responses: Record<string, Record<string, { ref: string }>>;
}

export const accessFacts = facts as unknown as { client: string; paths: Record<string, string>; operations: Record<string, Operation>; schemas: Record<string, Type> };

export function problems(type: Type, value: unknown, at = "(body)"): string[] {
  if (typeof type === "string") {
    if (type === "string" || type === "boolean" || type === "number") return typeof value === type ? [] : [`${at}: expected ${type}, got ${JSON.stringify(value)}`];
    return [`${at}: unknown type ${type}`];
  }
  if ("ref" in type) return problems(accessFacts.schemas[type.ref] as Type, value, at);
  if ("literal" in type) return value === type.literal ? [] : [`${at}: expected ${type.literal}, got ${JSON.stringify(value)}`];
  if ("enum" in type) return type.enum.includes(value as string) ? [] : [`${at}: ${JSON.stringify(value)} is not one of ${type.enum.join(", ")}`];
  if ("array" in type) return Array.isArray(value) ? value.flatMap((v, i) => problems(type.array, v, `${at}[${i}]`)) : [`${at}: expected an array`];
  if ("oneOf" in type) {
    const each = type.oneOf.map((t) => problems(t, value, at));
    return each.some((p) => p.length === 0) ? [] : [`${at}: matches none of its alternatives (${each.map((p) => p[0]).join(" | ")})`];
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [`${at}: expected an object`];
  const object = value as Record<string, unknown>;
  const out: string[] = [];
  for (const [key, field] of Object.entries(type.object)) {
    if (object[key] === undefined) {
      if (field.required) out.push(`${at}.${key}: required`);
    } else out.push(...problems(field.type, object[key], `${at}.${key}`));
  }
  for (const key of Object.keys(object)) if (!(key in type.object)) out.push(`${at}.${key}: not in the schema`);
  return out;
}

/** The operation a request is, by method and path (`{id}` is one segment). */
export function operationOf(method: string, path: string): string | undefined {
  for (const [key, op] of Object.entries(accessFacts.paths)) {
    const [m, template] = key.split(" ");
    if (m === method && new RegExp(`^${template!.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path)) return op;
  }
  return undefined;
}

/** The schema of an operation's answer with `status`; undefined for no body. */
export function responseSchema(op: string, status: number): string | undefined {
  const content = accessFacts.operations[op]?.responses[String(status)];
  return content && Object.values(content)[0]?.ref;
}

/** The schema of an operation's request body, if it has one. */
export function requestSchema(op: string): string | undefined {
  const content = accessFacts.operations[op]?.body?.content;
  return content && Object.values(content)[0]?.ref;
}
