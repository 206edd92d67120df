import * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type OutputProperties } from "../../core/resource";
import { organizationMembershipFields, organizationMembershipType, type ArizeMemberOnDelete, type ArizeMemberRole, type OrganizationMembershipOutputs } from "./schema";

export interface ArizeOrganizationMembershipArgs {
  /**
   * The account the organization belongs to, when a stack manages several: account `eu` reads its
   * settings from the config namespace `arize-eu` (and `ARIZE_EU_*`). Changing it replaces the membership.
   */
  account?: pulumi.Input<string>;
  /** The organization's Arize id (see `getArizeOrganization`). Changing it replaces the membership. */
  organizationId: pulumi.Input<string>;
  /** The user's Arize id (an `ArizeUser`'s `userId`, or `getArizeUser`). Changing it replaces the membership. */
  userId: pulumi.Input<string>;
  /**
   * The organization role: "ADMIN", "MEMBER", "READ_ONLY" or "ANNOTATOR" (lowercase is accepted).
   * Updates in place. Arize's rule: a user whose account role is ANNOTATOR holds only ANNOTATOR, and
   * no other user holds it; a create or update that breaks it fails, naming the rule.
   */
  role: pulumi.Input<ArizeMemberRole | Lowercase<ArizeMemberRole>>;
  /**
   * What removing the resource does: "delete" (default) removes the user from the organization and,
   * by Arize's rule, from all its spaces; "retain" leaves the membership in Arize.
   */
  onDelete?: pulumi.Input<ArizeMemberOnDelete>;
}

/** The outputs (see `organizationMembershipFields`): the inputs, plus the API's `membershipId`. */
export interface ArizeOrganizationMembership extends OutputProperties<OrganizationMembershipOutputs> {}

/** A user's membership of an Arize AX organization, with its role (POST/DELETE /v2/organizations/{org_id}/users). */
export class ArizeOrganizationMembership extends HostedResource {
  /** Reads an existing membership into the program without managing it; the id is `<organizationId>:<userId>`. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ArizeOrganizationMembership {
    return new ArizeOrganizationMembership(name, {} as ArizeOrganizationMembershipArgs, { ...opts, id });
  }

  constructor(name: string, args: ArizeOrganizationMembershipArgs, opts?: pulumi.CustomResourceOptions) {
    super(organizationMembershipType, name, resourceProps(organizationMembershipFields, args), resourceOptions(organizationMembershipFields, opts));
  }
}
