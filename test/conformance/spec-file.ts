/**
 * The judge of the conformance suite: the users, corpora, chats-list and OAuth token operations of
 * the official Vectara spec, and every component they reach, as committed in
 * ./specs/vectara.subset.json (made by scripts/spec-subset.js: documentation stripped, every schema,
 * enum, pattern, format and limit kept). No test needs the full spec; ./spec-subset.test.ts checks,
 * when ../shared/reference is beside the clone, that the committed subset is still what the script
 * makes from it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const SPEC_PATH = path.resolve(__dirname, "specs/vectara.subset.json");

/** The path of the spec Prism loads. */
export function specPath(): string {
  return SPEC_PATH;
}

// The spec is parsed JSON: plain objects, arrays and scalars.
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let parsed: Json | undefined;
export function loadSpec(): Json {
  parsed ??= JSON.parse(readFileSync(SPEC_PATH, "utf8"));
  return parsed;
}

/** A copy of `node` with every local `$ref` replaced by its target (the users schemas have no cycles). */
export function deref(spec: Json, node: Json, depth = 0): Json {
  if (depth > 50) throw new Error("deref: $ref nesting deeper than 50; is there a cycle?");
  if (Array.isArray(node)) return node.map((n) => deref(spec, n, depth + 1));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") return deref(spec, resolvePointer(spec, node.$ref), depth + 1);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(spec, v, depth + 1)]));
}

function resolvePointer(spec: Json, ref: string): Json {
  if (!ref.startsWith("#/")) throw new Error(`deref: only local refs are supported, got ${ref}`);
  let at = spec;
  for (const raw of ref.slice(2).split("/")) {
    at = at?.[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (at === undefined) throw new Error(`deref: ${ref} does not resolve`);
  }
  return at;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  /** The spec's template, e.g. /v2/users/{username}. */
  path: string;
  matcher: RegExp;
  literalSegments: number;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

let operations: SpecOperation[] | undefined;
export function specOperations(): SpecOperation[] {
  operations ??= Object.entries(loadSpec().paths as Record<string, Json>).flatMap(([template, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      operationId: String(item[m].operationId ?? `${m.toUpperCase()} ${template}`),
      method: m.toUpperCase(),
      path: template,
      matcher: new RegExp(`^${template.split("/").map((s) => (/^\{.+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}$`),
      literalSegments: template.split("/").filter((s) => !/^\{.+\}$/.test(s)).length,
    })),
  );
  return operations;
}

/** The operationId a request is for ("listUsers"), or "METHOD path" when the subset has none. */
export function operationOf(method: string, requestPath: string): string {
  const bare = requestPath.split("?")[0] ?? requestPath;
  const found = specOperations()
    .filter((op) => op.method === method.toUpperCase() && op.matcher.test(bare))
    .sort((a, b) => b.literalSegments - a.literalSegments)[0];
  return found?.operationId ?? `${method.toUpperCase()} ${bare} (not in the spec)`;
}

export function operation(operationId: string): { method: string; path: string; op: Json } {
  const found = specOperations().find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the spec`);
  return { method: found.method, path: found.path, op: loadSpec().paths[found.path][found.method.toLowerCase()] };
}

/** The parameters of an operation with `in` = where, $refs resolved. */
export function parameters(operationId: string, where: "query" | "header" | "path"): Json[] {
  const spec = loadSpec();
  return (deref(spec, operation(operationId).op.parameters ?? []) as Json[]).filter((p) => p.in === where);
}

export function componentSchema(name: string): Json {
  const spec = loadSpec();
  return deref(spec, spec.components.schemas[name]);
}
