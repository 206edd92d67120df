import * as pulumi from "@pulumi/pulumi";
import { hostedProvider } from "../core/dynamic-loader";
import type { AgentRole, CorpusRole, OnDelete } from "./schema";

export interface VectaraUserArgs {
  /** The user's email. Changing it replaces the user (the API cannot change an email). */
  email: pulumi.Input<string>;
  /** Defaults to the email. The resource id. Changing it replaces the user. Case-sensitive. */
  username?: pulumi.Input<string>;
  /** Up to 255 characters. Updates in place. */
  description?: pulumi.Input<string>;
  /** Default true. Updates in place. */
  enabled?: pulumi.Input<boolean>;
  /** Account-level roles (ApiRole, e.g. "corpus_administrator"). A set: order and duplicates never diff. */
  apiRoles?: pulumi.Input<pulumi.Input<string>[]>;
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

// One instance for every VectaraUser: Pulumi caches a provider's serialization per instance.
let provider: pulumi.dynamic.ResourceProvider | undefined;

/** A Vectara user (REST API v2 /v2/users), identified by its username. */
export class VectaraUser extends pulumi.dynamic.Resource {
  declare readonly email: pulumi.Output<string>;
  declare readonly username: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly enabled: pulumi.Output<boolean>;
  declare readonly apiRoles: pulumi.Output<string[]>;
  declare readonly corpusRoles: pulumi.Output<CorpusRole[]>;
  declare readonly agentRoles: pulumi.Output<AgentRole[]>;
  declare readonly adoptExisting: pulumi.Output<boolean>;
  declare readonly onDelete: pulumi.Output<OnDelete>;
  declare readonly passwordResetTrigger: pulumi.Output<string | undefined>;
  /** From the last create or password reset, where the deployment returns one. Secret. */
  declare readonly oneTimeCode: pulumi.Output<string | undefined>;
  declare readonly oneTimeCodeLink: pulumi.Output<string | undefined>;
  /** The API's id of the user (`usr_…`). */
  declare readonly vectaraId: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<string | undefined>;
  declare readonly updatedAt: pulumi.Output<string | undefined>;

  /**
   * Reads an existing user into the program without managing it: Pulumi tracks it, never changes
   * or deletes it. To manage an existing user, declare it with `adoptExisting: true` instead.
   */
  static get(name: string, username: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): VectaraUser {
    return new VectaraUser(name, {} as VectaraUserArgs, { ...opts, id: username });
  }

  constructor(name: string, args: VectaraUserArgs, opts?: pulumi.CustomResourceOptions) {
    provider ??= hostedProvider("pulumi-saas-users/vectara-user");
    // Every output must be named in the props, or Pulumi leaves its property unset on this object.
    const outputs = { email: undefined, username: undefined, description: undefined, enabled: undefined, apiRoles: undefined, corpusRoles: undefined, agentRoles: undefined, adoptExisting: undefined, onDelete: undefined, passwordResetTrigger: undefined };
    const secrets = { additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "oneTimeCode", "oneTimeCodeLink"] };
    super(provider, name, { ...outputs, ...args, oneTimeCode: undefined, oneTimeCodeLink: undefined, vectaraId: undefined, createdAt: undefined, updatedAt: undefined }, { ...opts, ...secrets }, "vectara", "User");
  }
}
