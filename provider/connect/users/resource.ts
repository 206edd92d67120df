import * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type ArgsMatch, type OutputProperties } from "../../core/resource";
import { userType, userFields, type ConnectUserRole, type OnDelete, type UserOutputs } from "./schema";
import type { userInputs } from "./schema";

export interface ConnectUserArgs {
  /**
   * The Connect server this user belongs to, when a stack manages several: account `staging`
   * reads its settings from the config namespace `connect-staging` (and `CONNECT_STAGING_*`).
   * Default: the `connect` namespace. Changing it replaces the user.
   */
  account?: pulumi.Input<string>;
  /** Case-sensitive. Updates in place (PUT /v1/users/{guid}); servers whose directory owns it refuse (code 36). */
  username: pulumi.Input<string>;
  /** Updates in place. Unset: whatever the server has (e.g. from its directory), without a diff. */
  email?: pulumi.Input<string>;
  /** Updates in place. Unset: whatever the server has, without a diff. */
  firstName?: pulumi.Input<string>;
  /** Updates in place. Unset: whatever the server has, without a diff. */
  lastName?: pulumi.Input<string>;
  /** "administrator", "publisher" or "viewer". Updates in place. Unset: the server's default role, shown in the outputs without a diff. */
  userRole?: pulumi.Input<ConnectUserRole>;
  /**
   * Default false. A locked user cannot log in and holds no licence seat; content is kept. Updates in
   * place (POST /v1/users/{guid}/lock). The API key's own user (GET /v1/user) is never locked: that fails.
   */
  locked?: pulumi.Input<boolean>;
  /** Password servers only, at create (at least 6 characters). Always a secret; never an output. Later changes are ignored. */
  password?: pulumi.Input<string>;
  /** Password servers only, at create: mail the user a link to set a password. Not with `password`. Later changes are ignored. */
  userMustSetPassword?: pulumi.Input<boolean>;
  /**
   * The user's id in the authentication provider (SAML, OAuth2, proxied auth), at create, as
   * `external_id`; servers that know only `unique_id` (the 2023 generation) get that. Later changes are ignored.
   */
  externalId?: pulumi.Input<string>;
  /** Default false: creating a user whose username exists fails. True: take that user over and converge it. */
  adoptExisting?: pulumi.Input<boolean>;
  /** What removing the resource does: "lock" (default) or "retain". Connect's API cannot delete a user. The API key's own user is never locked: use "retain" for it. */
  onDelete?: pulumi.Input<OnDelete>;
}

/** Compile-time: ConnectUserArgs declares exactly the inputs of `userInputs` (keys, optionality, types); see ArgsMatch. */
const argsMatchInputs: ArgsMatch<ConnectUserArgs, typeof userInputs> = true;

/** The outputs (see `userFields`): each input as the server reports it (never the password), plus `guid`, `confirmed`, `createdTime`, `updatedTime`, `activeTime`. */
export interface ConnectUser extends OutputProperties<UserOutputs> {}

/** A Posit Connect user (Connect Server API /v1/users), identified by its guid. */
export class ConnectUser extends HostedResource {
  /**
   * Reads an existing user into the program without managing it: Pulumi tracks it, never changes
   * or locks it. To manage an existing user, declare it with `adoptExisting: true` instead.
   */
  static get(name: string, guid: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ConnectUser {
    return new ConnectUser(name, {} as ConnectUserArgs, { ...opts, id: guid });
  }

  constructor(name: string, args: ConnectUserArgs, opts?: pulumi.CustomResourceOptions) {
    // The password is a secret whether or not the program made it one: state keeps inputs.
    const secretArgs = args.password === undefined ? args : { ...args, password: pulumi.secret(args.password) };
    super(userType, name, resourceProps(userFields, secretArgs), resourceOptions(userFields, opts));
  }
}
