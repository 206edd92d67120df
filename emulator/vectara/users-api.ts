/**
 * The six users operations of the spec, one small handler each, behind authentication:
 *
 *   listUsers          GET    /v2/users                              200 ListUsersResponse
 *   createUser         POST   /v2/users                              201 User + one_time_code(_link)
 *   getUser            GET    /v2/users/{username}                   200 User
 *   updateUser         PATCH  /v2/users/{username}                   200 User
 *   deleteUser         DELETE /v2/users/{username}                   204
 *   resetUserPassword  POST   /v2/users/{username}/reset_password    200 {one_time_code, one_time_code_link}
 *
 * Check order and everything else the spec leaves open: ./choices.ts.
 */
import type { Access } from "./auth";
import { nextPageKey, oneTimeCode, READ_ONLY_METHODS, type DuplicateStatus } from "./choices";
import { decodePageKey } from "./page-key";
import { json, type Errors, type Reply } from "./replies";
import { charCount, CORPUS_KEY_MAX_CHARS, CORPUS_KEY_PATTERN, LIMIT, type ListUsersResponse } from "./spec";
import type { UserStore } from "./store";

export interface ApiRequest {
  method: string;
  /** As received: percent-encoded, no query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  access: Access;
  errors: Errors;
}
export interface ApiState {
  store: UserStore;
  baseUrl: string;
  duplicateStatus: DuplicateStatus;
}

type Op = "list" | "create" | "get" | "update" | "delete" | "reset_password";
/** `username` is undefined when the segment is not valid percent-encoding: no user can match it. */
type Route = { op: Op; segment: string; username: string | undefined };

function route(method: string, path: string): Route | undefined {
  const [empty, v2, users, segment, action, ...extra] = path.split("/");
  if (empty !== "" || v2 !== "v2" || users !== "users" || extra.length > 0) return undefined;
  const at = (op: Op): Route => {
    try {
      return { op, segment: segment ?? "", username: decodeURIComponent(segment ?? "") };
    } catch {
      return { op, segment: segment ?? "", username: undefined };
    }
  };
  if (segment === undefined) return method === "GET" ? at("list") : method === "POST" ? at("create") : undefined;
  if (segment === "") return undefined;
  if (action === "reset_password") return method === "POST" ? at("reset_password") : undefined;
  if (action !== undefined) return undefined;
  const op = ({ GET: "get", PATCH: "update", DELETE: "delete" } as Record<string, Op>)[method];
  return op && at(op);
}

/** Request-Timeout / Request-Timeout-Millis (components.parameters): integer, minimum 1. */
export function timeoutHeaderErrors(headers: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const name of ["Request-Timeout", "Request-Timeout-Millis"]) {
    const value = headers[name.toLowerCase()];
    if (value !== undefined && !(/^\d+$/.test(value.trim()) && Number(value) >= 1)) {
      errors[name] = `${name} must be an integer of at least 1`;
    }
  }
  return errors;
}

/** An empty body is `{}`; the schema check that follows reports everything else. */
export function parseBody(req: ApiRequest): { body: unknown } | { reply: Reply } {
  if (req.body.trim() === "") return { body: {} };
  try {
    return { body: JSON.parse(req.body) };
  } catch (err) {
    return { reply: req.errors.badRequest({}, [`Request body is not valid JSON: ${(err as Error).message}`]) };
  }
}

function list(req: ApiRequest, state: ApiState): Reply {
  const q = req.query;
  const fieldErrors: Record<string, string> = {};
  for (const name of ["limit", "page_key", "corpus_key"]) {
    if (q.getAll(name).length > 1) fieldErrors[name] = `${name} may be given once`;
  }
  const rawLimit = q.get("limit");
  const limit = rawLimit === null ? LIMIT.default : Number(rawLimit);
  if (rawLimit !== null && !(/^\d+$/.test(rawLimit) && limit >= LIMIT.min && limit <= LIMIT.max)) {
    fieldErrors.limit ??= `limit must be an integer from ${LIMIT.min} to ${LIMIT.max}`;
  }
  const pageKey = q.get("page_key");
  const offset = pageKey === null ? 0 : decodePageKey(pageKey);
  if (offset === undefined) fieldErrors.page_key ??= "page_key is not a page key this server issued";
  const corpusKey = q.get("corpus_key") ?? undefined;
  if (corpusKey !== undefined && !(CORPUS_KEY_PATTERN.test(corpusKey) && charCount(corpusKey) <= CORPUS_KEY_MAX_CHARS)) {
    fieldErrors.corpus_key ??= `corpus_key must match ${CORPUS_KEY_PATTERN.source} and have at most ${CORPUS_KEY_MAX_CHARS} characters`;
  }
  if (Object.keys(fieldErrors).length > 0 || offset === undefined) {
    return req.errors.badRequest(fieldErrors, Object.values(fieldErrors));
  }
  const users = state.store.all(corpusKey);
  const page_key = nextPageKey(offset, limit, users.length);
  const body: ListUsersResponse = { users: users.slice(offset, offset + limit), metadata: page_key === undefined ? {} : { page_key } };
  return json(200, body);
}

function create(req: ApiRequest, state: ApiState): Reply {
  const parsed = parseBody(req);
  if ("reply" in parsed) return parsed.reply;
  const result = state.store.create(parsed.body);
  if (result.kind === "invalid") return req.errors.badRequest(result.fieldErrors, result.messages);
  if (result.kind === "created") return json(201, { ...result.user, ...oneTimeCode(state.baseUrl) });
  const message = `A user with ${result.field} ${result.value} already exists`;
  return state.duplicateStatus === 409
    ? req.errors.error(409, message)
    : req.errors.badRequest({ [result.field]: message }, [message]);
}

function update(req: ApiRequest, state: ApiState, r: Route): Reply {
  const parsed = parseBody(req);
  if ("reply" in parsed) return parsed.reply;
  // "" names no user (store.ts rejects it), so a malformed segment validates, then 404s.
  const result = state.store.update(r.username ?? "", parsed.body);
  if (result.kind === "invalid") return req.errors.badRequest(result.fieldErrors, result.messages);
  if (result.kind === "not-found") return notFound(req, r);
  return json(200, result.user);
}

const notFound = (req: ApiRequest, r: Route) => req.errors.notFound(r.username ?? r.segment, `User ${r.username ?? r.segment} not found`);

/**
 * What every known /v2 operation checks before its own work, in the documented order
 * (choices.ts): a write with the read-only key → 403, then bad timeout headers → 400.
 */
export function preflight(req: ApiRequest): Reply | undefined {
  if (req.access === "read-only" && !READ_ONLY_METHODS.includes(req.method)) {
    return req.errors.error(403, `This API key may not ${req.method} ${req.path}`);
  }
  const headerErrors = timeoutHeaderErrors(req.headers);
  if (Object.keys(headerErrors).length > 0) return req.errors.badRequest(headerErrors, Object.values(headerErrors));
  return undefined;
}

export function handleUsersApi(req: ApiRequest, state: ApiState): Reply {
  const r = route(req.method, req.path);
  if (!r) return req.errors.notFound(req.path, `No operation for ${req.method} ${req.path}`);
  const refused = preflight(req);
  if (refused) return refused;
  if (r.op === "list") return list(req, state);
  if (r.op === "create") return create(req, state);
  if (r.op === "update") return update(req, state, r);
  const user = r.username === undefined ? undefined : state.store.get(r.username);
  if (!user) return notFound(req, r);
  if (r.op === "get") return json(200, user);
  if (r.op === "reset_password") return json(200, oneTimeCode(state.baseUrl));
  state.store.remove(user.username);
  return { status: 204 };
}
