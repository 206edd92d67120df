/**
 * The corpus operations of the spec that a corpus-as-code provider needs, served by the core's
 * resource handler (../core/resources.ts) behind the same authentication, faults and preflight as
 * the users API:
 *
 *   listCorpora   GET    /v2/corpora               200 ListCorporaResponse (limit, page_key; 400 for filter or corpus_id)
 *   createCorpus  POST   /v2/corpora               201 Corpus   (400 BadRequestError, 409 Error when the key exists)
 *   getCorpus     GET    /v2/corpora/{corpus_key}  200 Corpus   (404 NotFoundError)
 *   updateCorpus  PATCH  /v2/corpora/{corpus_key}  200 Corpus   (404 NotFoundError)
 *   deleteCorpus  DELETE /v2/corpora/{corpus_key}  204          (404 NotFoundError)
 *
 * The operations below a corpus (documents, query, reset, …) are not served: they answer 404 like
 * any unknown path. Check order and everything else the spec leaves open: ./choices.ts.
 */
import { cursorPage, json, QueryReader, type Reply, type Resource, type ServiceRequest } from "../core";
import type { Corpus } from "./corpora-spec";
import type { CorpusStore } from "./corpora-store";
import { LIMIT } from "./users-spec";

/** listCorpora's paging, as listUsers'; its `filter` and `corpus_id` would be guesswork, so they are refused. */
function list(req: ServiceRequest, store: CorpusStore): Reply {
  const q = new QueryReader(req.query, ["limit", "page_key", "filter", "corpus_id"]);
  const limit = q.integer("limit", LIMIT);
  const offset = q.cursor("page_key", "page key");
  for (const unserved of ["filter", "corpus_id"]) if (q.get(unserved) !== undefined) q.problem(unserved, `the emulator does not serve listCorpora's ${unserved}`);
  if (!q.ok || offset === undefined) return req.errors.badRequest(q.problems, Object.values(q.problems));
  const page = cursorPage(store.all(), offset, limit);
  return json(200, { corpora: page.items, metadata: page.next === undefined ? {} : { page_key: page.next } });
}

export const corporaResource = (store: CorpusStore): Resource<Corpus> => ({
  path: ["v2", "corpora"],
  ops: ["list", "create", "get", "update", "delete"],
  store,
  custom: { list: (req) => list(req, store) },
  duplicateStatus: 409,
});
