import * as pulumi from "@pulumi/pulumi";
import { HostedResource } from "../../core/dynamic-loader";
import { resourceOptions, resourceProps, type ArgsMatch, type OutputProperties } from "../../core/resource";
import { corpusType, corpusFields, type CorpusOutputs } from "./schema";
import type { corpusInputs } from "./schema";

export interface VectaraCorpusArgs {
  /** The account this corpus belongs to (see VectaraUserArgs.account). Changing it replaces the corpus. */
  account?: pulumi.Input<string>;
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

/** Compile-time: VectaraCorpusArgs declares exactly the inputs of `corpusInputs` (keys, optionality, types); see ArgsMatch. */
const argsMatchInputs: ArgsMatch<VectaraCorpusArgs, typeof corpusInputs> = true;

/** The outputs (see `corpusFields`): the inputs as the server reports them, plus `vectaraId` (`crp_…`) and `createdAt`. */
export interface VectaraCorpus extends OutputProperties<CorpusOutputs> {}

/**
 * A Vectara corpus (REST API v2 /v2/corpora), identified by its key. Removing the resource deletes
 * the corpus and every document in it; Pulumi's `protect` and `retainOnDelete` resource options
 * guard against that.
 */
export class VectaraCorpus extends HostedResource {
  constructor(name: string, args: VectaraCorpusArgs, opts?: pulumi.CustomResourceOptions) {
    super(corpusType, name, resourceProps(corpusFields, args), resourceOptions(corpusFields, opts));
  }
}
