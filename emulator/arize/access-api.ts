/**
 * The access operations of the API (the official client's names), served before the users
 * resource; each enforces Arize's documented rules (docs/access-design.md, choices.ts):
 *
 *   list_organizations        GET    /v2/organizations?name&limit&cursor          200 ListOrganizationsResponse
 *   get_organization          GET    /v2/organizations/{org_id}                   200 Organization
 *   add_organization_user     POST   /v2/organizations/{org_id}/users             200 OrganizationMembership (upsert)
 *   remove_organization_user  DELETE /v2/organizations/{org_id}/users/{user_id}   204 (also leaves the org's spaces)
 *   list_spaces               GET    /v2/spaces?org_id&name&limit&cursor          200 ListSpacesResponse
 *   get_space                 GET    /v2/spaces/{space_id}                        200 Space
 *   add_space_user            POST   /v2/spaces/{space_id}/users                  200 SpaceMembership (upsert; 400 not in the org)
 *   remove_space_user         DELETE /v2/spaces/{space_id}/users/{user_id}        204; 404 for a non-member
 *   list_role_bindings        GET    /v2/role-bindings?resource_type&user_id…     200 ListRoleBindingsResponse
 *   get_role_binding          GET    /v2/role-bindings/{binding_id}               200 RoleBinding
 *   list_roles / get_role     GET    /v2/roles[/{role_id}]                        200
 *
 * The ANNOTATOR rule (both member operations): a user whose account role is ANNOTATOR takes only
 * the ANNOTATOR role, and no other user takes it: 400.
 */
import { check, cursorPage, json, parseJsonBody, QueryReader, type Reply, type ServiceRequest } from "../core";
import { AddMemberRequest, ROLE_BINDING_RESOURCE_TYPES, type Pagination } from "./access-spec";
import type { AccessStore } from "./access-store";
import { CUSTOM_MEMBER_ROLE_STATUS, notInOrganizationDetail, REMOVE_NON_MEMBER_ORG_STATUS, UPSERT_STATUS } from "./choices";
import { LIMIT } from "./users-spec";
import type { User } from "./users-spec";

type Users = { get(id: string): User | undefined };

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** The reply to an access operation, or undefined when the path is not one (the users resource serves it). */
export function serveAccess(req: ServiceRequest, store: AccessStore, users: Users): Reply | undefined {
  const parts = req.path.split("/").slice(2); // "", "v2"
  const [collection, rawId, sub, rawUser, ...rest] = parts;
  if (!["organizations", "spaces", "role-bindings", "roles"].includes(collection ?? "") || rest.length > 0) return undefined;
  const noOp = () => req.errors.notFound(req.path, `No operation for ${req.method} ${req.path}`);
  if (rawId === undefined) return req.method === "GET" ? list(req, store, collection!) : noOp();
  const id = decode(rawId) ?? "";
  if (sub === undefined) return req.method === "GET" ? getOne(req, store, collection!, id, rawId) : noOp();
  if (sub !== "users" || (collection !== "organizations" && collection !== "spaces")) return noOp();
  const org = collection === "organizations";
  if (rawUser === undefined) return req.method === "POST" ? (org ? addOrgUser(req, store, users, id) : addSpaceUser(req, store, users, id)) : noOp();
  if (req.method !== "DELETE" || rawUser === "") return noOp();
  const userId = decode(rawUser) ?? "";
  if (org) {
    if (!store.organization(id)) return req.errors.notFound(id, `Organization ${id} not found`);
    if (store.removeOrgMember(id, userId)) return { status: 204 };
    return REMOVE_NON_MEMBER_ORG_STATUS === 404 ? req.errors.notFound(userId, `User ${userId} is not a member of organization ${id}`) : { status: 204 };
  }
  if (!store.space(id)) return req.errors.notFound(id, `Space ${id} not found`);
  return store.removeSpaceMember(id, userId) ? { status: 204 } : req.errors.notFound(userId, `User ${userId} is not a member of space ${id}`);
}

function page<T>(req: ServiceRequest, q: QueryReader, offset: number | undefined, items: T[], key: string): Reply {
  const limit = q.integer("limit", LIMIT);
  if (!q.ok || offset === undefined) return req.errors.badRequest(q.problems, Object.values(q.problems));
  const p = cursorPage(items, offset, limit);
  const pagination: Pagination = p.next === undefined ? { has_more: false } : { next_cursor: p.next, has_more: true };
  return json(200, { [key]: p.items, pagination });
}

const contains = (name: string, filter: string | undefined) => filter === undefined || name.toLowerCase().includes(filter.toLowerCase());

function list(req: ServiceRequest, store: AccessStore, collection: string): Reply {
  const q = new QueryReader(req.query, ["limit", "cursor", "name", "org_id", "user_id", "resource_type", "is_predefined"]);
  const offset = q.cursor("cursor", "cursor");
  if (collection === "organizations") {
    return page(req, q, offset, store.organizations().filter((o) => contains(o.name, q.get("name"))), "organizations");
  }
  if (collection === "spaces") {
    const orgId = q.get("org_id");
    return page(req, q, offset, store.spaces(orgId).filter((s) => contains(s.name, q.get("name"))), "spaces");
  }
  if (collection === "roles") {
    const predefined = q.get("is_predefined");
    return page(req, q, offset, store.roles().filter((r) => predefined === undefined || String(r.is_predefined) === predefined), "roles");
  }
  const type = q.get("resource_type");
  if (type === undefined) q.problem("resource_type", "resource_type is required");
  else if (!(ROLE_BINDING_RESOURCE_TYPES as readonly string[]).includes(type)) q.problem("resource_type", `resource_type must be one of ${ROLE_BINDING_RESOURCE_TYPES.join(", ")}, got ${type}`);
  const userId = q.get("user_id");
  const bindings = store.roleBindings().filter((b) => b.resource_type === type && (userId === undefined || b.user_id === userId));
  return page(req, q, offset, bindings, "role_bindings");
}

function getOne(req: ServiceRequest, store: AccessStore, collection: string, id: string, raw: string): Reply {
  const found = collection === "organizations" ? store.organization(id)
    : collection === "spaces" ? store.space(id)
      : collection === "roles" ? store.roles().find((r) => r.id === id)
        : store.roleBindings().find((b) => b.id === id);
  const noun = { organizations: "Organization", spaces: "Space", roles: "Role", "role-bindings": "Role binding" }[collection];
  return found ? json(200, found) : req.errors.notFound(raw, `${noun} ${id} not found`);
}

/** The body, the user and the ANNOTATOR rule, shared by both member operations; a reply when refused. */
function memberRequest(req: ServiceRequest, users: Users, where: string): { body: AddMemberRequest } | { reply: Reply } {
  const parsed = parseJsonBody(req.body, req.errors);
  if ("reply" in parsed) return parsed;
  const checked = check(AddMemberRequest, parsed.body);
  if (!checked.ok) return { reply: req.errors.badRequest(checked.fieldErrors, checked.messages) };
  const body = checked.value;
  if (body.role.type === "CUSTOM") return { reply: req.errors.error(CUSTOM_MEMBER_ROLE_STATUS, "CUSTOM role assignments for members are not supported by this emulator") };
  const user = users.get(body.user_id);
  if (!user) return { reply: req.errors.notFound(body.user_id, `User ${body.user_id} not found`) };
  const annotator = user.role.type === "PREDEFINED" && user.role.name === "ANNOTATOR";
  if (annotator !== (body.role.name === "ANNOTATOR")) {
    return {
      reply: req.errors.error(400, annotator
        ? `User ${user.id} has the account role ANNOTATOR and can only hold the ANNOTATOR ${where} role, not ${body.role.name}`
        : `Only users with the account role ANNOTATOR can hold the ANNOTATOR ${where} role; user ${user.id} is ${user.role.type === "PREDEFINED" ? user.role.name : "CUSTOM"}`),
    };
  }
  return { body };
}

function addOrgUser(req: ServiceRequest, store: AccessStore, users: Users, orgId: string): Reply {
  const asked = memberRequest(req, users, "organization");
  if ("reply" in asked) return asked.reply;
  if (!store.organization(orgId)) return req.errors.notFound(orgId, `Organization ${orgId} not found`);
  return json(UPSERT_STATUS, store.setOrgMember(orgId, asked.body.user_id, asked.body.role));
}

function addSpaceUser(req: ServiceRequest, store: AccessStore, users: Users, spaceId: string): Reply {
  const asked = memberRequest(req, users, "space");
  if ("reply" in asked) return asked.reply;
  const orgId = store.organizationOfSpace(spaceId);
  if (orgId === undefined) return req.errors.notFound(spaceId, `Space ${spaceId} not found`);
  if (!store.orgMember(orgId, asked.body.user_id)) return req.errors.error(400, notInOrganizationDetail(asked.body.user_id, spaceId));
  return json(UPSERT_STATUS, store.setSpaceMember(spaceId, asked.body.user_id, asked.body.role));
}
