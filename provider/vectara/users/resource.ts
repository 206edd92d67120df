import * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type ArgsMatch, type OutputProperties } from "../../core/resource";
import { userType, userFields, type AgentRole, type ApiRole, type CorpusRole, type OnDelete, type UserOutputs } from "./schema";
import type { userInputs } from "./schema";

export interface VectaraUserArgs {
  /**
   * The account this user belongs to, when a stack manages several: account `staging` reads its
   * settings from the config namespace `vectara-staging` (and `VECTARA_STAGING_*`). Default: the
   * `vectara` namespace. Changing it replaces the user.
   */
  account?: pulumi.Input<string>;
  /** The user's email. Changing it replaces the user (the API cannot change an email). */
  email: pulumi.Input<string>;
  /** Defaults to the email. The resource id. Changing it replaces the user. Case-sensitive. */
  username?: pulumi.Input<string>;
  /** Up to 255 characters. Updates in place. */
  description?: pulumi.Input<string>;
  /** Default true. Updates in place. */
  enabled?: pulumi.Input<boolean>;
  /** Account-level roles (ApiRole, e.g. "corpus_administrator"). A set: order and duplicates never diff. */
  apiRoles?: pulumi.Input<pulumi.Input<ApiRole>[]>;
  /** Per-corpus roles: owner, administrator, viewer or editor. */
  corpusRoles?: pulumi.Input<pulumi.Input<{ corpusKey: pulumi.Input<string>; role: pulumi.Input<CorpusRole["role"]> }>[]>;
  /** Per-agent roles: agent_administrator, agent_viewer, agent_developer or agent_user. */
  agentRoles?: pulumi.Input<pulumi.Input<{ agentKey: pulumi.Input<string>; role: pulumi.Input<AgentRole["role"]> }>[]>;
  /** Default false: creating a user whose username exists fails. True: take that user over and converge it. */
  adoptExisting?: pulumi.Input<boolean>;
  /** What removing the resource does to the user: "delete" (default), "disable", or "retain". */
  onDelete?: pulumi.Input<OnDelete>;
  /**
   * Any string; changing it (not setting it the first time) resets the user's password
   * (POST /v2/users/{username}/reset_password). A returned one-time code is the secret output
   * `oneTimeCode`.
   */
  passwordResetTrigger?: pulumi.Input<string>;
}

/** Compile-time: VectaraUserArgs declares exactly the inputs of `userInputs` (keys, optionality, types); see ArgsMatch. */
const argsMatchInputs: ArgsMatch<VectaraUserArgs, typeof userInputs> = true;

/** The outputs (see `userFields`): each input as the server reports it, plus `vectaraId` (`usr_…`), `createdAt`, `updatedAt`, and the secret `oneTimeCode`/`oneTimeCodeLink`. */
export interface VectaraUser extends OutputProperties<UserOutputs> {}

/** A Vectara user (REST API v2 /v2/users), identified by its username. */
export class VectaraUser extends HostedResource {
  /**
   * Reads an existing user into the program without managing it: Pulumi tracks it, never changes
   * or deletes it. To manage an existing user, declare it with `adoptExisting: true` instead.
   */
  static get(name: string, username: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): VectaraUser {
    return new VectaraUser(name, {} as VectaraUserArgs, { ...opts, id: username });
  }

  constructor(name: string, args: VectaraUserArgs, opts?: pulumi.CustomResourceOptions) {
    super(userType, name, resourceProps(userFields, args), resourceOptions(userFields, opts));
  }
}
