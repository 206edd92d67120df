import type * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type OutputProperties } from "../../core/resource";
import { membershipFields, membershipType, type MembershipOutputs } from "./schema";

export interface ConnectGroupMembershipArgs {
  /** The Connect server, when a stack manages several (config namespace `connect-<account>`). Changing it replaces the membership. */
  account?: pulumi.Input<string>;
  /** The group's guid (e.g. a `ConnectGroup`'s `guid`). Changing it replaces the membership. */
  groupGuid: pulumi.Input<string>;
  /** The user's guid (e.g. a `ConnectUser`'s `guid`). Changing it replaces the membership. */
  userGuid: pulumi.Input<string>;
}

/** The outputs: the inputs. */
export interface ConnectGroupMembership extends OutputProperties<MembershipOutputs> {}

/**
 * A user's membership of a Posit Connect group (POST/DELETE /v1/groups/{guid}/members). Its id is
 * `<groupGuid>/<userGuid>`. Servers whose authentication provider supplies group membership
 * (LDAP, or group claims) refuse member changes.
 */
export class ConnectGroupMembership extends HostedResource {
  constructor(name: string, args: ConnectGroupMembershipArgs, opts?: pulumi.CustomResourceOptions) {
    super(membershipType, name, resourceProps(membershipFields, args), resourceOptions(membershipFields, opts));
  }
}
