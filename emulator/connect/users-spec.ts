/**
 * The users shapes of Connect's Server API, from its OpenAPI (components.schemas, subset committed in
 * test/conformance/specs/connect.subset.json). Request schemas are strict where the spec says
 * `additionalProperties: false`. Declared here from the spec, never from the provider.
 */
import { z } from "zod";
import { typed } from "../core";

/** User.user_role. */
export const ROLES = ["administrator", "publisher", "viewer"] as const;
export type Role = (typeof ROLES)[number];
/** getUsers account_status. */
export const ACCOUNT_STATUSES = ["locked", "licensed", "inactive"] as const;
/** getUsers sort. */
export const SORT_FIELDS = ["first_name", "last_name", "username", "active_time", "created_time", "user_role"] as const;

const text = z.string(typed("a string"));
const role = z.enum(ROLES, { error: (i) => (i.input === undefined ? "is required" : `must be one of ${ROLES.join(", ")}`) });

/** UserCreatePushInput: user_role null means the server's default role. */
export const UserCreatePushInput = z.strictObject({
  username: text,
  first_name: text.optional(),
  last_name: text.optional(),
  email: text.optional(),
  user_role: role.nullish(),
  user_must_set_password: z.boolean(typed("a boolean")).optional(),
  password: text.optional(),
  external_id: text.optional(),
  unique_id: text.optional(),
});
export type UserCreatePushInput = z.infer<typeof UserCreatePushInput>;

/** UserCreatePushInput of the 2023.09 reference: `unique_id` only (no `external_id`). */
export const UserCreatePushInput2023 = UserCreatePushInput.omit({ external_id: true });

/** UserUpdateInput: every field optional. */
export const UserUpdateInput = z.strictObject({
  email: text.optional(),
  username: text.optional(),
  first_name: text.optional(),
  last_name: text.optional(),
  user_role: role.optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

/** UserCreatePullInput. */
export const UserCreatePullInput = z.strictObject({ temp_ticket: text.optional() });
/** LockUserInput. */
export const LockUserInput = z.strictObject({ locked: z.boolean(typed("a boolean")).nullish() });

/** User, properties in the spec's order. */
export interface User {
  email?: string;
  username: string;
  first_name?: string;
  last_name?: string;
  user_role: Role;
  created_time: string;
  updated_time: string;
  active_time: string | null;
  confirmed: boolean;
  locked: boolean;
  external_id?: string;
  guid: string;
}

/** EditableUser: what PUT /v1/users/{guid} answers. */
export type EditableUser = Pick<User, "email" | "username" | "first_name" | "last_name" | "user_role" | "updated_time">;

/** UserWithTicket: a directory user; guid is null when it has no Connect account yet. */
export type UserWithTicket = Omit<User, "guid"> & { guid: string | null; temp_ticket: string };

/** A user of an LDAP or Google server's directory, before it has a Connect account. */
export interface DirectoryUser {
  username: string;
  email?: string;
  first_name?: string;
  last_name?: string;
}

/** Users / RemoteSearchResults: OffsetPaging plus results. */
export interface Page<T> {
  results: T[];
  current_page: number;
  total: number;
}
