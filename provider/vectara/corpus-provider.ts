import type * as pulumi from "@pulumi/pulumi";
import { hasCode, type ApiError } from "../core/errors";
import type { Logger } from "../core/log";
import { corporaApi, type CorporaApi } from "./corpus-api";
import { checkCorpus, createBody, diffCorpus, toOutputs, updateBody } from "./corpus-logic";
import type { ApiCorpus, CorpusInputs, CorpusOutputs } from "./corpus-schema";
import { hostInstance, vectaraClient, vectaraLogger } from "./connection";

/**
 * The lifecycle of VectaraCorpus (resource id = corpus key):
 *   create → POST /v2/corpora              409 → ours (a lost answer), adopt, or an error naming adoptExisting
 *                                          (+ PATCH when adopting a corpus whose name/description differ)
 *   read   → GET /v2/corpora/{key}         404 → gone
 *   update → PATCH /v2/corpora/{key}       only name/description, only what changed
 *   delete → DELETE /v2/corpora/{key}      404 → already done
 * This module runs inside the provider host and is never serialized (see core/dynamic-loader.ts).
 */
export function vectaraCorpusProvider(deps: { api: () => CorporaApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  return {
    async check(_olds, news) {
      return checkCorpus(news);
    },

    async diff(_id, olds, news) {
      const { changes, replaces, deleteBeforeReplace } = diffCorpus(olds, news);
      return { changes, replaces, deleteBeforeReplace };
    },

    async create(inputs: CorpusInputs) {
      const api = deps.api();
      const started = Date.now();
      let corpus: ApiCorpus;
      try {
        corpus = (await api.create(createBody(inputs))).data;
      } catch (error) {
        corpus = await existingCorpusFor(api, inputs, error, started);
      }
      let outs = toOutputs(corpus, inputs);
      const patch = updateBody(outs, inputs);
      if (patch) {
        try {
          outs = toOutputs((await api.update(inputs.key, patch)).data, inputs);
        } catch (error) {
          // The corpus exists: keep it in state ("created but failed to initialize") rather than
          // orphan it, with __provider so that a later read or delete can load the provider.
          const properties = { ...outs, __provider: (inputs as { __provider?: unknown }).__provider };
          throw Object.assign(new Error(`Vectara corpus ${inputs.key} exists but its name and description could not be set: ${(error as Error).message}`), {
            id: inputs.key, properties, reasons: [(error as Error).message],
          });
        }
      }
      return { id: inputs.key, outs };
    },

    async read(id, props: Partial<CorpusOutputs>) {
      try {
        const corpus = (await deps.api().get(id)).data;
        return { id, props: toOutputs(corpus, { adoptExisting: props.adoptExisting ?? false }) };
      } catch (error) {
        if (!hasCode(error, "NOT_FOUND")) throw error;
        deps.logger().warn(`Vectara corpus ${id} no longer exists; refresh removes it from the stack`);
        return {};
      }
    },

    async update(id, olds: CorpusOutputs, news: CorpusInputs) {
      const patch = updateBody(olds, news);
      const corpus = patch ? (await deps.api().update(id, patch)).data : undefined;
      const settings = { adoptExisting: news.adoptExisting };
      return { outs: corpus ? toOutputs(corpus, settings) : { ...olds, ...settings } };
    },

    async delete(id) {
      try {
        await deps.api().remove(id);
      } catch (error) {
        if (!hasCode(error, "NOT_FOUND")) throw error;
      }
    },
  };
}

/**
 * A create refused with 409, which createCorpus declares for "The corpus already exists":
 * - our own create, applied by an earlier attempt whose answer was lost → it is ours;
 * - adoptExisting → take it over (its name and description are then converged);
 * - otherwise → an error that names the flag.
 */
async function existingCorpusFor(api: CorporaApi, inputs: CorpusInputs, error: unknown, started: number): Promise<ApiCorpus> {
  if (!hasCode(error, "CONFLICT")) throw error;
  const failed = error as ApiError;
  let existing: ApiCorpus;
  try {
    existing = (await api.get(inputs.key)).data;
  } catch (lookup) {
    // Deleted in between, or not visible to these credentials: report the original refusal.
    if (hasCode(lookup, "NOT_FOUND")) throw failed.with({ hint: "the key is taken, yet GET answered 404 (deleted meanwhile, or not visible to these credentials); run again, or check the API key's roles" });
    throw lookup;
  }
  if (failed.ambiguous && isOurCreate(existing, inputs, started)) return existing;
  if (!inputs.adoptExisting) {
    throw failed.with({ code: "CONFLICT", hint: "set adoptExisting: true to take over the existing corpus (and its documents), or choose another key" },
      `Vectara corpus ${inputs.key} already exists (${failed.method} ${failed.path} answered ${failed.status})`);
  }
  return existing;
}

/** Same name and description as we sent, created after this operation started (with a minute of clock skew). */
function isOurCreate(corpus: ApiCorpus, inputs: CorpusInputs, started: number): boolean {
  const created = corpus.created_at ? Date.parse(corpus.created_at) : NaN;
  return created >= started - 60_000 && updateBody(toOutputs(corpus, inputs), inputs) === undefined;
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default hostInstance(vectaraCorpusProvider({ api: () => corporaApi(vectaraClient()), logger: vectaraLogger }));
