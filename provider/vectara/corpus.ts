import * as pulumi from "@pulumi/pulumi";
import { hostedProvider } from "../core/dynamic-loader";

export interface VectaraCorpusArgs {
  /**
   * The corpus key: letters, digits, `_`, `=` and `-`, at most 50 characters. The resource id.
   * Changing it replaces the corpus (a new, empty corpus; the old one and its documents are deleted).
   * Pass `corpus.key` to `VectaraUser.corpusRoles` so that Pulumi creates the corpus before the
   * users and deletes the users before the corpus.
   */
  key: pulumi.Input<string>;
  /** Defaults to the key. Updates in place. */
  name?: pulumi.Input<string>;
  /** Updates in place. */
  description?: pulumi.Input<string>;
  /** Default false: creating a corpus whose key exists fails. True: take that corpus over and converge its name and description. */
  adoptExisting?: pulumi.Input<boolean>;
}

// One instance for every VectaraCorpus: Pulumi caches a provider's serialization per instance.
let provider: pulumi.dynamic.ResourceProvider | undefined;

/**
 * A Vectara corpus (REST API v2 /v2/corpora), identified by its key. Removing the resource deletes
 * the corpus and every document in it; Pulumi's `protect` and `retainOnDelete` resource options
 * guard against that.
 */
export class VectaraCorpus extends pulumi.dynamic.Resource {
  declare readonly key: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly adoptExisting: pulumi.Output<boolean>;
  /** The API's id of the corpus (`crp_…`). */
  declare readonly vectaraId: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: VectaraCorpusArgs, opts?: pulumi.CustomResourceOptions) {
    provider ??= hostedProvider("pulumi-saas-users/vectara-corpus");
    // Every output must be named in the props, or Pulumi leaves its property unset on this object.
    const outputs = { key: undefined, name: undefined, description: undefined, adoptExisting: undefined };
    super(provider, name, { ...outputs, ...args, vectaraId: undefined, createdAt: undefined }, opts, "vectara", "Corpus");
  }
}
