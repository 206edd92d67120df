import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const userType: ResourceType = { kind: "ArizeUser", module: "arize", type: "User", loader: "arize-user" };

/** UserRole, InviteMode, UserStatus (the official client's types; uppercase since mid-2026). */
export const roleNames = ["ADMIN", "MEMBER", "ANNOTATOR"] as const;
export const inviteModes = ["NONE", "EMAIL_LINK", "TEMPORARY_PASSWORD"] as const;
export const statusNames = ["ACTIVE", "INVITED", "EXPIRED"] as const;
export const onDeletePolicies = ["delete", "retain"] as const;

export type ArizeRole = (typeof roleNames)[number];
export type ArizeInviteMode = (typeof inviteModes)[number];
export type ArizeUserStatus = (typeof statusNames)[number];
export type ArizeOnDelete = (typeof onDeletePolicies)[number];

/** An enum typed in either case (the API spoke lowercase before mid-2026), kept uppercase. */
export function upperEnum<T extends readonly [string, ...string[]]>(name: string, values: T) {
  const message = `${name} must be one of ${values.join(", ")} (either case)`;
  return z.string({ message }).transform((s) => s.toUpperCase()).pipe(z.enum(values, { message }));
}

/** The inputs of ArizeUser, with their defaults; isDeveloper's default depends on the role (see logic.ts). */
export const userInputs = z.strictObject({
  account: accountInput.optional(),
  email: z.email({ message: "email must be a valid email address" }).max(255, "email must be at most 255 characters"),
  name: z.string({ message: "name must be a string" })
    .min(1, "name must be 1 to 255 characters")
    .max(255, "name must be 1 to 255 characters")
    .refine((s) => s.trim() !== "", "name cannot be only whitespace (the API refuses it)"),
  role: upperEnum("role", roleNames).default("MEMBER"),
  isDeveloper: z.boolean({ message: "isDeveloper must be true or false" }).optional(),
  inviteMode: upperEnum("inviteMode", inviteModes).default("EMAIL_LINK"),
  resendInvitationTrigger: z.string({ message: "resendInvitationTrigger must be a string" }).optional(),
  passwordResetTrigger: z.string({ message: "passwordResetTrigger must be a string" }).optional(),
  adoptExisting: z.boolean({ message: "adoptExisting must be true or false" }).default(false),
  onDelete: z.enum(onDeletePolicies, { message: "onDelete must be delete or retain" }).default("delete"),
});

/** Checked inputs: defaults applied, enums uppercase, isDeveloper filled in from the role. */
export type UserInputs = Omit<z.infer<typeof userInputs>, "isDeveloper"> & { isDeveloper: boolean };

/** What the API does not store (or not return) but the resource must remember. */
export type KeptSettings = Pick<UserInputs, "account" | "inviteMode" | "resendInvitationTrigger" | "passwordResetTrigger" | "adoptExisting" | "onDelete"> & {
  temporaryPassword?: string;
};

/** Outputs: the inputs as the server reports them, plus server-assigned fields. */
export interface UserOutputs extends UserInputs {
  /** Arize's user id (opaque), also the resource id. */
  userId: string;
  /** ACTIVE, INVITED or EXPIRED; it changes on its own, so it never causes a diff. */
  status: string;
  createdAt?: string;
  /** Only from a create with inviteMode TEMPORARY_PASSWORD; secret. */
  temporaryPassword?: string;
}

/** Each output key, once: what the check ignores in `news`, what the resource names and marks secret. */
export const userFields: Fields<UserOutputs> = {
  account: "input", email: "input", name: "input", role: "input", isDeveloper: "input", inviteMode: "input",
  resendInvitationTrigger: "input", passwordResetTrigger: "input", adoptExisting: "input", onDelete: "input",
  userId: "output", status: "output", createdAt: "output", temporaryPassword: "secret",
};

// ---- The API's shapes (snake_case). Enums are read in either case; a role or status the provider
// does not know yet must not break a refresh, so they are kept as strings.
const upper = z.string().transform((s) => s.toUpperCase());

/** UserRoleAssignment: `{type: PREDEFINED, name}` or `{type: CUSTOM, id, name?}` (a custom role's name is its own, any case). */
export const apiRoleAssignment = z.object({ type: upper, name: z.string().optional(), id: z.string().optional() });

export const apiUser = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string(),
  created_at: z.string().optional(),
  status: upper,
  role: apiRoleAssignment,
  is_developer: z.boolean(),
});
export type ApiUser = z.infer<typeof apiUser>;

/** CreateUserResponse: a User plus invite_mode and, for TEMPORARY_PASSWORD, temporary_password. */
export const createdUser = apiUser.extend({ invite_mode: upper.optional(), temporary_password: z.string().optional() });
export type CreatedUser = z.infer<typeof createdUser>;

export const listUsersResponse = z.object({
  users: z.array(apiUser).default([]),
  pagination: z.object({ next_cursor: z.string().nullish(), has_more: z.boolean().optional() }).optional(),
});

export interface CreateUserBody {
  name: string;
  email: string;
  role: { type: "PREDEFINED"; name: ArizeRole };
  invite_mode: ArizeInviteMode;
  is_developer: boolean;
}

/** Never empty (the API refuses an empty update). */
export type UpdateUserBody = { name: string; is_developer?: boolean } | { name?: string; is_developer: boolean };
