import { validateInputs, type CheckFailure } from "../../core/check";
import { inputsIn } from "../../core/resource";
import { memberDiff, memberRoleOf } from "../members";
import { organizationMembershipFields, organizationMembershipInputs, type AddMemberBody, type ApiOrganizationMembership, type ArizeMemberRole, type OrganizationMembershipInputs, type OrganizationMembershipOutputs } from "./schema";

/** Pure decisions of ArizeOrganizationMembership: validation, diff, the body sent, the outputs. */

export function checkOrganizationMembership(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(organizationMembershipInputs, news, organizationMembershipFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  return { inputs: { ...checked.data, ...checked.unknown }, failures: [] };
}

/** organizationId, userId and account replace (delete first); role and onDelete update in place. */
export const diffOrganizationMembership = memberDiff("organizationId");

export function addBody(inputs: Pick<OrganizationMembershipInputs, "userId" | "role">): AddMemberBody {
  return { user_id: inputs.userId, role: { type: "PREDEFINED", name: inputs.role } };
}

export function toOutputs(member: ApiOrganizationMembership, kept: Partial<Pick<OrganizationMembershipInputs, "account" | "onDelete">>): OrganizationMembershipOutputs {
  return {
    ...(kept.account !== undefined && { account: kept.account }),
    organizationId: member.organization_id,
    userId: member.user_id,
    role: memberRoleOf(member.role) as ArizeMemberRole,
    onDelete: kept.onDelete ?? "delete",
    membershipId: member.id,
  };
}

export function inputsOf(outputs: object): Record<string, unknown> {
  return inputsIn(organizationMembershipFields, outputs);
}
