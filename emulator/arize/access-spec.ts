/**
 * The access shapes of the Arize AX REST API v2 (organizations, spaces, their members, role
 * bindings, roles), declared from the official TypeScript client's generated types
 * (`@arizeai/ax-client` 1.28.0, dist/src/__generated__/api/v2.d.ts: components.schemas
 * AddOrganizationUserRequest, OrganizationMembership, AddSpaceUserRequest, SpaceMembership,
 * Organization, Space, RoleBinding, Role, List*Response). Never imported from provider/.
 * test/conformance/specs/arize-access.facts.json holds the same facts, checked against the client.
 */
import { z } from "zod";
import { typed } from "../core";

/** OrganizationRole and UserSpaceRole: the same four names. */
export const MEMBER_ROLES = ["ADMIN", "MEMBER", "READ_ONLY", "ANNOTATOR"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const ROLE_BINDING_RESOURCE_TYPES = ["SPACE", "PROJECT"] as const;

/** OrganizationRoleAssignmentRequest / SpaceRoleAssignmentRequest: PREDEFINED {name} | CUSTOM {id}. */
const roleRequest = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("PREDEFINED"), name: z.enum(MEMBER_ROLES, typed(`one of ${MEMBER_ROLES.join(", ")}`)) }),
  z.strictObject({ type: z.literal("CUSTOM"), id: z.string(typed("a string")).min(1) }),
], typed("a role assignment object with type PREDEFINED or CUSTOM"));

/** AddOrganizationUserRequest and AddSpaceUserRequest have the same fields. */
export const AddMemberRequest = z.strictObject({
  user_id: z.string(typed("a string")).min(1),
  role: roleRequest,
});
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

export type RoleAssignment = { type: "PREDEFINED"; name: MemberRole } | { type: "CUSTOM"; id: string; name?: string };

export interface Organization { id: string; name: string; description: string; created_at: string }
export interface Space { id: string; name: string; description: string; created_at: string; is_private: boolean }
export interface OrganizationMembership { id: string; user_id: string; organization_id: string; role: RoleAssignment }
export interface SpaceMembership { id: string; user_id: string; space_id: string; role: RoleAssignment }
export interface RoleBinding {
  id: string; role_id: string; user_id: string; resource_type: (typeof ROLE_BINDING_RESOURCE_TYPES)[number];
  resource_id: string; created_at: string; updated_at: string;
}
export interface Role {
  id: string; name: string; description?: string; permissions: string[]; is_predefined: boolean; created_at: string; updated_at: string;
}
export interface Pagination { next_cursor?: string; has_more: boolean }
