/**
 * The corpus operations of the spec that a corpus-as-code provider needs, one small handler each,
 * behind the same authentication, faults and read-only rule as the users API:
 *
 *   createCorpus  POST   /v2/corpora               201 Corpus   (400 BadRequestError, 409 Error when the key exists)
 *   getCorpus     GET    /v2/corpora/{corpus_key}  200 Corpus   (404 NotFoundError)
 *   updateCorpus  PATCH  /v2/corpora/{corpus_key}  200 Corpus   (404 NotFoundError)
 *   deleteCorpus  DELETE /v2/corpora/{corpus_key}  204          (404 NotFoundError)
 *
 * listCorpora and the operations below a corpus (documents, query, reset, …) are not served: they
 * answer 404 like any unknown path. Check order and everything else the spec leaves open: ./choices.ts.
 */
import type { CorpusStore } from "./corpus-store";
import { json, type Reply } from "./replies";
import { parseBody, preflight, type ApiRequest } from "./users-api";

export interface CorporaState {
  corpora: CorpusStore;
}

type Op = "create" | "get" | "update" | "delete";
/** `key` is undefined when the segment is not valid percent-encoding: no corpus can match it. */
type Route = { op: Op; segment: string; key: string | undefined };

export const isCorporaPath = (path: string) => path === "/v2/corpora" || path.startsWith("/v2/corpora/");

function route(method: string, path: string): Route | undefined {
  const [empty, v2, corpora, segment, ...extra] = path.split("/");
  if (empty !== "" || v2 !== "v2" || corpora !== "corpora" || extra.length > 0) return undefined;
  if (segment === undefined) return method === "POST" ? { op: "create", segment: "", key: undefined } : undefined;
  if (segment === "") return undefined;
  const op = ({ GET: "get", PATCH: "update", DELETE: "delete" } as Record<string, Op>)[method];
  if (!op) return undefined;
  try {
    return { op, segment, key: decodeURIComponent(segment) };
  } catch {
    return { op, segment, key: undefined };
  }
}

const notFound = (req: ApiRequest, r: Route) => req.errors.notFound(r.key ?? r.segment, `Corpus ${r.key ?? r.segment} not found`);

function create(req: ApiRequest, state: CorporaState): Reply {
  const parsed = parseBody(req);
  if ("reply" in parsed) return parsed.reply;
  const result = state.corpora.create(parsed.body);
  if (result.kind === "invalid") return req.errors.badRequest(result.fieldErrors, result.messages);
  if (result.kind === "duplicate") return req.errors.error(409, `A corpus with key ${result.key} already exists`);
  return json(201, result.corpus);
}

function update(req: ApiRequest, state: CorporaState, r: Route): Reply {
  const parsed = parseBody(req);
  if ("reply" in parsed) return parsed.reply;
  // "" names no corpus (CorpusKey needs a character), so a malformed segment validates, then 404s.
  const result = state.corpora.update(r.key ?? "", parsed.body);
  if (result.kind === "invalid") return req.errors.badRequest(result.fieldErrors, result.messages);
  if (result.kind === "not-found") return notFound(req, r);
  return json(200, result.corpus);
}

export function handleCorporaApi(req: ApiRequest, state: CorporaState): Reply {
  const r = route(req.method, req.path);
  if (!r) return req.errors.notFound(req.path, `No operation for ${req.method} ${req.path}`);
  const refused = preflight(req);
  if (refused) return refused;
  if (r.op === "create") return create(req, state);
  if (r.op === "update") return update(req, state, r);
  const corpus = r.key === undefined ? undefined : state.corpora.get(r.key);
  if (!corpus) return notFound(req, r);
  if (r.op === "get") return json(200, corpus);
  state.corpora.remove(corpus.key);
  return { status: 204 };
}
