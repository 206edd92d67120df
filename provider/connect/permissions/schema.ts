import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";
import { guidInput } from "../groups/schema";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const permissionType: ResourceType = { kind: "ConnectContentPermission", module: "connect", type: "ContentPermission", loader: "connect-content-permission" };

/** Permission.principal_type (table 2023 code 152: "must be 'user' or 'group'"). */
export const principalTypes = ["user", "group"] as const;
/** Permission.role: a viewer sees the content; an owner (collaborator) may also change it. */
export const permissionRoles = ["viewer", "owner"] as const;
export type PrincipalType = (typeof principalTypes)[number];
export type PermissionRole = (typeof permissionRoles)[number];

export const permissionInputs = z.strictObject({
  account: accountInput.optional(),
  contentGuid: guidInput("contentGuid"),
  principalGuid: guidInput("principalGuid"),
  principalType: z.enum(principalTypes, { message: 'principalType must be "user" or "group"' }),
  role: z.enum(permissionRoles, { message: 'role must be "viewer" or "owner"' }),
  adoptExisting: z.boolean({ message: "adoptExisting must be true or false" }).default(false),
});

export type PermissionInputs = z.infer<typeof permissionInputs>;

export interface PermissionOutputs {
  account?: string;
  contentGuid: string;
  principalGuid: string;
  principalType: string;
  /** As the server reports it; roles the provider does not know are kept as given. */
  role: string;
  adoptExisting: boolean;
  /** The permission's id on the content item (also the resource id). */
  permissionId: string;
}

export const permissionFields: Fields<PermissionOutputs> = {
  account: "input", contentGuid: "input", principalGuid: "input", principalType: "input", role: "input", adoptExisting: "input",
  permissionId: "output",
};

// ---- The API's shapes (Permission, additionalProperties: false; id is a string)
export const apiPermission = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  content_guid: z.string(),
  principal_guid: z.string(),
  principal_type: z.string(),
  role: z.string(),
});
export type ApiPermission = z.infer<typeof apiPermission>;

/** PermissionInput. */
export interface PermissionBody {
  principal_guid: string;
  principal_type: string;
  role: string;
}
