import * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type ArgsMatch, type OutputProperties } from "../../core/resource";
import { userType, userFields, type ArizeInviteMode, type ArizeOnDelete, type ArizeRole, type UserOutputs } from "./schema";
import type { userInputs } from "./schema";

export interface ArizeUserArgs {
  /**
   * The account this user belongs to, when a stack manages several: account `eu` reads its
   * settings from the config namespace `arize-eu` (and `ARIZE_EU_*`). Default: the `arize`
   * namespace. Changing it replaces the user.
   */
  account?: pulumi.Input<string>;
  /** The user's email. Changing it replaces the user: the new one is created first, then the old one deleted. */
  email: pulumi.Input<string>;
  /** Full name, 1–255 characters. Updates in place. */
  name: pulumi.Input<string>;
  /**
   * Account role (default "MEMBER"; lowercase is accepted). It cannot change through the API: a
   * changed role is refused before any request. Change it in Arize, run `pulumi refresh`, then
   * set this to match.
   */
  role?: pulumi.Input<ArizeRole | Lowercase<ArizeRole>>;
  /** Developer permissions (can use the Arize API). Default: true, false for ANNOTATOR. Updates in place; needs an admin key. */
  isDeveloper?: pulumi.Input<boolean>;
  /**
   * How the user is invited (default "EMAIL_LINK"): "NONE" (SSO accounts, active at once),
   * "EMAIL_LINK", or "TEMPORARY_PASSWORD" (returned once, as the secret output `temporaryPassword`).
   * Used only by the create: a later change has no effect, and says so.
   */
  inviteMode?: pulumi.Input<ArizeInviteMode | Lowercase<ArizeInviteMode>>;
  /**
   * Any string; changing it (not setting it the first time) resends the invitation to an INVITED
   * user (POST /v2/users/{id}/resend-invitation), or renews an EXPIRED one by creating the user
   * again (POST /v2/users answers 201 with a new invitation; nothing is deleted).
   */
  resendInvitationTrigger?: pulumi.Input<string>;
  /** Any string; changing it (not setting it the first time) emails a password reset link (POST /v2/users/{id}/reset-password). */
  passwordResetTrigger?: pulumi.Input<string>;
  /** Default false: creating a user whose email exists fails. True: take that user over and converge its name and isDeveloper. */
  adoptExisting?: pulumi.Input<boolean>;
  /**
   * What removing the resource does: "delete" (default) or "retain". Deleting an Arize user is
   * terminal: its email can never be invited again.
   */
  onDelete?: pulumi.Input<ArizeOnDelete>;
}

/** Compile-time: ArizeUserArgs declares exactly the inputs of `userInputs` (keys, optionality, types); see ArgsMatch. */
const argsMatchInputs: ArgsMatch<ArizeUserArgs, typeof userInputs> = true;

/** The outputs (see `userFields`): each input as the server reports it, plus `userId`, `status`, `createdAt` and the secret `temporaryPassword`. */
export interface ArizeUser extends OutputProperties<UserOutputs> {}

/** An Arize AX user (REST API v2 /v2/users), identified by its Arize user id. */
export class ArizeUser extends HostedResource {
  /**
   * Reads an existing user into the program without managing it: Pulumi tracks it, never changes
   * or deletes it. To manage an existing user, declare it with `adoptExisting: true` instead.
   */
  static get(name: string, userId: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ArizeUser {
    return new ArizeUser(name, {} as ArizeUserArgs, { ...opts, id: userId });
  }

  constructor(name: string, args: ArizeUserArgs, opts?: pulumi.CustomResourceOptions) {
    super(userType, name, resourceProps(userFields, args), resourceOptions(userFields, opts));
  }
}
