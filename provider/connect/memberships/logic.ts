import { validateInputs, type CheckFailure } from "../../core/check";
import { inputsIn } from "../../core/resource";
import { containsUnknown } from "../../core/unknown";
import { membershipFields, membershipInputs, type MembershipOutputs } from "./schema";

/** Pure decisions of ConnectGroupMembership. */

export function checkMembership(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(membershipInputs, news, membershipFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  return { inputs: { ...checked.data, ...checked.unknown }, failures: [] };
}

/** Every input replaces: a membership is the pair (group, user) on one server. */
export function diffMembership(olds: Record<string, unknown>, news: Record<string, unknown>): { changes: boolean; replaces: string[]; updates: string[] } {
  const replaces = (["account", "groupGuid", "userGuid"] as const).filter((key) => containsUnknown(news[key]) || (olds[key] ?? "") !== (news[key] ?? ""));
  return { changes: replaces.length > 0, replaces, updates: [] };
}

/** The outputs are the inputs: what a member list shows of the user (its name, role) belongs to ConnectUser. */
export function toOutputs(inputs: { account?: string; groupGuid: string; userGuid: string }): MembershipOutputs {
  const outputs: MembershipOutputs = { groupGuid: inputs.groupGuid, userGuid: inputs.userGuid };
  if (inputs.account !== undefined) outputs.account = inputs.account;
  return outputs;
}

export function inputsOf(outputs: Record<string, unknown>): Record<string, unknown> {
  return inputsIn(membershipFields, outputs);
}

/** Whether a refused member change says the server's authentication provider owns membership (code 132, or 95). */
export function membershipOwnedByProvider(error: unknown): boolean {
  const e = error as { status?: unknown; apiCode?: unknown } | undefined;
  return (e?.apiCode === "132" && e.status === 400) || (e?.apiCode === "95" && e.status === 403);
}
