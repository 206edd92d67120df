/**
 * The groups, members and content-permissions shapes of Connect's Server API, from the original
 * document (subset committed in test/conformance/specs/connect-access.subset.json). Request schemas
 * are strict where the spec says `additionalProperties: false`. Declared here from the spec, never
 * from the provider. `Group` follows GroupOutput plus guid and member_count (the spec's own Group is
 * built from an unrelated schema: docs/access-design.md).
 */
import { z } from "zod";
import { typed } from "../core";

const text = z.string(typed("a string"));

/** GroupCreateInput. */
export const GroupCreateInput = z.strictObject({
  name: text.optional(),
  unique_id: text.optional(),
  gid: z.number(typed("an integer")).int().nullish(),
});
export type GroupCreateInput = z.infer<typeof GroupCreateInput>;

/** GroupPatchInput. */
export const GroupPatchInput = z.strictObject({
  name: text.nullish(),
  owner_guid: text.nullish(),
  gid: z.number(typed("an integer")).int().nullish(),
});
export type GroupPatchInput = z.infer<typeof GroupPatchInput>;

/** GroupCreateRemoteInput. */
export const GroupCreateRemoteInput = z.strictObject({ temp_ticket: text.optional() });

/** GroupMemberAddInput. */
export const GroupMemberAddInput = z.strictObject({ user_guid: text.optional() });

/** PermissionInput. */
export const PermissionInput = z.strictObject({
  principal_guid: text.optional(),
  principal_type: text.optional(),
  role: text.optional(),
  send_email: z.boolean(typed("a boolean")).optional(),
});
export type PermissionInput = z.infer<typeof PermissionInput>;

/** Group (GroupOutput + guid, member_count). */
export interface Group {
  guid: string;
  name: string;
  owner_guid: string | null;
  gid: number | null;
  member_count: number;
}

/** GroupWithTicket. */
export interface GroupWithTicket {
  name: string;
  guid: string | null;
  temp_ticket: string;
}

/** Permission (additionalProperties: false). */
export interface Permission {
  id: string;
  content_guid: string;
  principal_guid: string;
  principal_type: string;
  role: string;
}

/** A content item, as far as permissions need one (tests seed them; the content API is not emulated). */
export interface ContentItem {
  guid: string;
  name: string;
  owner_guid: string;
}

/** The principal types (table 2023 code 152) and roles the emulator accepts (choices.ts). */
export const PRINCIPAL_TYPES = ["user", "group"] as const;
export const PERMISSION_ROLES = ["viewer", "owner"] as const;
/** getGroupMembers sort (original getGroupMembers.description). */
export const MEMBER_SORT_FIELDS = ["first_name", "user_role", "active_time"] as const;
