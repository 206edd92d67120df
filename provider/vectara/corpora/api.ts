import type { ApiClient } from "../../core/client";
import { nextCursor, type Page } from "../../core/paging";
import { path } from "../../core/path";
import { vectaraProfile } from "../profile";
import { apiCorpus, listCorporaResponse, type ApiCorpus, type CreateCorpusBody, type UpdateCorpusBody } from "./schema";

/** listCorpora `limit` maximum (spec: limit, maximum 100). */
export const CORPORA_PAGE_SIZE = 100;

/**
 * The corpus endpoints of the Vectara REST API v2 that VectaraCorpus needs, one line each
 * (spec: tag "Corpora"; success statuses as declared there).
 * create → POST /v2/corpora                 201 Corpus (409 when the key exists)
 * get    → GET /v2/corpora/{corpus_key}     200 Corpus
 * update → PATCH /v2/corpora/{corpus_key}   200 Corpus
 * remove → DELETE /v2/corpora/{corpus_key}  204
 * page   → GET /v2/corpora?limit&page_key   200 ListCorporaResponse (for `pulumi-saas-users import`)
 */
export function corporaApi(client: ApiClient) {
  return {
    create: (body: CreateCorpusBody) => client.send({ method: "POST", path: "/v2/corpora", body, expect: [201], schema: apiCorpus }),
    get: (key: string) => client.send({ method: "GET", path: path`/v2/corpora/${key}`, expect: [200], schema: apiCorpus }),
    update: (key: string, body: UpdateCorpusBody) => client.send({ method: "PATCH", path: path`/v2/corpora/${key}`, body, expect: [200], schema: apiCorpus }),
    remove: (key: string) => client.send({ method: "DELETE", path: path`/v2/corpora/${key}`, expect: [204] }),
    /** One page of every corpus of the account. */
    page: async (cursor: string | undefined, size = CORPORA_PAGE_SIZE): Promise<Page<ApiCorpus>> => {
      const data = await client.send({ method: "GET", path: "/v2/corpora", query: { limit: size, page_key: cursor }, expect: [200], schema: listCorporaResponse });
      return { items: data.corpora, next: nextCursor(vectaraProfile.paging, cursor, { count: data.corpora.length, size, next: data.metadata?.page_key }) };
    },
  };
}

export type CorporaApi = ReturnType<typeof corporaApi>;
