/**
 * REST resources as data: a collection path, the operations it serves, and its store. One router
 * and one handler serve every resource of every service:
 *
 *   list      GET    /<path>                      resource.custom.list (the service's own: paging and filters differ)
 *   create    POST   /<path>                      body → store.create → resource.created (201 record), 400, or a duplicate
 *   get       GET    /<path>/{key}                200 record, 404
 *   update    PATCH  /<path>/{key}                body → store.update → resource.updated (200 record), 400, 404 (PUT where the spec says so)
 *   delete    DELETE /<path>/{key}                204, 404
 *   <action>  <method> /<path>/{key}/<action>     resource.actions[action], 404
 *
 * `{key}` is exactly one path segment, percent-decoded and compared exactly. A segment that is not
 * valid percent-encoding names no record (404, with the raw segment as id). Unknown paths and
 * methods are 404s with the raw path as id. Checks run in the order route (404) → the service's
 * preflight → body (400) → lookup (404) → duplicate; a body is validated before the lookup.
 * An operation whose rules are the service's own (a list's query, a create that answers an existing
 * record, a delete that is idempotent) is served by `custom[op]` instead, after the preflight.
 */
import { json, type Reply } from "./replies";
import type { ServiceRequest } from "./server";
import type { ResourceStore } from "./store";
import { parseJsonBody } from "./validation";

export type Op = "list" | "create" | "get" | "update" | "delete";

export interface Resource<T extends object> {
  /** The collection's path segments, e.g. ["v2", "users"]. */
  path: readonly string[];
  ops: readonly Op[];
  /** The update method; PATCH by default. */
  updateMethod?: "PATCH" | "PUT";
  store: ResourceStore<T, any, any>;
  /** Operations served by the service's own handler instead of the core's; `list` must be here to be served. */
  custom?: Partial<Record<Op, (req: ServiceRequest, r: Route) => Reply>>;
  /** The reply to a create; 201 with the record by default. */
  created?: (item: T) => Reply;
  /** The reply to an update; 200 with the record by default. */
  updated?: (item: T) => Reply;
  /** A taken key: 409 with the service's error body, or 400 with the field named. */
  duplicateStatus: 400 | 409;
  actions?: Record<string, { method: string; run: (req: ServiceRequest, item: T) => Reply }>;
}

export interface Route {
  op: Op | "action";
  action?: string;
  /** As received, still percent-encoded ("" for the collection). */
  segment: string;
  /** The decoded segment; undefined when it is not valid percent-encoding: no record can match it. */
  key: string | undefined;
}

export function route(resource: Resource<object>, method: string, path: string): Route | undefined {
  const parts = path.split("/");
  const depth = resource.path.length + 1;
  if (parts[0] !== "" || resource.path.some((p, i) => parts[i + 1] !== p) || parts.length > depth + 2) return undefined;
  const [segment, action] = parts.slice(depth);
  const served = (op: Op) => resource.ops.includes(op);
  if (segment === undefined) {
    const op = method === "GET" ? "list" : method === "POST" ? "create" : undefined;
    return op && served(op) ? { op, segment: "", key: undefined } : undefined;
  }
  if (segment === "") return undefined;
  const at = (op: Route["op"], name?: string): Route => {
    let key: string | undefined;
    try {
      key = decodeURIComponent(segment);
    } catch {
      key = undefined;
    }
    return { op, ...(name !== undefined && { action: name }), segment, key };
  };
  if (action !== undefined) return resource.actions?.[action]?.method === method ? at("action", action) : undefined;
  const item: Record<string, Op> = { GET: "get", [resource.updateMethod ?? "PATCH"]: "update", DELETE: "delete" };
  const op = item[method];
  return op && served(op) ? at(op) : undefined;
}

/**
 * Serves the first resource whose routes take the request; `preflight` is what every routed
 * request of the service checks first (e.g. a read-only key writing), undefined to go on.
 */
export function serveResources(
  req: ServiceRequest,
  resources: readonly Resource<any>[],
  preflight: (req: ServiceRequest) => Reply | undefined = () => undefined,
): Reply {
  for (const resource of resources) {
    const r = route(resource, req.method, req.path);
    if (r) return preflight(req) ?? serve(req, resource, r);
  }
  return req.errors.notFound(req.path, `No operation for ${req.method} ${req.path}`);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function serve<T extends object>(req: ServiceRequest, resource: Resource<T>, r: Route): Reply {
  const { store } = resource;
  const notFound = () => req.errors.notFound(r.key ?? r.segment, `${capitalised(store.noun)} ${r.key ?? r.segment} not found`);
  const custom = r.op === "action" ? undefined : resource.custom?.[r.op];
  if (custom) return custom(req, r);
  if (r.op === "create" || r.op === "update") {
    const parsed = parseJsonBody(req.body, req.errors);
    if ("reply" in parsed) return parsed.reply;
    // "" names no record (every store refuses it as a key), so a malformed segment validates, then 404s.
    const result = r.op === "create" ? store.create(parsed.body) : store.update(r.key ?? "", parsed.body);
    if (result.kind === "invalid") return req.errors.badRequest(result.fieldErrors, result.messages);
    if (result.kind === "not-found") return notFound();
    if (result.kind === "updated") return resource.updated ? resource.updated(result.item) : json(200, result.item);
    if (result.kind === "created") return resource.created ? resource.created(result.item) : json(201, result.item);
    const message = `A ${store.noun} with ${result.field} ${result.value} already exists`;
    return resource.duplicateStatus === 409
      ? req.errors.error(409, message)
      : req.errors.badRequest({ [result.field]: message }, [message]);
  }
  const item = r.key === undefined ? undefined : store.get(r.key);
  if (!item) return notFound();
  if (r.op === "get") return json(200, item);
  if (r.op === "action") return resource.actions![r.action!]!.run(req, item);
  store.remove(r.key!);
  return { status: 204 };
}
