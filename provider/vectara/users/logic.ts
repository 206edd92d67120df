import { validateInputs, type CheckFailure } from "../../core/check";
import { inputsIn } from "../../core/resource";
import { containsUnknown } from "../../core/unknown";
import {
  userFields, userInputs, usernameOf, type AgentRole, type ApiPolicy, type ApiUser, type CorpusRole, type CreateUserBody, type KeptSettings, type OneTimeCode, type UpdateUserBody, type UserInputs, type UserOutputs,
} from "./schema";

/** Pure decisions of VectaraUser: validation, normalisation, diff, and the bodies sent. */

export type { CheckFailure };

export function checkUser(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(userInputs, news, userFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  const { data, unknown } = checked;
  const failures = duplicateKeys(data.corpusRoles, "corpusRoles", (r) => r.corpusKey).concat(duplicateKeys(data.agentRoles, "agentRoles", (r) => r.agentKey));
  if (failures.length > 0) return { inputs: news, failures };
  const inputs: Record<string, unknown> = { ...normalise(data as Partial<UserInputs>), ...unknown };
  if (data.email !== undefined && !("username" in unknown)) inputs.username = usernameOf({ username: data.username, email: data.email });
  return { inputs, failures: [] };
}

/** Exact duplicates are folded (role lists are sets); two roles for one key is a contradiction. */
function duplicateKeys<T>(list: T[] | undefined, property: string, keyOf: (item: T) => string): CheckFailure[] {
  const roles = new Map<string, Set<string>>();
  for (const item of list ?? []) {
    const set = roles.get(keyOf(item)) ?? new Set<string>();
    set.add(JSON.stringify(item));
    roles.set(keyOf(item), set);
  }
  return [...roles].filter(([, set]) => set.size > 1).map(([key]) => ({ property, reason: `${key} is listed with more than one role; give it one role` }));
}

function normalise<T extends Partial<UserInputs>>(data: T): T {
  const out: T = { ...data };
  // "" and no description are the same user (the outputs omit an empty one): one spelling in state.
  if (data.description === "") delete out.description;
  if (data.apiRoles) out.apiRoles = sortedUnique(data.apiRoles);
  if (data.corpusRoles) out.corpusRoles = sortedUniqueBy(data.corpusRoles, (r) => `${r.corpusKey}\u0000${r.role}`);
  if (data.agentRoles) out.agentRoles = sortedUniqueBy(data.agentRoles, (r) => `${r.agentKey}\u0000${r.role}`);
  return out;
}

export function sortedUnique<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

function sortedUniqueBy<T>(values: readonly T[], keyOf: (v: T) => string): T[] {
  const byKey = new Map(values.map((v) => [keyOf(v), v]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as T);
}

// ---- diff

export interface UserDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Properties that update in place. */
  updates: string[];
}

const inPlace = ["enabled", "description", "apiRoles", "corpusRoles", "agentRoles", "adoptExisting", "onDelete", "passwordResetTrigger"] as const;

/** Emails are compared case-insensitively (mail domains are, and providers fold case); usernames exactly. */
export function sameEmail(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

/** olds: the outputs in state (possibly written by an older provider); news: checked inputs. */
export function diffUser(olds: Record<string, unknown>, news: Record<string, unknown>): UserDiff {
  const replaces: string[] = [];
  const sameAccount = (olds.account ?? "") === (news.account ?? "");
  if (!sameAccount) replaces.push("account");
  if (!sameEmail(olds.email, news.email)) replaces.push("email");
  if (olds.username !== news.username) replaces.push("username");
  const updates = inPlace.filter((key) => !sameValue(key, olds[key], news[key]));
  // Username (and, we assume, email) is unique in an account: the old user must go first
  // unless the replacement has a different username and email, or lives in another account.
  const deleteBeforeReplace = replaces.length > 0 && sameAccount && (olds.username === news.username || sameEmail(olds.email, news.email));
  return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace, updates };
}

const defaults: Record<(typeof inPlace)[number], unknown> = {
  enabled: true, description: "", apiRoles: [], corpusRoles: [], agentRoles: [], adoptExisting: false, onDelete: "delete", passwordResetTrigger: "",
};

function sameValue(key: (typeof inPlace)[number], a: unknown, b: unknown): boolean {
  if (containsUnknown(b)) return false;
  return canonical(key, a ?? defaults[key]) === canonical(key, b ?? defaults[key]);
}

function canonical(key: string, value: unknown): string {
  if (!Array.isArray(value)) return JSON.stringify(value);
  const items = value.map((v) => JSON.stringify(typeof v === "object" && v !== null ? Object.fromEntries(Object.entries(v).sort()) : v));
  return key + JSON.stringify(sortedUnique(items));
}

// ---- bodies and outputs

export function createBody(inputs: UserInputs): CreateUserBody {
  return {
    email: inputs.email,
    username: inputs.username,
    ...(inputs.description !== undefined ? { description: inputs.description } : {}),
    ...roleBodies(inputs),
  };
}

function roleBodies(r: Pick<UserInputs, "apiRoles" | "corpusRoles" | "agentRoles">) {
  return {
    api_roles: [...r.apiRoles],
    corpus_roles: r.corpusRoles.map((c) => ({ corpus_key: c.corpusKey, role: c.role })),
    agent_roles: r.agentRoles.map((a) => ({ agent_key: a.agentKey, role: a.role })),
  };
}

/** Only what differs between the server's view (`current`) and the inputs; undefined = nothing to send. */
export function updateBody(current: Partial<UserOutputs>, inputs: UserInputs): UpdateUserBody | undefined {
  const roles = roleBodies(inputs);
  const body: UpdateUserBody = {};
  if (!sameValue("enabled", current.enabled, inputs.enabled)) body.enabled = inputs.enabled;
  if (!sameValue("description", current.description, inputs.description)) body.description = inputs.description ?? "";
  if (!sameValue("apiRoles", current.apiRoles, inputs.apiRoles)) body.api_roles = roles.api_roles;
  if (!sameValue("corpusRoles", current.corpusRoles, inputs.corpusRoles)) body.corpus_roles = roles.corpus_roles;
  if (!sameValue("agentRoles", current.agentRoles, inputs.agentRoles)) body.agent_roles = roles.agent_roles;
  return Object.keys(body).length > 0 ? body : undefined;
}

/**
 * A password reset is due when the trigger changes from one value to another; setting it the
 * first time (or removing it) only records it.
 */
export function resetDue(old: unknown, next: unknown): boolean {
  return typeof old === "string" && typeof next === "string" && old !== next;
}

/** The kept settings of a resource, from its inputs or outputs, without undefined values. */
export function keptSettings(from: Partial<KeptSettings>, code: OneTimeCode = from): KeptSettings {
  const kept: KeptSettings = { adoptExisting: from.adoptExisting ?? false, onDelete: from.onDelete ?? "delete" };
  if (from.account !== undefined) kept.account = from.account;
  if (from.passwordResetTrigger !== undefined) kept.passwordResetTrigger = from.passwordResetTrigger;
  if (code.oneTimeCode) kept.oneTimeCode = code.oneTimeCode;
  if (code.oneTimeCodeLink) kept.oneTimeCodeLink = code.oneTimeCodeLink;
  return kept;
}

/** The one-time code fields of a create or reset_password response, in output names. */
export function oneTimeCode(response: { one_time_code?: string; one_time_code_link?: string }): OneTimeCode {
  return { oneTimeCode: response.one_time_code, oneTimeCodeLink: response.one_time_code_link };
}

/** Outputs from the server's user, plus the settings the API does not store (see KeptSettings). */
export function toOutputs(user: ApiUser, settings: KeptSettings, username: string): UserOutputs {
  const outputs: UserOutputs = {
    // User.username is optional and has no minLength in the spec; "" names no user (it cannot be a
    // path segment), so it counts as absent rather than as a changed username that forces a replace.
    username: user.username || username,
    email: user.email,
    enabled: user.enabled ?? true,
    apiRoles: sortedUnique(user.api_roles ?? []),
    corpusRoles: sortedUniqueBy((user.corpus_roles ?? []).map((c): CorpusRole => ({ corpusKey: c.corpus_key, role: c.role as CorpusRole["role"] })), (r) => `${r.corpusKey}\u0000${r.role}`),
    agentRoles: sortedUniqueBy((user.agent_roles ?? []).map((a): AgentRole => ({ agentKey: a.agent_key, role: a.role as AgentRole["role"] })), (r) => `${r.agentKey}\u0000${r.role}`),
    ...keptSettings(settings),
    vectaraId: user.id,
  };
  // Absent, not undefined: the provider host rejects undefined values ("Unexpected struct type").
  if (user.description !== undefined && user.description !== "") outputs.description = user.description;
  if (user.created_at !== undefined) outputs.createdAt = user.created_at;
  if (user.updated_at !== undefined) outputs.updatedAt = user.updated_at;
  if (user.api_policy) outputs.apiPolicy = policyOutput(user.api_policy);
  return outputs;
}

/** The inputs the outputs imply (every input is an output, kept or as the server reports it): what a refresh records on drift. */
export function inputsOf(outputs: object): Record<string, unknown> {
  return inputsIn(userFields, outputs);
}

/** User.api_policy in output names; operation and resource names stay as the server gives them. */
export function policyOutput(policy: NonNullable<ApiUser["api_policy"]>): ApiPolicy {
  const operations: ApiPolicy["allowedOperations"] = {};
  for (const name of Object.keys(policy.allowed_operations).sort()) {
    const op = policy.allowed_operations[name];
    const resources = op?.allowed_resources ?? undefined;
    operations[name] = {
      allowAnyResource: op?.allow_any_resource ?? true,
      ...(resources && { allowedResources: Object.fromEntries(Object.keys(resources).sort().map((path) => [path, [...(resources[path] ?? [])]])) }),
    };
  }
  return { name: policy.name, allowedOperations: operations };
}
