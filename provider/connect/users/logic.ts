import { validateInputs, type CheckFailure } from "../../core/check";
import { containsUnknown } from "../../core/unknown";
import { inputsIn } from "../../core/resource";
import { serverDefaultedInputs, userFields, userInputs, type ApiUser, type CreateUserBody, type KeptSettings, type UpdateUserBody, type UserInputs, type UserOutputs } from "./schema";

/** Pure decisions of ConnectUser: validation, diff, the bodies sent, and the outputs. */

export type { CheckFailure };

export function checkUser(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(userInputs, news, userFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  const { data, unknown } = checked;
  // UserCreatePushInput: a password, or a mail asking the user to set one; not both.
  if (data.password !== undefined && data.userMustSetPassword === true) {
    return { inputs: news, failures: [{ property: "password", reason: "give a password or userMustSetPassword: true, not both (Connect refuses both)" }] };
  }
  return { inputs: { ...data, ...unknown }, failures: [] };
}

// ---- diff

export interface UserDiff {
  changes: boolean;
  replaces: string[];
  /** Properties that update in place. */
  updates: string[];
}

/**
 * Sent with PUT /v1/users/{guid} when they differ. An unset input is no change: the server's
 * value (its default role, a name from the directory) is shown in the outputs without a diff.
 */
const serverFields = ["username", "email", "firstName", "lastName", "userRole"] as const;
/** Kept in state only: changing them sends nothing. */
const keptFields = ["adoptExisting", "onDelete"] as const;
const keptDefaults = { adoptExisting: false, onDelete: "lock" } as const;
/** password, userMustSetPassword and externalId are create-only: UserUpdateInput has none of them. */

/** olds: the outputs in state; news: checked inputs. Only the account replaces (another server). */
export function diffUser(olds: Record<string, unknown>, news: Record<string, unknown>): UserDiff {
  const replaces = (olds.account ?? "") === (news.account ?? "") ? [] : ["account"];
  const updates: string[] = serverFields.filter((key) => wanted(olds[key], news[key]));
  if (containsUnknown(news.locked) || (olds.locked ?? false) !== (news.locked ?? false)) updates.push("locked");
  for (const key of keptFields) if (containsUnknown(news[key]) || (olds[key] ?? keptDefaults[key]) !== (news[key] ?? keptDefaults[key])) updates.push(key);
  return { changes: replaces.length + updates.length > 0, replaces, updates };
}

/** An input asks for a change when it is set (or not yet known) and differs from the server's value. */
function wanted(current: unknown, next: unknown): boolean {
  return next !== undefined && (containsUnknown(next) || next !== current);
}

// ---- bodies and outputs

/**
 * The name a server takes the authentication provider's id under: `external_id` (the newer spec),
 * or `unique_id`, its deprecated alias and the only name of the 2023 generation and posit-sdk-py.
 */
export type ExternalIdField = "external_id" | "unique_id";

export function createBody(inputs: UserInputs, externalIdField: ExternalIdField = "external_id"): CreateUserBody {
  const body: CreateUserBody = { username: inputs.username };
  if (inputs.email !== undefined) body.email = inputs.email;
  if (inputs.firstName !== undefined) body.first_name = inputs.firstName;
  if (inputs.lastName !== undefined) body.last_name = inputs.lastName;
  if (inputs.userRole !== undefined) body.user_role = inputs.userRole;
  if (inputs.password !== undefined) body.password = inputs.password;
  if (inputs.userMustSetPassword !== undefined) body.user_must_set_password = inputs.userMustSetPassword;
  if (inputs.externalId !== undefined) body[externalIdField] = inputs.externalId;
  return body;
}

/**
 * Only what differs between the server's view (`current`) and the inputs; undefined = nothing to
 * send. The email goes with every update that sends anything: password servers require it on
 * update (the API reference, §2 "Password auth"), and an unchanged value edits nothing.
 */
export function updateBody(current: Partial<UserOutputs>, inputs: UserInputs): UpdateUserBody | undefined {
  const body: UpdateUserBody = {};
  if (wanted(current.username, inputs.username)) body.username = inputs.username;
  if (wanted(current.email, inputs.email)) body.email = inputs.email;
  if (wanted(current.firstName, inputs.firstName)) body.first_name = inputs.firstName;
  if (wanted(current.lastName, inputs.lastName)) body.last_name = inputs.lastName;
  if (wanted(current.userRole, inputs.userRole)) body.user_role = inputs.userRole;
  if (Object.keys(body).length === 0) return undefined;
  const email = inputs.email ?? current.email;
  return email !== undefined ? { ...body, email } : body;
}

/**
 * Whether a refused create says the server does not know `external_id`: a 400 that names the
 * field (a closed body), or code 129, "blank unique ID" (a server that ignored it where one is
 * required). Either way nothing was created, and the same body with `unique_id` is the answer.
 */
export function refusesExternalId(error: unknown): boolean {
  const e = error as { status?: unknown; apiCode?: unknown; apiMessages?: unknown } | undefined;
  if (e?.status !== 400) return false;
  if (e.apiCode === "129") return true;
  return Array.isArray(e.apiMessages) && e.apiMessages.some((m) => typeof m === "string" && m.includes("external_id"));
}

/** Whether the lock endpoint must be called, and with what. */
export function lockChange(current: Partial<UserOutputs>, inputs: UserInputs): boolean | undefined {
  return (current.locked ?? false) === inputs.locked ? undefined : inputs.locked;
}

/** The kept settings of a resource, from its inputs or outputs, without undefined values. */
export function keptSettings(from: Partial<KeptSettings>): KeptSettings {
  const kept: KeptSettings = { adoptExisting: from.adoptExisting ?? false, onDelete: from.onDelete ?? "lock" };
  if (from.account !== undefined) kept.account = from.account;
  if (from.userMustSetPassword !== undefined) kept.userMustSetPassword = from.userMustSetPassword;
  // From inputs: the ones left unset; from outputs: as kept (outputs written before it was kept: those absent).
  const unset = from.unsetInputs ?? serverDefaultedInputs.filter((key) => (from as Record<string, unknown>)[key] === undefined);
  if (unset.length > 0) kept.unsetInputs = [...unset];
  return kept;
}

/**
 * The inputs the outputs imply: what a refresh records on drift. The inputs the program left unset
 * stay unset (the outputs show the server's value for them); `password` is never an output, so a
 * refresh that saw drift records the inputs without it.
 */
export function inputsOf(outputs: { unsetInputs?: unknown }): Record<string, unknown> {
  const inputs = inputsIn(userFields, outputs);
  const unset = Array.isArray(outputs.unsetInputs) ? outputs.unsetInputs : [];
  for (const key of unset) delete inputs[key as string];
  return inputs;
}

/** Outputs from the server's user, plus the settings the API does not store. */
export function toOutputs(user: ApiUser, settings: Partial<KeptSettings>): UserOutputs {
  const outputs: UserOutputs = {
    ...keptSettings(settings),
    username: user.username,
    userRole: user.user_role,
    locked: user.locked ?? false,
    guid: user.guid,
    confirmed: user.confirmed ?? false,
  };
  // Absent, not undefined: the provider host rejects undefined values ("Unexpected struct type").
  const optional = { email: user.email, firstName: user.first_name, lastName: user.last_name, externalId: user.external_id, createdTime: user.created_time, updatedTime: user.updated_time, activeTime: user.active_time };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined && value !== null && value !== "") (outputs as unknown as Record<string, unknown>)[key] = value;
  return outputs;
}

/** The server-side fields an update changes, in input names (what a refused edit names). */
export function changedFields(current: Partial<UserOutputs>, inputs: UserInputs): string[] {
  return serverFields.filter((key) => wanted(current[key], inputs[key]));
}

/**
 * Connect's codes for an edit of a field its authentication provider owns (the API reference, §2
 * "Update limits"), and why, in words a user can act on.
 */
export const refusedEdits: Readonly<Record<string, string>> = {
  "36": "the authentication provider has already set the username",
  "46": "the authentication provider (LDAP, SAML, OAuth2) owns these fields: change them there",
  "53": "Connect does not allow this field to change",
};
