/**
 * The users shapes of the Arize AX REST API v2, declared from the official TypeScript client's
 * generated types (`@arizeai/ax-client` 1.28.0, dist/src/__generated__/api/v2.d.ts:
 * components.schemas.CreateUserRequest, UpdateUserRequest, User, CreateUserResponse,
 * ListUsersResponse, PaginationMetadata, Problem; parameters LimitQueryParamMax100,
 * EmailSearchQueryParam, UserStatusQueryParam). Never imported from provider/.
 * test/conformance/specs/arize-users.facts.json holds the same facts, checked against the client.
 */
import { z } from "zod";
import { charCount, typed } from "../core";

export const USER_ROLES = ["ADMIN", "MEMBER", "ANNOTATOR"] as const;
export const USER_STATUSES = ["ACTIVE", "INVITED", "EXPIRED"] as const;
export const INVITE_MODES = ["NONE", "EMAIL_LINK", "TEMPORARY_PASSWORD"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export type UserStatus = (typeof USER_STATUSES)[number];
export type InviteMode = (typeof INVITE_MODES)[number];

/** LimitQueryParamMax100 (default 50, the client's DEFAULT_LIST_LIMIT). */
export const LIMIT = { min: 1, max: 100, default: 50 };
/** EmailSearchQueryParam maxLength. */
export const EMAIL_SEARCH_MAX_CHARS = 255;
/** CreateUserRequest.name: 1–255. */
export const NAME_MAX_CHARS = 255;

const name = z.string(typed("a string"))
  .refine((s) => charCount(s) >= 1 && charCount(s) <= NAME_MAX_CHARS, `must be 1 to ${NAME_MAX_CHARS} characters`)
  .refine((s) => s.trim() !== "", "must not be blank");

/** UserRoleAssignmentRequest: PredefinedUserRoleAssignmentRequest | CustomUserRoleAssignmentRequest. */
const roleRequest = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("PREDEFINED"), name: z.enum(USER_ROLES, typed(`one of ${USER_ROLES.join(", ")}`)) }),
  z.strictObject({ type: z.literal("CUSTOM"), id: z.string(typed("a string")).min(1) }),
], typed("a role assignment with type PREDEFINED or CUSTOM"));

export const CreateUserRequest = z.strictObject({
  name,
  email: z.email(typed("an email address")),
  role: roleRequest,
  invite_mode: z.enum(INVITE_MODES, typed(`one of ${INVITE_MODES.join(", ")}`)),
  is_developer: z.boolean(typed("a boolean")).optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  name: name.optional(),
  is_developer: z.boolean(typed("a boolean")).optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** UserRoleAssignment as returned: PredefinedUserRoleAssignment | CustomUserRoleAssignment. */
export type UserRoleAssignment = { type: "PREDEFINED"; name: UserRole } | { type: "CUSTOM"; id: string; name?: string };

export interface User {
  id: string;
  name: string;
  email: string;
  created_at: string;
  status: UserStatus;
  role: UserRoleAssignment;
  is_developer: boolean;
}

export interface CreateUserResponse extends User {
  invite_mode: InviteMode;
  temporary_password?: string;
}

export interface ListUsersResponse {
  users: User[];
  pagination: { next_cursor?: string; has_more: boolean };
}

/** RFC 9457 Problem Details. */
export interface Problem {
  title: string;
  status: number;
  type?: string;
  detail?: string;
  instance?: string;
}
