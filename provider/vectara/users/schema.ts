import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const userType: ResourceType = { kind: "VectaraUser", module: "vectara", type: "User", loader: "vectara-user" };

/** ApiRole, newest spec (2026-07) — components.schemas.ApiRole. */
export const apiRoleNames = [
  "owner", "administrator", "billing_administrator", "corpus_administrator", "corpus_developer",
  "agent_administrator", "agent_viewer", "agent_developer", "agent_user", "pipeline_administrator",
  "pipeline_viewer", "viewer", "corpus_viewer",
] as const;
/** CorpusRole.role and AgentRole.role — components.schemas.CorpusRole / AgentRole. */
export const corpusRoleNames = ["owner", "administrator", "viewer", "editor"] as const;
export const agentRoleNames = ["agent_administrator", "agent_viewer", "agent_developer", "agent_user"] as const;
export const onDeletePolicies = ["delete", "disable", "retain"] as const;

/**
 * Usernames default to emails, so they may hold the characters of an unquoted email address
 * (RFC 5322 atext, `.` and `@`) except those that mean something in a URL: no `/`, `?`, `#`,
 * `%`, whitespace, control characters or non-ASCII (an email holding one needs an explicit
 * username). The API treats usernames as given, so they are compared exactly.
 */
export const usernamePattern = /^[A-Za-z0-9!$&'*+\-=^_`{|}~.@]+$/;

const key = (name: string) =>
  z.string({ message: `${name} must be a string` }).regex(/^[a-zA-Z0-9_=-]+$/, `${name} may hold only letters, digits, _, = and -`).max(50, `${name} must be at most 50 characters`);

export const corpusRoleInput = z.strictObject({ corpusKey: key("corpusKey"), role: z.enum(corpusRoleNames) });
export const agentRoleInput = z.strictObject({ agentKey: key("agentKey"), role: z.enum(agentRoleNames) });

export const username = z
  .string({ message: "username must be a string" })
  .min(1, "username cannot be empty")
  .max(128, "username must be at most 128 characters (spec: User.username maxLength)")
  .regex(usernamePattern, "username may hold only letters, digits and the characters . @ ! $ & ' * + - = ^ _ ` { | } ~ (not / ? # %, whitespace, control or non-ASCII characters); an email holding any other character needs an explicit username")
  .refine((u) => !u.includes(".."), "username cannot contain `..`");

/**
 * A user's username: its own, or its email when it has none. The check's default for the input,
 * and how a listed user without one (User.username is optional, with no minLength) is named.
 */
export const usernameOf = (user: { username?: string; email: string }): string => user.username || user.email;

/** The inputs of VectaraUser, with their defaults; the single source of VectaraUserInputs. */
export const userInputs = z.strictObject({
  account: accountInput.optional(),
  email: z.email({ message: "email must be a valid email address" }),
  username: username.optional(),
  description: z.string({ message: "description must be a string" }).max(255, "description must be at most 255 characters (spec: maxLength 255)").optional(),
  enabled: z.boolean({ message: "enabled must be true or false" }).default(true),
  apiRoles: z.array(z.enum(apiRoleNames), { message: "apiRoles must be a list of API role names" }).default([]),
  corpusRoles: z.array(corpusRoleInput, { message: "corpusRoles must be a list of {corpusKey, role}" }).default([]),
  agentRoles: z.array(agentRoleInput, { message: "agentRoles must be a list of {agentKey, role}" }).default([]),
  adoptExisting: z.boolean({ message: "adoptExisting must be true or false" }).default(false),
  onDelete: z.enum(onDeletePolicies).default("delete"),
  passwordResetTrigger: z.string({ message: "passwordResetTrigger must be a string" }).optional(),
});

export type ApiRole = (typeof apiRoleNames)[number];
export type CorpusRole = z.infer<typeof corpusRoleInput>;
export type AgentRole = z.infer<typeof agentRoleInput>;
export type OnDelete = (typeof onDeletePolicies)[number];

/** Checked inputs: defaults applied, username filled in, role lists sorted and de-duplicated. */
export type UserInputs = Omit<z.infer<typeof userInputs>, "username"> & { username: string };

/** What the API does not store but the resource must remember: delete and refresh see only outputs. */
export type KeptSettings = Pick<UserInputs, "account" | "adoptExisting" | "onDelete" | "passwordResetTrigger"> & OneTimeCode;

/** From the last create or password reset; marked secret by the resource. */
export interface OneTimeCode {
  oneTimeCode?: string;
  oneTimeCodeLink?: string;
}

/**
 * What the user may do, as the server derives it from the roles (User.api_policy): operation
 * names, each allowed on any resource or only on the listed ones (resource path → values, e.g.
 * `path.corpus_key` → corpus keys). Read only: it never causes a diff.
 */
export interface ApiPolicy {
  /** The name of the API role. */
  name: string;
  allowedOperations: Record<string, { allowAnyResource: boolean; allowedResources?: Record<string, string[]> }>;
}

/** Outputs: the inputs as the server reports them, plus server-assigned fields. */
export interface UserOutputs extends Omit<UserInputs, "apiRoles">, OneTimeCode {
  /** Roles the provider does not know yet are kept as the server returns them. */
  apiRoles: string[];
  /** The effective access the server reports (absent when it reports none). */
  apiPolicy?: ApiPolicy;
  vectaraId: string;
  createdAt?: string;
  updatedAt?: string;
}

/** Each output key, once: what the check ignores in `news`, what the resource names and marks secret. */
export const userFields: Fields<UserOutputs> = {
  account: "input", email: "input", username: "input", description: "input", enabled: "input", apiRoles: "input",
  corpusRoles: "input", agentRoles: "input", adoptExisting: "input", onDelete: "input", passwordResetTrigger: "input",
  oneTimeCode: "secret", oneTimeCodeLink: "secret", apiPolicy: "output", vectaraId: "output", createdAt: "output", updatedAt: "output",
};

// ---- The API's shapes (snake_case), lenient where the spec allows growth: roles the provider
// does not know yet must not break a refresh.
const apiCorpusRole = z.object({ corpus_key: z.string(), role: z.string() });
const apiAgentRole = z.object({ agent_key: z.string(), role: z.string() });
/**
 * ApiPolicy / ApiOperationPolicy. A null operation policy means "allowed on any resource" (the
 * spec's text); a policy of another shape is ignored rather than failing a refresh.
 */
const apiOperationPolicy = z.object({
  allow_any_resource: z.boolean().optional(),
  allowed_resources: z.record(z.string(), z.array(z.string())).nullish(),
}).nullable();
const apiPolicy = z.object({ name: z.string(), allowed_operations: z.record(z.string(), apiOperationPolicy) }).optional().catch(undefined);

export const apiUser = z.object({
  id: z.string(),
  email: z.string(),
  username: z.string().optional(),
  enabled: z.boolean().optional(),
  description: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  api_roles: z.array(z.string()).optional(),
  corpus_roles: z.array(apiCorpusRole).optional(),
  agent_roles: z.array(apiAgentRole).optional(),
  api_policy: apiPolicy,
});
export type ApiUser = z.infer<typeof apiUser>;

export const listUsersResponse = z.object({
  users: z.array(apiUser).default([]),
  metadata: z.object({ page_key: z.string().optional() }).optional(),
});

export const resetPasswordResponse = z.object({ one_time_code: z.string().optional(), one_time_code_link: z.string().optional() });
/** createUser answers a User plus the one-time code fields (only some deployments fill them). */
export const createdUser = apiUser.extend(resetPasswordResponse.shape);

export interface CreateUserBody {
  email: string;
  username: string;
  description?: string;
  api_roles: string[];
  corpus_roles: Array<{ corpus_key: string; role: string }>;
  agent_roles: Array<{ agent_key: string; role: string }>;
}

export type UpdateUserBody = Partial<Pick<CreateUserBody, "description" | "api_roles" | "corpus_roles" | "agent_roles">> & { enabled?: boolean };
