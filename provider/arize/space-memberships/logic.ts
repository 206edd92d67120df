import { validateInputs, type CheckFailure } from "../../core/check";
import { inputsIn } from "../../core/resource";
import { memberDiff, memberRoleOf } from "../members";
import { spaceMembershipFields, spaceMembershipInputs, type AddMemberBody, type ApiSpaceMembership, type ArizeMemberRole, type SpaceMembershipInputs, type SpaceMembershipOutputs } from "./schema";

/** Pure decisions of ArizeSpaceMembership: validation, diff, the body sent, the outputs. */

export function checkSpaceMembership(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(spaceMembershipInputs, news, spaceMembershipFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  return { inputs: { ...checked.data, ...checked.unknown }, failures: [] };
}

/** spaceId, userId and account replace (delete first); role and onDelete update in place. */
export const diffSpaceMembership = memberDiff("spaceId");

export function addBody(inputs: Pick<SpaceMembershipInputs, "userId" | "role">): AddMemberBody {
  return { user_id: inputs.userId, role: { type: "PREDEFINED", name: inputs.role } };
}

type Kept = Partial<Pick<SpaceMembershipInputs, "account" | "onDelete">>;

export function toOutputs(member: ApiSpaceMembership, kept: Kept): SpaceMembershipOutputs {
  return outputs(member.space_id, member.user_id, memberRoleOf(member.role), member.id, kept);
}

/** Outputs from a refresh: a role binding (its role's name, or `CUSTOM:<role_id>`). */
export function outputs(spaceId: string, userId: string, role: string, membershipId: string, kept: Kept): SpaceMembershipOutputs {
  return {
    ...(kept.account !== undefined && { account: kept.account }),
    spaceId,
    userId,
    role: role as ArizeMemberRole,
    onDelete: kept.onDelete ?? "delete",
    membershipId,
  };
}

export function inputsOf(outputs: object): Record<string, unknown> {
  return inputsIn(spaceMembershipFields, outputs);
}
