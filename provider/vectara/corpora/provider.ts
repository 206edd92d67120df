import type * as pulumi from "@pulumi/pulumi";
import { hasCode } from "../../core/errors";
import { createOrAdopt, doneIfGone, partialCreate, pureMethods, readOrGone, readResult } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { vectara } from "../profile";
import { corporaApi, type CorporaApi } from "./api";
import { checkCorpus, createBody, diffCorpus, inputsOf, toOutputs, updateBody } from "./logic";
import type { ApiCorpus, CorpusInputs, CorpusOutputs } from "./schema";

/**
 * The lifecycle of VectaraCorpus (resource id = corpus key):
 *   create → POST /v2/corpora              409 → ours (a lost answer), adopt, or an error naming adoptExisting
 *                                          (+ PATCH when adopting a corpus whose name/description differ)
 *   read   → GET /v2/corpora/{key}         404 → gone
 *   update → PATCH /v2/corpora/{key}       only name/description, only what changed
 *   delete → DELETE /v2/corpora/{key}      404 → already done
 * This module runs inside the provider host and is never serialized (see core/dynamic-loader.ts).
 */
export function vectaraCorpusProvider(deps: { api: (account?: string) => CorporaApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  return {
    ...pureMethods({ check: checkCorpus, diff: diffCorpus }),

    async create(inputs: CorpusInputs) {
      const api = deps.api(inputs.account);
      const started = Date.now();
      const { resource: corpus } = await createOrAdopt<ApiCorpus>({
        what: `Vectara corpus ${inputs.key}`,
        adoptExisting: inputs.adoptExisting,
        create: () => api.create(createBody(inputs)),
        // createCorpus declares 409 for "The corpus already exists".
        mayExist: (error) => hasCode(error, "CONFLICT"),
        find: () => api.get(inputs.key),
        isOurs: (existing) => isOurCreate(existing, inputs, started),
        conflictHint: "set adoptExisting: true to take over the existing corpus (and its documents), or choose another key",
        // Deleted in between, or not visible to these credentials.
        notFoundHint: "the key is taken, yet GET answered 404 (deleted meanwhile, or not visible to these credentials); run again, or check the API key's roles",
      });
      let outs = toOutputs(corpus, inputs);
      const patch = updateBody(outs, inputs);
      if (patch) {
        try {
          outs = toOutputs(await api.update(inputs.key, patch), inputs);
        } catch (error) {
          throw partialCreate(inputs.key, outs, inputs, `Vectara corpus ${inputs.key} exists but its name and description could not be set`, error);
        }
      }
      return { id: inputs.key, outs };
    },

    async read(id, props: Partial<CorpusOutputs>) {
      const corpus = await readOrGone(deps.logger(), `Vectara corpus ${id}`, () => deps.api(props.account).get(id));
      if (!corpus) return {};
      // On drift, the inputs in state change where the next up will (see core DriftLogic).
      return readResult({ inputsOf, diff: diffCorpus }, id, props, toOutputs(corpus, { account: props.account, adoptExisting: props.adoptExisting ?? false }));
    },

    async update(id, olds: CorpusOutputs, news: CorpusInputs) {
      const patch = updateBody(olds, news);
      const corpus = patch ? await deps.api(news.account).update(id, patch) : undefined;
      const settings = { account: news.account, adoptExisting: news.adoptExisting };
      if (corpus) return { outs: toOutputs(corpus, settings) };
      const { account: _a, ...server } = olds;
      return { outs: { ...server, ...(news.account !== undefined ? { account: news.account } : {}), adoptExisting: news.adoptExisting } };
    },

    async delete(id, props: Partial<CorpusOutputs>) {
      await doneIfGone(() => deps.api(props.account).remove(id));
    },
  };
}

/** Same name and description as we sent, created after this operation started (with a minute of clock skew). */
function isOurCreate(corpus: ApiCorpus, inputs: CorpusInputs, started: number): boolean {
  const created = corpus.created_at ? Date.parse(corpus.created_at) : NaN;
  return created >= started - 60_000 && updateBody(toOutputs(corpus, inputs), inputs) === undefined;
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default vectara.hostInstance(vectaraCorpusProvider({ api: (account) => corporaApi(vectara.client(account)), logger: () => vectara.logger() }));
