import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";
import { upperEnum } from "../users/schema";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const organizationMembershipType: ResourceType = { kind: "ArizeOrganizationMembership", module: "arize", type: "OrganizationMembership", loader: "arize-organization-membership" };

/** OrganizationRole and UserSpaceRole (the official client's types): the same four predefined roles. */
export const memberRoleNames = ["ADMIN", "MEMBER", "READ_ONLY", "ANNOTATOR"] as const;
export const memberOnDeletePolicies = ["delete", "retain"] as const;
export type ArizeMemberRole = (typeof memberRoleNames)[number];
export type ArizeMemberOnDelete = (typeof memberOnDeletePolicies)[number];

/** An Arize id: opaque, non-empty. */
export const arizeId = (name: string) => z.string({ message: `${name} must be a string (an Arize id)` }).trim().min(1, `${name} must not be empty`);

export const memberRole = upperEnum("role", memberRoleNames);
export const memberOnDelete = z.enum(memberOnDeletePolicies, { message: "onDelete must be delete or retain" }).default("delete");

export const organizationMembershipInputs = z.strictObject({
  account: accountInput.optional(),
  organizationId: arizeId("organizationId"),
  userId: arizeId("userId"),
  role: memberRole,
  onDelete: memberOnDelete,
});
export type OrganizationMembershipInputs = z.infer<typeof organizationMembershipInputs>;

export interface OrganizationMembershipOutputs extends OrganizationMembershipInputs {
  /** The membership's id as the API answered it (OrganizationMembership.id). */
  membershipId: string;
}

export const organizationMembershipFields: Fields<OrganizationMembershipOutputs> = {
  account: "input", organizationId: "input", userId: "input", role: "input", onDelete: "input", membershipId: "output",
};

// ---- The API's shapes (snake_case); a role the provider does not know must not break a refresh.
const upper = z.string().transform((s) => s.toUpperCase());

/** OrganizationRoleAssignment / SpaceRoleAssignment: `{type: PREDEFINED, name}` or `{type: CUSTOM, id, name?}`. */
export const apiMemberRole = z.object({ type: upper, name: z.string().optional(), id: z.string().optional() });

export const apiOrganizationMembership = z.object({ id: z.string(), user_id: z.string(), organization_id: z.string(), role: apiMemberRole });
export type ApiOrganizationMembership = z.infer<typeof apiOrganizationMembership>;

const pagination = z.object({ next_cursor: z.string().nullish(), has_more: z.boolean().optional() }).optional();

export const apiOrganization = z.object({ id: z.string().min(1), name: z.string(), description: z.string().optional(), created_at: z.string().optional() });
export type ApiOrganization = z.infer<typeof apiOrganization>;
export const listOrganizationsResponse = z.object({ organizations: z.array(apiOrganization).default([]), pagination });

/** AddOrganizationUserRequest and AddSpaceUserRequest. */
export interface AddMemberBody {
  user_id: string;
  role: { type: "PREDEFINED"; name: ArizeMemberRole };
}
