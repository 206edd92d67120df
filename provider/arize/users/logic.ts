import { validateInputs, type CheckFailure } from "../../core/check";
import { inputsIn } from "../../core/resource";
import { containsUnknown } from "../../core/unknown";
import { userFields, userInputs, type ApiUser, type ArizeRole, type CreateUserBody, type KeptSettings, type UpdateUserBody, type UserInputs, type UserOutputs } from "./schema";

/** Pure decisions of ArizeUser: validation, normalisation, diff, and the bodies sent. */

export type { CheckFailure };

/** The API's default: developers unless annotators (CreateUserRequest.is_developer). */
export const defaultIsDeveloper = (role: string) => role !== "ANNOTATOR";

/** Emails are compared case-insensitively, as Arize matches them. */
export function sameEmail(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

/**
 * `olds` are the inputs in state (after a refresh, the server's view of them); `news` the program's.
 * A changed role is refused here, before any request: the API cannot change it, and a replacement
 * is no way out since deleting a user burns its email for good.
 */
export function checkUser(olds: Record<string, unknown>, news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(userInputs, news, userFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  const { data, unknown } = checked;
  const inputs: Record<string, unknown> = { ...data, ...unknown };
  if (inputs.isDeveloper === undefined && data.role !== undefined) inputs.isDeveloper = defaultIsDeveloper(data.role);
  const failure = roleChange(olds, inputs);
  return failure ? { inputs: news, failures: [failure] } : { inputs, failures: [] };
}

function roleChange(olds: Record<string, unknown>, inputs: Record<string, unknown>): CheckFailure | undefined {
  const before = typeof olds.role === "string" ? olds.role.toUpperCase() : undefined;
  const after = inputs.role;
  if (before === undefined || typeof after !== "string" || containsUnknown(after) || before === after) return undefined;
  // Another email (or account) is another user: its role is its own.
  if (!sameEmail(olds.email, inputs.email) || (olds.account ?? "") !== (inputs.account ?? "")) return undefined;
  return {
    property: "role",
    reason: `role cannot change through the Arize API (this user is ${before} in the stack, the program says ${after}): ` +
      `change the role in Arize, run \`pulumi refresh\`, then set role: "${after}"; or set role back to "${before}". ` +
      "Replacing the user is no way out: deleting an Arize user burns its email for good",
  };
}

// ---- diff

export interface UserDiff {
  changes: boolean;
  replaces: string[];
  /** Properties that update in place. */
  updates: string[];
  /** Said, not applied: a changed inviteMode has no effect after create. */
  warnings: string[];
}

const inPlace = ["name", "isDeveloper", "role", "resendInvitationTrigger", "passwordResetTrigger", "adoptExisting", "onDelete"] as const;
const defaults: Partial<Record<(typeof inPlace)[number], unknown>> = { adoptExisting: false, onDelete: "delete", role: "MEMBER" };

/**
 * olds: the outputs in state; news: checked inputs. `status` changes on its own and never diffs.
 * A new email is a new user, created before the old one is deleted (emails differ, so both can exist).
 */
export function diffUser(olds: Record<string, unknown>, news: Record<string, unknown>): UserDiff {
  const replaces: string[] = [];
  if ((olds.account ?? "") !== (news.account ?? "")) replaces.push("account");
  if (containsUnknown(news.email) || !sameEmail(olds.email, news.email)) replaces.push("email");
  const updates = inPlace.filter((key) => containsUnknown(news[key]) || !sameValue(olds[key] ?? defaults[key], news[key] ?? defaults[key]));
  const warnings: string[] = [];
  const mode = news.inviteMode;
  if (replaces.length === 0 && typeof olds.inviteMode === "string" && typeof mode === "string" && !containsUnknown(mode) && mode !== olds.inviteMode) {
    warnings.push(`inviteMode changed from ${olds.inviteMode} to ${mode}: it only applies when a user is created, so this change has no effect`);
  }
  return { changes: replaces.length + updates.length > 0, replaces, updates, warnings };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- bodies and outputs

export function createBody(inputs: UserInputs): CreateUserBody {
  return {
    name: inputs.name,
    email: inputs.email,
    role: { type: "PREDEFINED", name: inputs.role },
    invite_mode: inputs.inviteMode,
    is_developer: inputs.isDeveloper,
  };
}

/** Only name and is_developer can change, and only what differs is sent; undefined = nothing to send. */
export function updateBody(current: Partial<Pick<UserOutputs, "name" | "isDeveloper">>, inputs: Pick<UserInputs, "name" | "isDeveloper">): UpdateUserBody | undefined {
  const name = current.name !== inputs.name ? inputs.name : undefined;
  const isDeveloper = current.isDeveloper !== inputs.isDeveloper ? inputs.isDeveloper : undefined;
  if (name !== undefined) return isDeveloper !== undefined ? { name, is_developer: isDeveloper } : { name };
  return isDeveloper !== undefined ? { is_developer: isDeveloper } : undefined;
}

/** A trigger fires when it changes from one value to another; setting it the first time (or removing it) only records it. */
export function triggerDue(old: unknown, next: unknown): boolean {
  return typeof old === "string" && typeof next === "string" && old !== next;
}

/** The kept settings of a resource, from its inputs or outputs, without undefined values. */
export function keptSettings(from: Partial<KeptSettings>, temporaryPassword = from.temporaryPassword): KeptSettings {
  const kept: KeptSettings = { inviteMode: from.inviteMode ?? "EMAIL_LINK", adoptExisting: from.adoptExisting ?? false, onDelete: from.onDelete ?? "delete" };
  if (from.account !== undefined) kept.account = from.account;
  if (from.resendInvitationTrigger !== undefined) kept.resendInvitationTrigger = from.resendInvitationTrigger;
  if (from.passwordResetTrigger !== undefined) kept.passwordResetTrigger = from.passwordResetTrigger;
  if (temporaryPassword) kept.temporaryPassword = temporaryPassword;
  return kept;
}

/** A predefined role by its name (uppercase); a custom role (reserved by the API) as `CUSTOM:<id>`. */
export function roleOf(user: ApiUser): string {
  if (user.role.type === "PREDEFINED" && user.role.name) return user.role.name.toUpperCase();
  return `${user.role.type}:${user.role.id ?? user.role.name ?? ""}`;
}

/** Outputs from the server's user, plus the settings the API does not store. */
export function toOutputs(user: ApiUser, settings: KeptSettings): UserOutputs {
  const outputs: UserOutputs = {
    email: user.email,
    name: user.name,
    role: roleOf(user) as ArizeRole,
    isDeveloper: user.is_developer,
    ...keptSettings(settings),
    userId: user.id,
    status: user.status,
  };
  // Absent, not undefined: the provider host rejects undefined values.
  if (user.created_at !== undefined) outputs.createdAt = user.created_at;
  return outputs;
}

/** The inputs the outputs imply (every input is an output, kept or as the server reports it): what a refresh records on drift. */
export function inputsOf(outputs: object): Record<string, unknown> {
  return inputsIn(userFields, outputs);
}
