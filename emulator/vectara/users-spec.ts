/**
 * The users part of the Vectara REST API v2, as the emulator enforces it. Every shape and limit
 * below is copied from components.schemas in the official Vectara spec (subset committed in
 * test/conformance/specs/; the 2026-07 copy); choices the spec leaves open live in ./choices.ts instead.
 *
 * No schema here sets additionalProperties: false, so unknown properties are stripped, not rejected.
 */
import { z } from "zod";
import { charCount, typed } from "../core";

/** ApiRole, in spec order. `corpus_admin` and `query_writer` (seen on a docs page) are not in it. */
export const API_ROLES = [
  "owner", "administrator", "billing_administrator", "corpus_administrator", "corpus_developer",
  "agent_administrator", "agent_viewer", "agent_developer", "agent_user", "pipeline_administrator",
  "pipeline_viewer", "viewer", "corpus_viewer",
] as const;
/** CorpusRole.role */
export const CORPUS_ROLE_NAMES = ["owner", "administrator", "viewer", "editor"] as const;
/** AgentRole.role */
export const AGENT_ROLE_NAMES = ["agent_administrator", "agent_viewer", "agent_developer", "agent_user"] as const;

/** User.username and CreateUserRequest.username */
export const USERNAME_MAX_CHARS = 128;
/** description in User, CreateUserRequest and UpdateUserRequest */
export const DESCRIPTION_MAX_CHARS = 255;

/**
 * `format: email`, ASCII only (the spec says `email`, not `idn-email`): an RFC 5322 §3.4.1 dot-atom
 * local part, `@`, and at least two letter-digit-hyphen labels. This is exactly what ajv-formats
 * (Prism's validator) accepts, so the emulator takes the emails the spec takes
 * (test/conformance/emulator-verdicts.test.ts) and every email it stores passes Prism when it
 * comes back in a `User`. Labels have no length limit: RFC 5322 §3.4.1, which JSON Schema's `email`
 * refers to, sets none; the 63-octet limit is DNS's (RFC 1035 §2.3.4), and applying it made the
 * emulator refuse emails the spec allows.
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
export const EMAIL = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*@${LABEL}(?:\\.${LABEL})+$`);

/**
 * CorpusKey, as the listUsers `corpus_key` filter uses it. The pattern is the spec's, verbatim: JSON
 * Schema patterns are not implicitly anchored, and this one is anchored only at the end.
 */
export const CORPUS_KEY_PATTERN = /[a-zA-Z0-9_\=\-]+$/;
export const CORPUS_KEY_MAX_CHARS = 50;

/** listUsers `limit`: integer, minimum 1, maximum 100, default 10. */
export const LIMIT = { min: 1, max: 100, default: 10 } as const;

const text = (max: number) =>
  z.string(typed("a string")).refine((s) => charCount(s) <= max, `must be at most ${max} characters`);

export const CorpusRole = z.object({
  corpus_key: z.string(typed("a string")),
  role: z.enum(CORPUS_ROLE_NAMES, { error: `must be one of ${CORPUS_ROLE_NAMES.join(", ")}` }),
}, typed("an object"));
export const AgentRole = z.object({
  agent_key: z.string(typed("a string")),
  role: z.enum(AGENT_ROLE_NAMES, { error: `must be one of ${AGENT_ROLE_NAMES.join(", ")}` }),
}, typed("an object"));
const roleArrays = {
  api_roles: z.array(z.enum(API_ROLES, { error: `must be one of ${API_ROLES.join(", ")}` }), typed("an array")).optional(),
  corpus_roles: z.array(CorpusRole, typed("an array")).optional(),
  agent_roles: z.array(AgentRole, typed("an array")).optional(),
};

export const CreateUserRequest = z.object({
  email: z.string(typed("a string")).regex(EMAIL, "must be an email address"),
  username: text(USERNAME_MAX_CHARS).optional(),
  description: text(DESCRIPTION_MAX_CHARS).optional(),
  ...roleArrays,
});
export const UpdateUserRequest = z.object({
  enabled: z.boolean(typed("a boolean")).optional(),
  description: text(DESCRIPTION_MAX_CHARS).optional(),
  ...roleArrays,
});

export type ApiRole = (typeof API_ROLES)[number];
export type CorpusRole = z.infer<typeof CorpusRole>;
export type AgentRole = z.infer<typeof AgentRole>;
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** ApiOperationPolicy: `allowed_resources` maps a resource path (`path.corpus_key`) to the allowed values. */
export interface ApiOperationPolicy {
  allow_any_resource: boolean;
  allowed_resources?: Record<string, string[]>;
}
/** ApiPolicy: what a principal may do, by operation id. Derived from the roles (choices.ts `apiPolicy`). */
export interface ApiPolicy {
  name: string;
  allowed_operations: Record<string, ApiOperationPolicy>;
}

/** User; `api_policy` is derived from the roles on every answer (choices.ts). */
export interface User {
  id: string;
  email: string;
  username: string;
  enabled: boolean;
  description?: string;
  created_at: string;
  updated_at: string;
  api_roles: ApiRole[];
  corpus_roles: CorpusRole[];
  agent_roles: AgentRole[];
  api_policy: ApiPolicy;
}
/** The extra properties of createUser's 201 and the whole of resetUserPassword's 200. */
export interface OneTimeCode {
  one_time_code?: string;
  one_time_code_link?: string;
}
export interface ListUsersResponse {
  users: User[];
  metadata: { page_key?: string };
}
