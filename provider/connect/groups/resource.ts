import type * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type OutputProperties } from "../../core/resource";
import { groupFields, groupType, type GroupOnDelete, type GroupOutputs } from "./schema";

export interface ConnectGroupArgs {
  /**
   * The Connect server this group belongs to, when a stack manages several: account `staging`
   * reads its settings from the config namespace `connect-staging` (and `CONNECT_STAGING_*`).
   * Default: the `connect` namespace. Changing it replaces the group.
   */
  account?: pulumi.Input<string>;
  /**
   * The group's name, unique on the server (case-sensitive). Updates in place (PATCH
   * /v1/groups/{guid}); an LDAP server takes it from its directory and refuses a rename.
   */
  name: pulumi.Input<string>;
  /**
   * The guid of the user who owns the group (not a viewer). Set after create (POST takes no owner)
   * and updated in place. Unset: whatever the server has (the creator, usually), without a diff.
   */
  ownerGuid?: pulumi.Input<string>;
  /** Default false: creating a group whose name exists fails. True: take that group over and converge it. */
  adoptExisting?: pulumi.Input<boolean>;
  /** What removing the resource does: "delete" (default: DELETE /v1/groups/{guid}) or "retain" (leave the group on the server). */
  onDelete?: pulumi.Input<GroupOnDelete>;
}

/** The outputs (see `groupFields`): each input as the server reports it, plus `guid`, `gid` and `memberCount`. */
export interface ConnectGroup extends OutputProperties<GroupOutputs> {}

/** A Posit Connect user group (Connect Server API /v1/groups), identified by its guid. Needs user groups enabled on the server (Authorization.UserGroups). */
export class ConnectGroup extends HostedResource {
  /** Reads an existing group into the program without managing it. To manage one, declare it with `adoptExisting: true` instead. */
  static get(name: string, guid: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ConnectGroup {
    return new ConnectGroup(name, {} as ConnectGroupArgs, { ...opts, id: guid });
  }

  constructor(name: string, args: ConnectGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(groupType, name, resourceProps(groupFields, args), resourceOptions(groupFields, opts));
  }
}
