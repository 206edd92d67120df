/**
 * The users operations of the spec (paths /v1/users*), on the core's resource handler where it
 * fits (get, lock) and the service's own handlers where Connect's rules are its own:
 *
 *   getUsers           GET  /v1/users                 200 Users (page_number paging)
 *   createPushUser     POST /v1/users                 200 User (not 201); LDAP servers: 120
 *   createPullUser     PUT  /v1/users {temp_ticket}   200 User; password servers: 119
 *   searchRemoteUsers  GET  /v1/users/remote          200 RemoteSearchResults
 *   getUser            GET  /v1/users/{guid}          200 User
 *   updateUser         PUT  /v1/users/{guid}          200 EditableUser
 *   lockUser           POST /v1/users/{guid}/lock     200, no body
 * There is no DELETE. Everything the spec leaves open: ./choices.ts.
 */
import { randomBytes } from "node:crypto";
import { check, json, numberedPage, parseJsonBody, QueryReader, type Reply, type Resource, type ServiceRequest } from "../core";
import { CODES, MIN_PASSWORD, PAGE_NUMBER, PAGE_SIZE, USER_NOT_FOUND, UUID, type AuthKind, type Generation } from "./choices";
import { apiError } from "./errors";
import { ACCOUNT_STATUSES, LockUserInput, ROLES, SORT_FIELDS, UserCreatePullInput, UserCreatePushInput, UserCreatePushInput2023, UserUpdateInput, type DirectoryUser, type EditableUser, type Page, type User, type UserWithTicket } from "./users-spec";
import type { UserStore } from "./users-store";

export interface ConnectState {
  store: UserStore;
  authKind: AuthKind;
  /** Unlocked users the licence allows; undefined: no limit. */
  seats?: number;
  directory: Map<string, DirectoryUser>;
  /** Open temp tickets → directory username. */
  tickets: Map<string, string>;
  /** Fields a PUT may not change (code 53). */
  immutable: Set<string>;
  /** Which spec generation the server speaks (choices.ts). */
  generation: Generation;
  /** The user who owns each key, by its access ("full": the administrator's key; "read-only": the publisher's). */
  keyOwners: Map<string, string>;
}

/** A user as this server's generation shows it: 2023 servers have no external_id (choices.ts). */
function shown<T extends { external_id?: string }>(s: ConnectState, user: T): T {
  if (s.generation === "current") return user;
  const { external_id: _hidden, ...rest } = user;
  return rest as T;
}

const fail = (c: { status: number; code: number }, message: string) => apiError(c.status, c.code, message);
const badBody = (messages: string[]) => apiError(400, 0, messages.join("; "));

function parsed<T>(req: ServiceRequest, schema: Parameters<typeof check<T>>[0]): { value: T } | { reply: Reply } {
  const body = parseJsonBody(req.body, req.errors);
  if ("reply" in body) return body;
  const checked = check(schema, body.body);
  return checked.ok ? { value: checked.value } : { reply: badBody(checked.messages) };
}

const seatsFull = (s: ConnectState) => s.seats !== undefined && s.store.all().filter((u) => !u.locked).length >= s.seats;
const lastAdmin = (s: ConnectState, user: User) =>
  user.user_role === "administrator" && !user.locked && s.store.all().filter((u) => u.user_role === "administrator" && !u.locked).length === 1;
/** A non-administrator's key (the publisher key) may not write (choices.ts). */
const notAdmin = (req: ServiceRequest) => req.access === "read-only";

function create(req: ServiceRequest, s: ConnectState): Reply {
  if (notAdmin(req)) return fail(CODES.ROLE_NOT_PERMITTED, "You do not have permission to assign this role.");
  const body = parsed<UserCreatePushInput>(req, s.generation === "2023" ? UserCreatePushInput2023 : UserCreatePushInput);
  if ("reply" in body) return body.reply;
  if (s.authKind === "ldap") return fail(CODES.PUSH_ON_PULL_AUTH, "This server's users come from its directory: use the remote search and PUT /v1/users with a temp_ticket.");
  const input = body.value;
  if (input.username === "") return fail(CODES.USERNAME_NOT_ALLOWED, "The requested username is not allowed.");
  if (input.password !== undefined && (input.password.length < MIN_PASSWORD || input.user_must_set_password === true)) {
    return fail(CODES.WEAK_PASSWORD, input.user_must_set_password === true ? "Give a password or user_must_set_password, not both." : `The password must be at least ${MIN_PASSWORD} characters.`);
  }
  return insert(req, s, input);
}

function insert(req: ServiceRequest, s: ConnectState, input: UserCreatePushInput): Reply {
  if (s.store.named(input.username)) return fail(CODES.USERNAME_TAKEN, "The requested username is already in use.");
  if (seatsFull(s)) return fail(CODES.SEAT_LIMIT, "The licence's user seat limit has been reached.");
  const created = s.store.create(input);
  if (created.kind === "created") return json(200, shown(s, created.item));
  if (created.kind === "invalid") return badBody(created.messages);
  return fail(CODES.USERNAME_TAKEN, "The requested username is already in use.");
}

function importUser(req: ServiceRequest, s: ConnectState): Reply {
  if (notAdmin(req)) return fail(CODES.ROLE_NOT_PERMITTED, "You do not have permission to assign this role.");
  const body = parsed(req, UserCreatePullInput);
  if ("reply" in body) return body.reply;
  if (s.authKind === "password") return fail(CODES.PULL_ON_PUSH_AUTH, "This server's users are created with POST /v1/users.");
  const username = body.value.temp_ticket === undefined ? undefined : s.tickets.get(body.value.temp_ticket);
  const person = username === undefined ? undefined : s.directory.get(username);
  if (!person) return fail(CODES.BAD_TICKET, "The temp_ticket is not valid.");
  // A ticket stays valid: used again once its user is imported, it meets code 8 (choices.ts).
  return insert(req, s, { ...person });
}

function remoteSearch(req: ServiceRequest, s: ConnectState): Reply {
  const q = new QueryReader(req.query, ["prefix", "limit"]);
  const limit = q.integer("limit", PAGE_SIZE);
  if (!q.ok) return badBody(Object.values(q.problems));
  const prefix = (q.get("prefix") ?? "").toLowerCase();
  const people = s.authKind === "ldap" ? [...s.directory.values()] : [];
  const results = people.filter((p) => [p.username, p.first_name, p.last_name].some((n) => n?.toLowerCase().startsWith(prefix))).slice(0, limit).map((p): UserWithTicket => {
    const ticket = randomBytes(12).toString("hex");
    s.tickets.set(ticket, p.username);
    const existing = s.store.named(p.username);
    const at = new Date().toISOString();
    return {
      ...(p.email !== undefined && { email: p.email }), username: p.username,
      ...(p.first_name !== undefined && { first_name: p.first_name }), ...(p.last_name !== undefined && { last_name: p.last_name }),
      user_role: existing?.user_role ?? "viewer", created_time: existing?.created_time ?? at, updated_time: existing?.updated_time ?? at,
      active_time: null, confirmed: existing?.confirmed ?? false, locked: existing?.locked ?? false,
      guid: existing?.guid ?? null, temp_ticket: ticket,
    };
  });
  const page: Page<UserWithTicket> = { results, current_page: 1, total: results.length };
  return json(200, page);
}

function list(req: ServiceRequest, s: ConnectState): Reply {
  const q = new QueryReader(req.query, ["prefix", "page_number", "page_size", "asc_order", "sort", "user_role", "account_status"]);
  const size = q.integer("page_size", PAGE_SIZE);
  const number = q.integer("page_number", PAGE_NUMBER);
  const alternatives = (name: string, allowed: readonly string[]) => {
    const raw = q.get(name);
    if (raw === undefined) return undefined;
    const values = raw.split("|");
    if (values.some((v) => !allowed.includes(v))) q.problem(name, `${name} must be ${allowed.join(", ")}, or several joined by |`);
    return values;
  };
  const roles = alternatives("user_role", ROLES);
  const statuses = alternatives("account_status", ACCOUNT_STATUSES);
  const sort = q.get("sort");
  if (sort !== undefined && !(SORT_FIELDS as readonly string[]).includes(sort)) q.problem("sort", `sort must be one of ${SORT_FIELDS.join(", ")}`);
  const asc = q.get("asc_order");
  if (asc !== undefined && asc !== "true" && asc !== "false") q.problem("asc_order", "asc_order must be true or false");
  if (!q.ok) return badBody(Object.values(q.problems));
  const prefix = q.get("prefix")?.toLowerCase();
  let users = s.store.all().filter((u) =>
    (prefix === undefined || [u.username, u.first_name, u.last_name].some((n) => n?.toLowerCase().startsWith(prefix)))
    && (roles === undefined || roles.includes(u.user_role))
    && (statuses === undefined || statuses.some((st) => (st === "locked" ? u.locked : st === "licensed" ? !u.locked : false))));
  if (sort !== undefined) {
    const key = sort as keyof User;
    users = [...users].sort((a, b) => String(a[key] ?? "").localeCompare(String(b[key] ?? "")));
  }
  if (asc === "false") users.reverse();
  // A prefix search answers its first page only.
  const page = numberedPage(users, prefix === undefined ? number : 1, size);
  const body: Page<User> = { results: page.items.map((u) => shown(s, u)), current_page: prefix === undefined ? number : 1, total: page.total };
  return json(200, body);
}

function get(req: ServiceRequest, s: ConnectState, key: string | undefined): Reply | { user: User } {
  if (key === undefined || !UUID.test(key)) return fail(CODES.INVALID_GUID, `${key ?? "The path parameter"} is not a valid user GUID.`);
  const user = s.store.get(key);
  return user ? { user } : req.errors.notFound(key, `User ${key} not found`);
}

function update(req: ServiceRequest, s: ConnectState, key: string | undefined): Reply {
  const body = parsed(req, UserUpdateInput);
  if ("reply" in body) return body.reply;
  const found = get(req, s, key);
  if (!("user" in found)) return found;
  if (notAdmin(req)) return fail(CODES.ROLE_NOT_PERMITTED, "You do not have permission to assign this role.");
  const { user } = found;
  const changes = Object.entries(body.value).filter(([k, v]) => v !== undefined && v !== user[k as keyof User]).map(([k]) => k);
  const frozen = changes.find((k) => s.immutable.has(k));
  if (frozen) return fail(CODES.IMMUTABLE_FIELD, `The field ${frozen} cannot be changed.`);
  if (s.authKind === "ldap") {
    if (changes.includes("username")) return fail(CODES.USERNAME_SET_BY_PROVIDER, "The username is already set by the authentication provider.");
    const owned = changes.filter((k) => ["email", "first_name", "last_name"].includes(k));
    if (owned.length > 0) return fail(CODES.INTERNAL_FIELD, `These fields are managed by the authentication provider: ${owned.join(", ")}.`);
  }
  if (changes.includes("username") && s.store.named(body.value.username!)) return fail(CODES.USERNAME_TAKEN, "The requested username is already in use.");
  if (changes.includes("user_role") && lastAdmin(s, user)) return fail(CODES.LAST_ADMIN, "The last administrator cannot be demoted.");
  const result = s.store.update(user.guid, body.value);
  if (result.kind !== "updated") return badBody(result.kind === "invalid" ? result.messages : ["not found"]);
  const { email, username, first_name, last_name, user_role, updated_time } = result.item;
  const editable: EditableUser = { ...(email !== undefined && { email }), username, ...(first_name !== undefined && { first_name }), ...(last_name !== undefined && { last_name }), user_role, updated_time };
  return json(200, editable);
}

function lock(req: ServiceRequest, s: ConnectState, user: User): Reply {
  if (notAdmin(req)) return fail(CODES.NO_LOCK_PERMISSION, "You do not have permission to lock users.");
  const body = parsed(req, LockUserInput);
  if ("reply" in body) return body.reply;
  const locked = body.value.locked;
  if (locked === undefined || locked === null) return badBody(["locked must be true or false"]);
  if (locked === user.locked) return { status: 200 };
  if (locked && lastAdmin(s, user)) return fail(CODES.LAST_ADMIN, "The last administrator cannot be locked.");
  if (!locked && seatsFull(s)) return fail(CODES.SEAT_LIMIT, "The licence's user seat limit has been reached.");
  s.store.update(user.guid, { locked });
  return { status: 200 };
}

export function usersResource(s: ConnectState): Resource<User> {
  return {
    path: ["__api__", "v1", "users"],
    ops: ["list", "create", "get", "update"],
    updateMethod: "PUT",
    store: s.store,
    duplicateStatus: 409,
    custom: {
      list: (req) => list(req, s),
      create: (req) => create(req, s),
      get: (req, r) => {
        const found = get(req, s, r.key);
        return "user" in found ? json(200, shown(s, found.user)) : found;
      },
      update: (req, r) => update(req, s, r.key),
    },
    actions: { lock: { method: "POST", run: (req, user) => lock(req, s, user) } },
  };
}

/** getCurrentUser: the user who owns the request's key (choices.ts). */
function currentUser(req: ServiceRequest, s: ConnectState): Reply {
  const guid = s.keyOwners.get(req.access ?? "");
  const user = guid === undefined ? undefined : s.store.get(guid);
  return user ? json(200, shown(s, user)) : apiError(404, USER_NOT_FOUND, "The API key's user was not found.");
}

/** The routes the core's router does not take: PUT /v1/users, GET /v1/users/remote and GET /v1/user. */
export function collectionExtras(req: ServiceRequest, s: ConnectState): Reply | undefined {
  if (req.path === "/__api__/v1/user" && req.method === "GET") return currentUser(req, s);
  if (req.path === "/__api__/v1/users" && req.method === "PUT") return importUser(req, s);
  if (req.path === "/__api__/v1/users/remote" && req.method === "GET") return remoteSearch(req, s);
  return undefined;
}
