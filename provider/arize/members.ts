/**
 * What ArizeOrganizationMembership and ArizeSpaceMembership share: the diff, the role as the API
 * reports it, the composite id, and the reading of a 400 from a member write (the ANNOTATOR rule).
 */
import { hasCode, type ApiError } from "../core/errors";
import { containsUnknown } from "../core/unknown";
import type { UsersApi } from "./users/api";
import { roleOf } from "./users/logic";

export interface MemberDiff {
  changes: boolean;
  replaces: string[];
  updates: string[];
  /** Delete first: the replacement may be the same membership (an id that was unknown at preview), which a create-then-delete would remove. */
  deleteBeforeReplace: true;
}

/** A membership's diff: `where` (organizationId or spaceId), userId and account replace; role and onDelete update in place. */
export function memberDiff(where: string) {
  return (olds: Record<string, unknown>, news: Record<string, unknown>): MemberDiff => {
    const replaces: string[] = [];
    if ((olds.account ?? "") !== (news.account ?? "")) replaces.push("account");
    for (const key of [where, "userId"]) if (containsUnknown(news[key]) || olds[key] !== news[key]) replaces.push(key);
    const updates = ["role", "onDelete"].filter((key) => containsUnknown(news[key]) || (olds[key] ?? defaults[key]) !== (news[key] ?? defaults[key]));
    return { changes: replaces.length + updates.length > 0, replaces, updates, deleteBeforeReplace: true };
  };
}
const defaults: Record<string, unknown> = { onDelete: "delete" };

/** A predefined role by its name (uppercase); a custom one as `CUSTOM:<id>`. */
export function memberRoleOf(role: { type: string; name?: string; id?: string }): string {
  if (role.type === "PREDEFINED" && role.name) return role.name.toUpperCase();
  return `${role.type}:${role.id ?? role.name ?? ""}`;
}

/** `<containerId>:<userId>`: Arize ids are base64, which may hold `/` but never `:`. */
export const memberId = (containerId: string, userId: string) => `${containerId}:${userId}`;

export function parseMemberId(id: string): { containerId: string; userId: string } | undefined {
  const at = id.indexOf(":");
  return at > 0 && at < id.length - 1 ? { containerId: id.slice(0, at), userId: id.slice(at + 1) } : undefined;
}

/**
 * The ANNOTATOR rule (Arize: an account whose role is ANNOTATOR holds only the ANNOTATOR role in
 * organizations and spaces, and no other account holds it). A 400 from a member write is checked
 * against it with one read of the user; the error then names the rule. Undefined: not this rule.
 */
export async function annotatorRuleBroken(users: UsersApi, failed: ApiError, userId: string, role: string, where: "organization" | "space"): Promise<ApiError | undefined> {
  if (!hasCode(failed, "BAD_REQUEST")) return undefined;
  let accountRole: string;
  try {
    accountRole = roleOf(await users.get(userId));
  } catch {
    return undefined;
  }
  const annotator = accountRole === "ANNOTATOR";
  if (annotator === (role === "ANNOTATOR")) return undefined;
  const message = annotator
    ? `Arize user ${userId} has the account role ANNOTATOR, so it can hold only the ANNOTATOR ${where} role, not ${role} (${failed.method} ${failed.path} answered ${failed.status})`
    : `only an Arize user whose account role is ANNOTATOR can hold the ANNOTATOR ${where} role; user ${userId} is ${accountRole} (${failed.method} ${failed.path} answered ${failed.status})`;
  const hint = annotator ? `set role: "ANNOTATOR" for this user` : `choose ADMIN, MEMBER or READ_ONLY for this user, or give it the account role ANNOTATOR in Arize`;
  return failed.with({ hint }, message);
}
