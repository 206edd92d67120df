// The users contract of the official Arize client, as committed facts (specs/arize-users.facts.json,
// made by scripts/arize-facts.js from @arizeai/ax-client's generated types), and a checker that
// says how a JSON value departs from one of its schemas.
import facts from "./specs/arize-users.facts.json";

export type Type = string | { ref: string } | { array: Type } | { enum: string[] } | { literal: string } | { oneOf: Type[] } | { object: Record<string, { required: boolean; type: Type }> };

export const arizeFacts = facts as unknown as {
  client: string;
  paths: Record<string, string>;
  operations: Record<string, { success: number[]; errors: number[]; query: Record<string, Type>; hasBody: boolean }>;
  schemas: Record<string, Type>;
};

/**
 * A checker of JSON values against `schemas` (the facts' own): the problems of `value` against
 * `type` (empty: it conforms). Fields the schema does not declare are problems too.
 */
export function checkerOf(schemas: Record<string, Type>) {
  const problems = (type: Type, value: unknown, at = "(body)"): string[] => {
    if (typeof type === "string") {
      if (type === "string" || type === "boolean" || type === "number") return typeof value === type ? [] : [`${at}: expected ${type}, got ${JSON.stringify(value)}`];
      return [`${at}: unknown type ${type}`];
    }
    if ("ref" in type) return problems(schemas[type.ref] as Type, value, at);
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
  };
  return problems;
}

/** The operation a request is, by method and path, among `paths` ("METHOD /template" → operation; `{user_id}` is one segment). */
export function operationFinder(paths: Record<string, string>) {
  return (method: string, path: string): string | undefined => {
    for (const [key, op] of Object.entries(paths)) {
      const [m, template] = key.split(" ");
      if (m === method && new RegExp(`^${template!.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path)) return op;
    }
    return undefined;
  };
}

export const problems = checkerOf(arizeFacts.schemas);

export const schemaProblems = (schema: string, value: unknown) => problems({ ref: schema }, value);

export const operationOf = operationFinder(arizeFacts.paths);

/** The schema of an operation's answer with `status`: Problem for errors; undefined for no body. */
export function responseSchema(op: string, status: number): string | undefined {
  if (status >= 400) return "Problem";
  if (status === 204) return undefined;
  return { list_users: "ListUsersResponse", get_user: "User", update_user: "User", create_user: status === 201 ? "CreateUserResponse" : "User" }[op];
}
