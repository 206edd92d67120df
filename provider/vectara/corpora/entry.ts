import type { ResourceEntry } from "../../core/registry";
import { allItems } from "../../core/paging";
import { corporaApi } from "./api";
import { checkCorpus, diffCorpus, inputsOf, toOutputs } from "./logic";
import { corpusInputs, corpusType } from "./schema";

/** VectaraCorpus in the registry: what the import and the reference pages read. */
export const vectaraCorpusEntry: ResourceEntry = {
  ...corpusType,
  summary: "a Vectara corpus, by its key, that user roles can name",
  id: "the corpus key",
  inputs: corpusInputs,
  replaces: ["account", "key"],
  check: checkCorpus,
  diff: diffCorpus,
  listing: {
    async *list(client) {
      const api = corporaApi(client);
      for await (const corpus of allItems((cursor) => api.page(cursor))) yield inputsOf(toOutputs(corpus, { adoptExisting: false }));
    },
    key: (inputs) => String(inputs.key),
    // CreateCorpusRequest: the name defaults to the key.
    implied: (inputs) => ({ name: inputs.key }),
  },
};
