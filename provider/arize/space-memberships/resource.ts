import * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type OutputProperties } from "../../core/resource";
import { spaceMembershipFields, spaceMembershipType, type ArizeMemberOnDelete, type ArizeMemberRole, type SpaceMembershipOutputs } from "./schema";

export interface ArizeSpaceMembershipArgs {
  /**
   * The account the space belongs to, when a stack manages several: account `eu` reads its
   * settings from the config namespace `arize-eu` (and `ARIZE_EU_*`). Changing it replaces the membership.
   */
  account?: pulumi.Input<string>;
  /** The space's Arize id (see `getArizeSpace`). Changing it replaces the membership. */
  spaceId: pulumi.Input<string>;
  /**
   * The user's Arize id (an `ArizeUser`'s `userId`). The user must already belong to the space's
   * organization (an `ArizeOrganizationMembership`; make this resource depend on it). Changing it
   * replaces the membership.
   */
  userId: pulumi.Input<string>;
  /**
   * The space role: "ADMIN", "MEMBER", "READ_ONLY" or "ANNOTATOR" (lowercase is accepted). Updates
   * in place. Arize's rule: a user whose account role is ANNOTATOR holds only ANNOTATOR, and no
   * other user holds it; a create or update that breaks it fails, naming the rule.
   */
  role: pulumi.Input<ArizeMemberRole | Lowercase<ArizeMemberRole>>;
  /** What removing the resource does: "delete" (default) removes the user from the space; "retain" leaves it. */
  onDelete?: pulumi.Input<ArizeMemberOnDelete>;
}

/** The outputs (see `spaceMembershipFields`): the inputs, plus the API's `membershipId`. */
export interface ArizeSpaceMembership extends OutputProperties<SpaceMembershipOutputs> {}

/** A user's membership of an Arize AX space, with its role (POST/DELETE /v2/spaces/{space_id}/users). */
export class ArizeSpaceMembership extends HostedResource {
  /** Reads an existing membership into the program without managing it; the id is `<spaceId>:<userId>`. */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ArizeSpaceMembership {
    return new ArizeSpaceMembership(name, {} as ArizeSpaceMembershipArgs, { ...opts, id });
  }

  constructor(name: string, args: ArizeSpaceMembershipArgs, opts?: pulumi.CustomResourceOptions) {
    super(spaceMembershipType, name, resourceProps(spaceMembershipFields, args), resourceOptions(spaceMembershipFields, opts));
  }
}
