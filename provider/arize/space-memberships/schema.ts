import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";
import { apiMemberRole, arizeId, memberOnDelete, memberRole } from "../organization-memberships/schema";

export type { AddMemberBody, ArizeMemberOnDelete, ArizeMemberRole } from "../organization-memberships/schema";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const spaceMembershipType: ResourceType = { kind: "ArizeSpaceMembership", module: "arize", type: "SpaceMembership", loader: "arize-space-membership" };

export const spaceMembershipInputs = z.strictObject({
  account: accountInput.optional(),
  spaceId: arizeId("spaceId"),
  userId: arizeId("userId"),
  role: memberRole,
  onDelete: memberOnDelete,
});
export type SpaceMembershipInputs = z.infer<typeof spaceMembershipInputs>;

export interface SpaceMembershipOutputs extends SpaceMembershipInputs {
  /** The membership's id as the API reports it (SpaceMembership.id; the role binding's id in a refresh). */
  membershipId: string;
}

export const spaceMembershipFields: Fields<SpaceMembershipOutputs> = {
  account: "input", spaceId: "input", userId: "input", role: "input", onDelete: "input", membershipId: "output",
};

// ---- The API's shapes (snake_case).
const pagination = z.object({ next_cursor: z.string().nullish(), has_more: z.boolean().optional() }).optional();

export const apiSpaceMembership = z.object({ id: z.string(), user_id: z.string(), space_id: z.string(), role: apiMemberRole });
export type ApiSpaceMembership = z.infer<typeof apiSpaceMembership>;

export const apiSpace = z.object({ id: z.string().min(1), name: z.string(), description: z.string().optional(), created_at: z.string().optional(), is_private: z.boolean().optional() });
export type ApiSpace = z.infer<typeof apiSpace>;
export const listSpacesResponse = z.object({ spaces: z.array(apiSpace).default([]), pagination });

export const apiRoleBinding = z.object({ id: z.string(), role_id: z.string(), user_id: z.string(), resource_type: z.string(), resource_id: z.string() });
export type ApiRoleBinding = z.infer<typeof apiRoleBinding>;
export const listRoleBindingsResponse = z.object({ role_bindings: z.array(apiRoleBinding).default([]), pagination });

export const apiRole = z.object({ id: z.string(), name: z.string(), is_predefined: z.boolean() });
export type ApiRole = z.infer<typeof apiRole>;
