import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";
import { guidInput } from "../groups/schema";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const membershipType: ResourceType = { kind: "ConnectGroupMembership", module: "connect", type: "GroupMembership", loader: "connect-group-membership" };

/** The inputs of ConnectGroupMembership: every one replaces. */
export const membershipInputs = z.strictObject({
  account: accountInput.optional(),
  groupGuid: guidInput("groupGuid"),
  userGuid: guidInput("userGuid"),
});

export type MembershipInputs = z.infer<typeof membershipInputs>;

export interface MembershipOutputs {
  account?: string;
  groupGuid: string;
  userGuid: string;
}

export const membershipFields: Fields<MembershipOutputs> = { account: "input", groupGuid: "input", userGuid: "input" };

/** The resource id: `<groupGuid>/<userGuid>` (Connect has no id of its own for a membership). */
export const membershipId = (groupGuid: string, userGuid: string) => `${groupGuid}/${userGuid}`;

export function parseMembershipId(id: string): { groupGuid: string; userGuid: string } | undefined {
  const [groupGuid, userGuid, ...rest] = id.split("/");
  return groupGuid && userGuid && rest.length === 0 ? { groupGuid, userGuid } : undefined;
}
