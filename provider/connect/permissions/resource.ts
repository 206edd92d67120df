import type * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type OutputProperties } from "../../core/resource";
import { permissionFields, permissionType, type PermissionOutputs, type PermissionRole, type PrincipalType } from "./schema";

export interface ConnectContentPermissionArgs {
  /** The Connect server, when a stack manages several (config namespace `connect-<account>`). Changing it replaces the grant. */
  account?: pulumi.Input<string>;
  /** The content item's guid. Changing it replaces the grant. */
  contentGuid: pulumi.Input<string>;
  /** The guid of the user or group granted access. Changing it replaces the grant. */
  principalGuid: pulumi.Input<string>;
  /** "user" or "group". Changing it replaces the grant. */
  principalType: pulumi.Input<PrincipalType>;
  /** "viewer" (sees the content) or "owner" (a collaborator: may change it; not for viewer accounts). Updates in place (PUT). */
  role: pulumi.Input<PermissionRole>;
  /** Default false: a principal that already has a grant on the content is an error. True: take that grant over and converge its role. */
  adoptExisting?: pulumi.Input<boolean>;
}

/** The outputs: the inputs as the server reports them, plus `permissionId`. */
export interface ConnectContentPermission extends OutputProperties<PermissionOutputs> {}

/** A user's or group's access to a Posit Connect content item (/v1/content/{guid}/permissions), identified by the permission's id. */
export class ConnectContentPermission extends HostedResource {
  constructor(name: string, args: ConnectContentPermissionArgs, opts?: pulumi.CustomResourceOptions) {
    super(permissionType, name, resourceProps(permissionFields, args), resourceOptions(permissionFields, opts));
  }
}
