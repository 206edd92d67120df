/**
 * The corpus operations of the spec that a corpus-as-code provider needs, served by the core's
 * resource handler (../core/resources.ts) behind the same authentication, faults and preflight as
 * the users API:
 *
 *   createCorpus  POST   /v2/corpora               201 Corpus   (400 BadRequestError, 409 Error when the key exists)
 *   getCorpus     GET    /v2/corpora/{corpus_key}  200 Corpus   (404 NotFoundError)
 *   updateCorpus  PATCH  /v2/corpora/{corpus_key}  200 Corpus   (404 NotFoundError)
 *   deleteCorpus  DELETE /v2/corpora/{corpus_key}  204          (404 NotFoundError)
 *
 * listCorpora and the operations below a corpus (documents, query, reset, …) are not served: they
 * answer 404 like any unknown path. Check order and everything else the spec leaves open: ./choices.ts.
 */
import type { Resource } from "../core";
import type { Corpus } from "./corpora-spec";
import type { CorpusStore } from "./corpora-store";

export const corporaResource = (store: CorpusStore): Resource<Corpus> => ({
  path: ["v2", "corpora"],
  ops: ["create", "get", "update", "delete"],
  store,
  duplicateStatus: 409,
});
