import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const groupType: ResourceType = { kind: "ConnectGroup", module: "connect", type: "Group", loader: "connect-group" };

/** Connect can delete a group (DELETE /v1/groups/{guid}): delete it, or leave it alone. */
export const groupDeletePolicies = ["delete", "retain"] as const;
export type GroupOnDelete = (typeof groupDeletePolicies)[number];

/** A guid as Connect writes it (the server refuses others with code 261). */
export const guidInput = (name: string) =>
  z.string({ message: `${name} must be a string` }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `${name} must be a Connect guid (8-4-4-4-12 hexadecimal digits)`);

/** GroupPatchInput.name: not empty, at most 4096 characters (the original document). */
export const GROUP_NAME_MAX = 4096;

/** The inputs of ConnectGroup, with their defaults. */
export const groupInputs = z.strictObject({
  account: accountInput.optional(),
  name: z.string({ message: "name must be a string" }).min(1, "name cannot be empty").max(GROUP_NAME_MAX, `name must be at most ${GROUP_NAME_MAX} characters`)
    .refine((n) => n.trim() === n, "name cannot start or end with whitespace"),
  ownerGuid: guidInput("ownerGuid").optional(),
  adoptExisting: z.boolean({ message: "adoptExisting must be true or false" }).default(false),
  onDelete: z.enum(groupDeletePolicies, { message: 'onDelete must be "delete" or "retain"' }).default("delete"),
});

export type GroupInputs = z.infer<typeof groupInputs>;

/** What the API does not store but the resource must remember. */
export type GroupKeptSettings = Pick<GroupInputs, "account" | "adoptExisting" | "onDelete">;

export interface GroupOutputs extends GroupKeptSettings {
  name: string;
  /** The group's owner as the server reports it; unset when it has none. */
  ownerGuid?: string;
  guid: string;
  /** The POSIX group id, when the server assigns one. */
  gid?: number;
  memberCount: number;
}

export const groupFields: Fields<GroupOutputs> = {
  account: "input", name: "input", ownerGuid: "input", adoptExisting: "input", onDelete: "input",
  guid: "output", gid: "output", memberCount: "output",
};

// ---- The API's shapes (original document: GroupOutput + guid, member_count; see docs/access-design.md)
export const apiGroup = z.object({
  guid: z.string(),
  name: z.string(),
  owner_guid: z.string().nullish(),
  gid: z.number().nullish(),
  member_count: z.number().nullish(),
});
export type ApiGroup = z.infer<typeof apiGroup>;

/** Groups = OffsetPaging + results. */
export const groupsPage = z.object({ results: z.array(apiGroup).default([]), current_page: z.number().optional(), total: z.number().optional() });

/** GroupWithTicket: guid is null when the directory's group has no Connect group yet. */
export const remoteGroup = z.object({ name: z.string(), guid: z.string().nullish(), temp_ticket: z.string().optional() });
export const remoteGroups = z.object({ results: z.array(remoteGroup).default([]) });

/** GroupMembers = OffsetPaging + results (User). */
export const apiMember = z.object({ guid: z.string(), username: z.string().optional() }).passthrough();
export type ApiMember = z.infer<typeof apiMember>;
export const membersPage = z.object({ results: z.array(apiMember).default([]), current_page: z.number().optional(), total: z.number().optional() });

/** GroupPatchInput. */
export interface PatchGroupBody {
  name?: string;
  owner_guid?: string;
}
