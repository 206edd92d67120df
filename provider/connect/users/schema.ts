import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const userType: ResourceType = { kind: "ConnectUser", module: "connect", type: "User", loader: "connect-user" };

/** User.user_role / UserCreatePushInput.user_role (spec: components.schemas.User). */
export const userRoleNames = ["administrator", "publisher", "viewer"] as const;
/** Connect has no delete endpoint (only the server's `usermanager delete`): lock, or leave alone. */
export const onDeletePolicies = ["lock", "retain"] as const;

export type ConnectUserRole = (typeof userRoleNames)[number];
export type OnDelete = (typeof onDeletePolicies)[number];

const text = (name: string, max: number) =>
  z.string({ message: `${name} must be a string` }).min(1, `${name} cannot be empty (leave it unset instead)`).max(max, `${name} must be at most ${max} characters`);

/**
 * Usernames are the server's (or its LDAP/SAML directory's), case-sensitive and compared exactly;
 * the id is the guid, so a username is never a path segment. Whitespace and control characters
 * are refused: no directory issues them, and they only ever come from a typo.
 */
export const username = text("username", 255).regex(/^[^\s\p{Cc}]+$/u, "username cannot contain whitespace or control characters");

/** The inputs of ConnectUser, with their defaults; the single source of ConnectUserInputs. */
export const userInputs = z.strictObject({
  account: accountInput.optional(),
  username,
  email: z.email({ message: "email must be a valid email address" }).optional(),
  firstName: text("firstName", 255).optional(),
  lastName: text("lastName", 255).optional(),
  userRole: z.enum(userRoleNames, { message: `userRole must be one of ${userRoleNames.join(", ")} (unset: the server's default role)` }).optional(),
  locked: z.boolean({ message: "locked must be true or false" }).default(false),
  // The 2023.09 API docs: at least 6 characters. Create-only; never an output.
  password: z.string({ message: "password must be a string" }).min(6, "password must be at least 6 characters").optional(),
  userMustSetPassword: z.boolean({ message: "userMustSetPassword must be true or false" }).optional(),
  externalId: text("externalId", 255).optional(),
  adoptExisting: z.boolean({ message: "adoptExisting must be true or false" }).default(false),
  onDelete: z.enum(onDeletePolicies, {
    error: (issue) => issue.input === "delete"
      ? "onDelete cannot be \"delete\": Connect's API has no endpoint that deletes a user (only the server's usermanager can); use \"lock\" (the default: no login, no seat, content kept) or \"retain\""
      : "onDelete must be \"lock\" or \"retain\"",
  }).default("lock"),
});

export type UserInputs = z.infer<typeof userInputs>;

/** Optional inputs whose absence means "whatever the server has": the outputs show the server's value, without a diff. */
export const serverDefaultedInputs = ["email", "firstName", "lastName", "userRole", "externalId"] as const;

/**
 * What the API does not store but the resource must remember: delete and refresh see only outputs.
 * `userMustSetPassword` and `unsetInputs` are kept so that a refresh that saw drift can record the
 * program's inputs faithfully (core DriftLogic); the password cannot be (it is never an output).
 */
export type KeptSettings = Pick<UserInputs, "account" | "adoptExisting" | "onDelete" | "userMustSetPassword"> & {
  /** Which of `serverDefaultedInputs` the program left unset (absent when none). */
  unsetInputs?: string[];
};

/** Outputs: the inputs as the server reports them (never the password), plus what the server assigns. */
export interface UserOutputs extends KeptSettings {
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  /** As the server reports it; roles the provider does not know yet are kept as given. */
  userRole: string;
  locked: boolean;
  externalId?: string;
  guid: string;
  confirmed: boolean;
  createdTime?: string;
  updatedTime?: string;
  activeTime?: string;
}

/** Each output key, once: what the check ignores in `news`, what the resource names and marks secret. */
export const userFields: Fields<UserOutputs> = {
  account: "input", username: "input", email: "input", firstName: "input", lastName: "input", userRole: "input",
  locked: "input", externalId: "input", adoptExisting: "input", onDelete: "input", userMustSetPassword: "input",
  unsetInputs: "output", guid: "output", confirmed: "output", createdTime: "output", updatedTime: "output", activeTime: "output",
};

// ---- The API's shapes (snake_case; spec: components.schemas), lenient where a server may grow.
export const apiUser = z.object({
  guid: z.string(),
  username: z.string(),
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  user_role: z.string(),
  created_time: z.string().nullish(),
  updated_time: z.string().nullish(),
  active_time: z.string().nullish(),
  confirmed: z.boolean().optional(),
  locked: z.boolean().optional(),
  external_id: z.string().nullish(),
});
export type ApiUser = z.infer<typeof apiUser>;

/** Users = OffsetPaging + results. */
export const usersPage = z.object({ results: z.array(apiUser).default([]), current_page: z.number().optional(), total: z.number().optional() });

/** UserWithTicket: guid is null when the directory's user has no Connect account yet. */
export const remoteUser = z.object({ username: z.string(), guid: z.string().nullish(), temp_ticket: z.string().optional() });
export const remoteSearchResults = z.object({ results: z.array(remoteUser).default([]) });
export type RemoteUser = z.infer<typeof remoteUser>;

/** UserCreatePushInput. */
export interface CreateUserBody {
  username: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  user_role?: ConnectUserRole;
  password?: string;
  user_must_set_password?: boolean;
  external_id?: string;
  /** The deprecated name of external_id, and the only one servers of the 2023 generation know. */
  unique_id?: string;
}

/** UserUpdateInput: every field optional. */
export type UpdateUserBody = Partial<Pick<CreateUserBody, "username" | "email" | "first_name" | "last_name" | "user_role">>;
