/**
 * The seven users operations of the API, on the core's resource handler (../core/resources.ts);
 * list, create, update and delete follow Arize's own rules (choices.ts):
 *
 *   list_users              GET    /v2/users?limit&cursor&email&status…    200 ListUsersResponse
 *   create_user             POST   /v2/users                              201 CreateUserResponse, 200 User (existing invite), 409, 422
 *   get_user                GET    /v2/users/{user_id}                    200 User
 *   update_user             PATCH  /v2/users/{user_id}                    200 User
 *   delete_user             DELETE /v2/users/{user_id}                    204
 *   resend_user_invitation  POST   /v2/users/{user_id}/resend-invitation  204
 *   reset_user_password     POST   /v2/users/{user_id}/reset-password     204
 */
import { randomBytes } from "node:crypto";
import { charCount, check, cursorPage, json, parseJsonBody, QueryReader, type Reply, type Resource, type Route, type ServiceRequest } from "../core";
import { CUSTOM_ROLE_STATUS, DELETE_AGAIN_STATUS, REINVITE_KEEPS_ID, RESEND_STATUSES, RESET_STATUSES } from "./choices";
import { CreateUserRequest, EMAIL_SEARCH_MAX_CHARS, LIMIT, UpdateUserRequest, USER_STATUSES, type CreateUserResponse, type ListUsersResponse, type User, type UserStatus } from "./users-spec";
import type { UserStore } from "./users-store";

function list(req: ServiceRequest, store: UserStore): Reply {
  const q = new QueryReader(req.query, ["limit", "cursor", "email"]);
  const limit = q.integer("limit", LIMIT);
  const offset = q.cursor("cursor", "cursor");
  const email = q.get("email");
  if (email !== undefined && charCount(email) > EMAIL_SEARCH_MAX_CHARS) q.problem("email", `email must have at most ${EMAIL_SEARCH_MAX_CHARS} characters`);
  const statuses = req.query.getAll("status");
  const bad = statuses.find((s) => !(USER_STATUSES as readonly string[]).includes(s));
  if (bad !== undefined) q.problem("status", `status must be one of ${USER_STATUSES.join(", ")}, got ${bad}`);
  if (!q.ok || offset === undefined) return req.errors.badRequest(q.problems, Object.values(q.problems));
  const wanted = statuses.length > 0 ? new Set(statuses) : new Set<string>(USER_STATUSES);
  const matching = store.all().filter((u) => wanted.has(u.status) && (email === undefined || u.email.toLowerCase().includes(email.toLowerCase())));
  const page = cursorPage(matching, offset, limit);
  const body: ListUsersResponse = { users: page.items, pagination: page.next === undefined ? { has_more: false } : { next_cursor: page.next, has_more: true } };
  return json(200, body);
}

function create(req: ServiceRequest, store: UserStore, reinviteKeepsId: boolean): Reply {
  const parsed = parseJsonBody(req.body, req.errors);
  if ("reply" in parsed) return parsed.reply;
  const checked = check(CreateUserRequest, parsed.body);
  if (!checked.ok) return req.errors.badRequest(checked.fieldErrors, checked.messages);
  const body = checked.value;
  if (body.role.type === "CUSTOM") return req.errors.error(CUSTOM_ROLE_STATUS, "CUSTOM role assignments are not yet supported");
  if (store.isBurnt(body.email)) return req.errors.error(409, `The user ${body.email} was deleted and cannot be invited again`);
  const existing = store.byEmail(body.email);
  const created = (user: User): Reply => {
    const response: CreateUserResponse = {
      ...user, invite_mode: body.invite_mode,
      ...(body.invite_mode === "TEMPORARY_PASSWORD" && { temporary_password: randomBytes(12).toString("base64url") }),
    };
    return json(201, response);
  };
  if (existing) {
    if (body.invite_mode !== "NONE" && existing.status === "INVITED") return json(200, existing);
    if (body.invite_mode !== "NONE" && existing.status === "EXPIRED") return created((reinviteKeepsId ? store.reinvite(existing.id, body) : store.reinviteAsNew(existing.id, body))!);
    return req.errors.error(409, `A user with email ${body.email} already exists`);
  }
  const result = store.create(body);
  if (result.kind !== "created") return req.errors.error(500, `Emulator bug: create ${result.kind}`);
  return created(result.item);
}

function update(req: ServiceRequest, r: Route, store: UserStore, isAdmin: (req: ServiceRequest) => boolean): Reply {
  const parsed = parseJsonBody(req.body, req.errors);
  if ("reply" in parsed) return parsed.reply;
  const checked = check(UpdateUserRequest, parsed.body);
  if (!checked.ok) return req.errors.badRequest(checked.fieldErrors, checked.messages);
  if (checked.value.name === undefined && checked.value.is_developer === undefined) {
    return req.errors.badRequest({}, ["At least one of name or is_developer must be provided"]);
  }
  if (r.key === undefined || !store.get(r.key)) return req.errors.notFound(r.segment, `User ${r.segment} not found`);
  if (checked.value.is_developer !== undefined && !isAdmin(req)) return req.errors.error(403, "Only account admins can change is_developer");
  const result = store.update(r.key, checked.value);
  return result.kind === "updated" ? json(200, result.item) : req.errors.notFound(r.segment, `User ${r.segment} not found`);
}

function remove(req: ServiceRequest, r: Route, store: UserStore): Reply {
  if (r.key !== undefined && store.remove(r.key)) return { status: 204 };
  if (r.key !== undefined && store.wasDeleted(r.key)) return { status: DELETE_AGAIN_STATUS };
  return req.errors.notFound(r.segment, `User ${r.segment} not found`);
}

/** An action allowed only in some statuses; 204 with no body. */
function action(allowed: readonly UserStatus[], refusal: (status: UserStatus) => string, then?: (user: User) => void) {
  return {
    method: "POST",
    run: (req: ServiceRequest, user: User): Reply => {
      if (!allowed.includes(user.status)) return req.errors.error(400, `${refusal(user.status)} (status ${user.status})`);
      then?.(user);
      return { status: 204 };
    },
  };
}

export function usersResource(store: UserStore, isAdmin: (req: ServiceRequest) => boolean, reinviteKeepsId = REINVITE_KEEPS_ID): Resource<User> {
  return {
    path: ["v2", "users"],
    ops: ["list", "create", "get", "update", "delete"],
    store,
    custom: {
      list: (req) => list(req, store),
      create: (req) => create(req, store, reinviteKeepsId),
      update: (req, r) => update(req, r, store, isAdmin),
      delete: (req, r) => remove(req, r, store),
    },
    duplicateStatus: 409,
    actions: {
      "resend-invitation": action(RESEND_STATUSES, (status) => status === "EXPIRED"
        ? "The invitation has expired; create the user again to send a new one"
        : "The user is already verified; there is no invitation to resend", (u) => store.setStatus(u.id, "INVITED")),
      "reset-password": action(RESET_STATUSES, () => "The user has not verified their account; a password reset is not possible"),
    },
  };
}
