/**
 * The groups, group members and content permissions operations of the spec (subset:
 * test/conformance/specs/connect-access.subset.json), as the service's own handlers:
 *
 *   getGroups              GET    /v1/groups                          200 Groups (page_number paging, default 20)
 *   createGroup            POST   /v1/groups                          200 Group; LDAP servers: 120
 *   createRemoteGroup      PUT    /v1/groups {temp_ticket}            200 Group; other servers: 119
 *   searchRemoteGroups     GET    /v1/groups/remote                   200 GroupRemoteSearch (LDAP only)
 *   getGroup               GET    /v1/groups/{guid}                   200 Group
 *   patchGroup             PATCH  /v1/groups/{guid}                   200 Group
 *   deleteGroup            DELETE /v1/groups/{guid}                   204
 *   getGroupMembers        GET    /v1/groups/{guid}/members           200 GroupMembers (default page size 10)
 *   addGroupMember         POST   /v1/groups/{guid}/members           204; already a member: 16 (409)
 *   removeGroupMember      DELETE /v1/groups/{guid}/members/{user}    204; not a member: 17 (404)
 *   listContentPermissions GET    /v1/content/{guid}/permissions      200 Permission[] (not paged)
 *   addContentPermission   POST   /v1/content/{guid}/permissions      201 new, 200 updated (upsert by principal)
 *   getContentPermission   GET    /v1/content/{guid}/permissions/{id} 200 Permission
 *   updateContentPermission PUT   /v1/content/{guid}/permissions/{id} 200 Permission
 *   deleteContentPermission DELETE /v1/content/{guid}/permissions/{id} 204
 * The rules enforced and the choices made: docs/access-design.md and ./choices.ts.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { check, json, numberedPage, parseJsonBody, QueryReader, type Reply, type ServiceRequest } from "../core";
import { ACCESS_CODES, CODES, GROUP_NAME_MAX, GROUPS_DISABLED, MEMBERS_PAGE_SIZE, PAGE_NUMBER, PAGE_SIZE, UUID } from "./choices";
import { apiError } from "./errors";
import {
  GroupCreateInput, GroupCreateRemoteInput, GroupMemberAddInput, GroupPatchInput, MEMBER_SORT_FIELDS, PERMISSION_ROLES, PermissionInput, PRINCIPAL_TYPES,
  type ContentItem, type Group, type GroupWithTicket, type Permission,
} from "./access-spec";
import type { ConnectState } from "./users-api";
import type { Page, User } from "./users-spec";

/** What the groups and content endpoints keep, beside the users. */
export interface AccessState {
  groupsEnabled: boolean;
  /** The authentication provider supplies group membership: member changes are refused (choices.ts). */
  membershipFromProvider: boolean;
  groups: Map<string, Group>;
  /** Group guid → member user guids, in the order added. */
  members: Map<string, Set<string>>;
  /** An LDAP server's directory groups, by name, before they are imported. */
  directoryGroups: Set<string>;
  /** Open group temp tickets → directory group name. */
  groupTickets: Map<string, string>;
  content: Map<string, ContentItem>;
  /** Content guid → its permissions, in the order granted. */
  permissions: Map<string, Permission[]>;
  nextPermissionId: number;
}

export function newAccessState(opts: { groupsEnabled?: boolean; membershipFromProvider?: boolean }): AccessState {
  return {
    groupsEnabled: opts.groupsEnabled ?? true, membershipFromProvider: opts.membershipFromProvider ?? false,
    groups: new Map(), members: new Map(), directoryGroups: new Set(), groupTickets: new Map(),
    content: new Map(), permissions: new Map(), nextPermissionId: 1,
  };
}

type Code = { status: number; code: number };
const fail = (c: Code, message: string) => apiError(c.status, c.code, message);
const badBody = (messages: string[]) => apiError(400, 0, messages.join("; "));
const notAdmin = (req: ServiceRequest) => req.access === "read-only";
const readOnly = () => fail(CODES.ROLE_NOT_PERMITTED, "You do not have permission to perform this operation.");

function parsed<T>(req: ServiceRequest, schema: Parameters<typeof check<T>>[0]): { value: T } | { reply: Reply } {
  const body = parseJsonBody(req.body, req.errors);
  if ("reply" in body) return body;
  const checked = check(schema, body.body);
  return checked.ok ? { value: checked.value } : { reply: badBody(checked.messages) };
}

export function groupView(a: AccessState, g: Group): Group {
  return { guid: g.guid, name: g.name, owner_guid: g.owner_guid, gid: g.gid, member_count: a.members.get(g.guid)?.size ?? 0 };
}

function nameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name === "") return "The group name cannot be empty.";
  if (name.length > GROUP_NAME_MAX) return `The group name must be at most ${GROUP_NAME_MAX} characters.`;
  return undefined;
}

function named(a: AccessState, name: string): Group | undefined {
  return [...a.groups.values()].find((g) => g.name === name);
}

function insertGroup(a: AccessState, name: string, gid: number | null): Reply {
  if (named(a, name)) return fail(ACCESS_CODES.GROUP_NAME_TAKEN, "The requested group name is already in use.");
  const group: Group = { guid: randomUUID(), name, owner_guid: null, gid, member_count: 0 };
  a.groups.set(group.guid, group);
  a.members.set(group.guid, new Set());
  return json(200, groupView(a, group));
}

function createGroup(req: ServiceRequest, s: ConnectState, a: AccessState): Reply {
  if (notAdmin(req)) return readOnly();
  const body = parsed(req, GroupCreateInput);
  if ("reply" in body) return body.reply;
  if (s.authKind === "ldap") return fail(CODES.PUSH_ON_PULL_AUTH, "This server's groups come from its directory: use the remote search and PUT /v1/groups with a temp_ticket.");
  const problem = nameProblem(body.value.name);
  if (problem) return fail(ACCESS_CODES.GROUP_NAME_INVALID, problem);
  return insertGroup(a, body.value.name!, body.value.gid ?? null);
}

function importGroup(req: ServiceRequest, s: ConnectState, a: AccessState): Reply {
  if (notAdmin(req)) return readOnly();
  const body = parsed(req, GroupCreateRemoteInput);
  if ("reply" in body) return body.reply;
  if (s.authKind !== "ldap") return fail(CODES.PULL_ON_PUSH_AUTH, "This server's groups are created with POST /v1/groups.");
  const name = body.value.temp_ticket === undefined ? undefined : a.groupTickets.get(body.value.temp_ticket);
  if (name === undefined || !a.directoryGroups.has(name)) return fail(CODES.BAD_TICKET, "The temp_ticket is not valid.");
  return insertGroup(a, name, null);
}

function remoteSearch(req: ServiceRequest, s: ConnectState, a: AccessState): Reply {
  const q = new QueryReader(req.query, ["prefix", "limit"]);
  const limit = q.integer("limit", PAGE_SIZE);
  if (!q.ok) return badBody(Object.values(q.problems));
  if (s.authKind !== "ldap") return fail(ACCESS_CODES.PROVIDER_CANNOT, "The configured provider cannot access this endpoint.");
  const prefix = (q.get("prefix") ?? "").toLowerCase();
  const results = [...a.directoryGroups].filter((n) => n.toLowerCase().startsWith(prefix)).slice(0, limit).map((name): GroupWithTicket => {
    const ticket = randomBytes(12).toString("hex");
    a.groupTickets.set(ticket, name);
    return { name, guid: named(a, name)?.guid ?? null, temp_ticket: ticket };
  });
  return json(200, { results, current_page: 1, total: results.length });
}

function listGroups(req: ServiceRequest, a: AccessState): Reply {
  const q = new QueryReader(req.query, ["prefix", "page_number", "page_size", "asc_order"]);
  const size = q.integer("page_size", PAGE_SIZE);
  const number = q.integer("page_number", PAGE_NUMBER);
  const asc = q.get("asc_order");
  if (asc !== undefined && asc !== "true" && asc !== "false") q.problem("asc_order", "asc_order must be true or false");
  if (!q.ok) return badBody(Object.values(q.problems));
  const prefix = q.get("prefix")?.toLowerCase();
  let groups = [...a.groups.values()].filter((g) => prefix === undefined || g.name.toLowerCase().startsWith(prefix));
  // A prefix search sorts by similarity (original getGroups.description): here, shorter names first.
  if (prefix !== undefined) groups = [...groups].sort((x, y) => x.name.length - y.name.length);
  if (asc === "false") groups.reverse();
  const page = numberedPage(groups, number, size);
  return json(200, { results: page.items.map((g) => groupView(a, g)), current_page: number, total: page.total });
}

function findGroup(req: ServiceRequest, a: AccessState, key: string): { group: Group } | Reply {
  if (!UUID.test(key)) return fail(CODES.INVALID_GUID, `${key} is not a valid group GUID.`);
  const group = a.groups.get(key);
  return group ? { group } : fail(ACCESS_CODES.GROUP_NOT_FOUND, `Group ${key} not found.`);
}

function patchGroup(req: ServiceRequest, s: ConnectState, a: AccessState, group: Group): Reply {
  if (notAdmin(req)) return readOnly();
  const body = parsed(req, GroupPatchInput);
  if ("reply" in body) return body.reply;
  const { name, owner_guid, gid } = body.value;
  if (name !== undefined && name !== null && name !== group.name) {
    if (s.authKind === "ldap") return fail(ACCESS_CODES.PROVIDER_CANNOT, "The group name is set by the authentication provider (LDAP) and cannot be changed.");
    const problem = nameProblem(name);
    if (problem) return fail(ACCESS_CODES.GROUP_NAME_INVALID, problem);
    if (named(a, name)) return fail(ACCESS_CODES.GROUP_NAME_TAKEN, "The requested group name is already in use.");
  }
  if (owner_guid !== undefined && owner_guid !== null && owner_guid !== group.owner_guid) {
    if (s.authKind === "ldap") return fail(ACCESS_CODES.PROVIDER_CANNOT, "The group owner cannot be changed on this server (LDAP).");
    const owner = UUID.test(owner_guid) ? s.store.get(owner_guid) : undefined;
    if (!owner) return fail({ status: 404, code: 9 }, `User ${owner_guid} not found.`);
    if (owner.user_role === "viewer") return fail(ACCESS_CODES.OWNER_IS_VIEWER, "The group owner cannot be a viewer.");
  }
  const next: Group = { ...group, ...(name != null && { name }), ...(owner_guid != null && { owner_guid }), ...(gid != null && { gid }) };
  a.groups.set(group.guid, next);
  return json(200, groupView(a, next));
}

function membersRefused(s: ConnectState, a: AccessState): Reply | undefined {
  if (s.authKind === "ldap") return fail(ACCESS_CODES.PROVIDER_CANNOT, "Group member enumeration is currently not supported for LDAP.");
  if (a.membershipFromProvider) return fail(ACCESS_CODES.PROVIDER_CANNOT, "The authentication provider supplies group membership: members cannot be added or removed through this API.");
  return undefined;
}

function listMembers(req: ServiceRequest, s: ConnectState, a: AccessState, group: Group): Reply {
  if (s.authKind === "ldap") return fail(ACCESS_CODES.PROVIDER_CANNOT, "Group member enumeration is currently not supported for LDAP.");
  const q = new QueryReader(req.query, ["page_number", "page_size", "sort", "asc_order"]);
  const size = q.integer("page_size", MEMBERS_PAGE_SIZE);
  const number = q.integer("page_number", PAGE_NUMBER);
  const sort = q.get("sort") ?? "first_name";
  if (!(MEMBER_SORT_FIELDS as readonly string[]).includes(sort)) q.problem("sort", `sort must be one of ${MEMBER_SORT_FIELDS.join(", ")}`);
  const asc = q.get("asc_order");
  if (asc !== undefined && asc !== "true" && asc !== "false") q.problem("asc_order", "asc_order must be true or false");
  if (!q.ok) return badBody(Object.values(q.problems));
  const users = [...(a.members.get(group.guid) ?? [])].map((g) => s.store.get(g)).filter((u): u is User => u !== undefined);
  // Stable: equal keys keep the order added.
  users.sort((x, y) => String(x[sort as keyof User] ?? "").localeCompare(String(y[sort as keyof User] ?? "")));
  if (asc === "false") users.reverse();
  const page = numberedPage(users, number, size);
  const body: Page<User> = { results: page.items, current_page: number, total: page.total };
  return json(200, body);
}

function addMember(req: ServiceRequest, s: ConnectState, a: AccessState, group: Group): Reply {
  if (notAdmin(req)) return readOnly();
  const body = parsed(req, GroupMemberAddInput);
  if ("reply" in body) return body.reply;
  const refused = membersRefused(s, a);
  if (refused) return refused;
  const guid = body.value.user_guid;
  if (guid === undefined || !UUID.test(guid) || !s.store.get(guid)) return fail({ status: 404, code: 9 }, `User ${guid ?? "(none)"} not found.`);
  const members = a.members.get(group.guid)!;
  if (members.has(guid)) return fail(ACCESS_CODES.ALREADY_MEMBER, "The user is already a member of the group.");
  members.add(guid);
  return { status: 204 };
}

function removeMember(req: ServiceRequest, s: ConnectState, a: AccessState, group: Group, user: string): Reply {
  if (notAdmin(req)) return readOnly();
  const refused = membersRefused(s, a);
  if (refused) return refused;
  const members = a.members.get(group.guid)!;
  if (!members.delete(user)) return fail(ACCESS_CODES.NOT_A_MEMBER, "The user is not a member of the group.");
  return { status: 204 };
}

/** Serves /v1/groups*; undefined for any other path. */
function groupsRoutes(req: ServiceRequest, s: ConnectState, a: AccessState): Reply | undefined {
  const m = /^\/__api__\/v1\/groups(?:\/([^/]+)(?:\/members(?:\/([^/]+))?)?)?$/.exec(req.path);
  if (!m) return undefined;
  const [, rawKey, rawUser] = m;
  const members = req.path.includes("/members");
  if (!a.groupsEnabled) return fail(GROUPS_DISABLED, "User groups are not enabled on this server (Authorization.UserGroups).");
  const method = req.method;
  if (rawKey === undefined) {
    if (method === "GET") return listGroups(req, a);
    if (method === "POST") return createGroup(req, s, a);
    if (method === "PUT") return importGroup(req, s, a);
    return undefined;
  }
  const key = decodeURIComponent(rawKey);
  if (key === "remote" && !members) return method === "GET" ? remoteSearch(req, s, a) : undefined;
  const found = findGroup(req, a, key);
  const op = `${method} ${members ? (rawUser === undefined ? "members" : "member") : "group"}`;
  if (!["GET group", "PATCH group", "DELETE group", "GET members", "POST members", "DELETE member"].includes(op)) return undefined;
  if (!("group" in found)) return found;
  const { group } = found;
  switch (op) {
    case "GET group": return json(200, groupView(a, group));
    case "PATCH group": return patchGroup(req, s, a, group);
    case "DELETE group":
      if (notAdmin(req)) return readOnly();
      a.groups.delete(group.guid);
      a.members.delete(group.guid);
      for (const [content, list] of a.permissions) a.permissions.set(content, list.filter((p) => p.principal_guid !== group.guid));
      return { status: 204 };
    case "GET members": return listMembers(req, s, a, group);
    case "POST members": return addMember(req, s, a, group);
    default: return removeMember(req, s, a, group, decodeURIComponent(rawUser!));
  }
}

// ---- content permissions

function principalProblem(s: ConnectState, a: AccessState, input: PermissionInput): Reply | undefined {
  if (!(PRINCIPAL_TYPES as readonly string[]).includes(input.principal_type ?? "")) return fail(ACCESS_CODES.BAD_PRINCIPAL_TYPE, "The principal type must be 'user' or 'group'.");
  if (!(PERMISSION_ROLES as readonly string[]).includes(input.role ?? "")) return fail(ACCESS_CODES.BAD_PERMISSION_ROLE, `The role must be one of ${PERMISSION_ROLES.join(", ")}.`);
  const guid = input.principal_guid ?? "";
  if (input.principal_type === "group") {
    if (!UUID.test(guid) || !a.groups.has(guid)) return fail(ACCESS_CODES.GROUP_NOT_FOUND, `Group ${guid} not found.`);
    return undefined;
  }
  const user = UUID.test(guid) ? s.store.get(guid) : undefined;
  if (!user) return fail({ status: 404, code: 9 }, `User ${guid} not found.`);
  if (input.role === "owner" && user.user_role === "viewer") return fail(ACCESS_CODES.VIEWER_CANNOT_COLLABORATE, "A user who cannot publish cannot be a collaborator.");
  return undefined;
}

function contentRoutes(req: ServiceRequest, s: ConnectState, a: AccessState): Reply | undefined {
  const m = /^\/__api__\/v1\/content\/([^/]+)\/permissions(?:\/([^/]+))?$/.exec(req.path);
  if (!m) return undefined;
  const contentGuid = decodeURIComponent(m[1]!);
  const id = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
  const op = `${req.method} ${id === undefined ? "list" : "one"}`;
  if (!["GET list", "POST list", "GET one", "PUT one", "DELETE one"].includes(op)) return undefined;
  const content = a.content.get(contentGuid);
  if (!content) return fail(ACCESS_CODES.CONTENT_NOT_FOUND, `Content ${contentGuid} not found.`);
  const list = a.permissions.get(contentGuid) ?? [];
  a.permissions.set(contentGuid, list);
  if (op === "GET list") return json(200, list.map((p) => ({ ...p })));
  if (op === "POST list") {
    if (notAdmin(req)) return readOnly();
    const body = parsed(req, PermissionInput);
    if ("reply" in body) return body.reply;
    const problem = principalProblem(s, a, body.value);
    if (problem) return problem;
    if (body.value.principal_guid === content.owner_guid) return fail(ACCESS_CODES.OWNER_AS_COLLABORATOR, "The content owner cannot be added as a collaborator or viewer.");
    const existing = list.find((p) => p.principal_guid === body.value.principal_guid && p.principal_type === body.value.principal_type);
    if (existing) {
      existing.role = body.value.role!;
      return json(200, { ...existing });
    }
    const permission: Permission = { id: String(a.nextPermissionId++), content_guid: contentGuid, principal_guid: body.value.principal_guid!, principal_type: body.value.principal_type!, role: body.value.role! };
    list.push(permission);
    return json(201, { ...permission });
  }
  const permission = list.find((p) => p.id === id);
  if (!permission) return fail(ACCESS_CODES.PERMISSION_NOT_FOUND, `Permission ${id} not found.`);
  if (op === "GET one") return json(200, { ...permission });
  if (notAdmin(req)) return readOnly();
  if (op === "DELETE one") {
    list.splice(list.indexOf(permission), 1);
    return { status: 204 };
  }
  const body = parsed(req, PermissionInput);
  if ("reply" in body) return body.reply;
  const input = { principal_guid: permission.principal_guid, principal_type: permission.principal_type, role: permission.role, ...body.value };
  if (input.principal_guid !== permission.principal_guid || input.principal_type !== permission.principal_type) {
    return badBody(["principal_guid and principal_type cannot change: delete this permission and add another"]);
  }
  const problem = principalProblem(s, a, input);
  if (problem) return problem;
  permission.role = input.role;
  return json(200, { ...permission });
}

/** The routes of groups, members and content permissions; undefined for any other path. */
export function accessRoutes(req: ServiceRequest, s: ConnectState, a: AccessState): Reply | undefined {
  return groupsRoutes(req, s, a) ?? contentRoutes(req, s, a);
}
