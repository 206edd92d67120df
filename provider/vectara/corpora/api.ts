import type { ApiClient } from "../../core/client";
import { path } from "../../core/path";
import { apiCorpus, type CreateCorpusBody, type UpdateCorpusBody } from "./schema";

/**
 * The corpus endpoints of the Vectara REST API v2 that VectaraCorpus needs, one line each
 * (spec: tag "Corpora"; success statuses as declared there).
 * create → POST /v2/corpora                 201 Corpus (409 when the key exists)
 * get    → GET /v2/corpora/{corpus_key}     200 Corpus
 * update → PATCH /v2/corpora/{corpus_key}   200 Corpus
 * remove → DELETE /v2/corpora/{corpus_key}  204
 */
export function corporaApi(client: ApiClient) {
  return {
    create: (body: CreateCorpusBody) => client.send({ method: "POST", path: "/v2/corpora", body, expect: [201], schema: apiCorpus }),
    get: (key: string) => client.send({ method: "GET", path: path`/v2/corpora/${key}`, expect: [200], schema: apiCorpus }),
    update: (key: string, body: UpdateCorpusBody) => client.send({ method: "PATCH", path: path`/v2/corpora/${key}`, body, expect: [200], schema: apiCorpus }),
    remove: (key: string) => client.send({ method: "DELETE", path: path`/v2/corpora/${key}`, expect: [204] }),
  };
}

export type CorporaApi = ReturnType<typeof corporaApi>;
