/**
 * The six users operations of the spec, served by the core's resource handler (../core/resources.ts)
 * except listUsers, whose query is Vectara's own:
 *
 *   listUsers          GET    /v2/users                              200 ListUsersResponse (404 NotFoundError: no corpus `corpus_key`)
 *   createUser         POST   /v2/users                              201 User + one_time_code(_link)
 *   getUser            GET    /v2/users/{username}                   200 User
 *   updateUser         PATCH  /v2/users/{username}                   200 User
 *   deleteUser         DELETE /v2/users/{username}                   204
 *   resetUserPassword  POST   /v2/users/{username}/reset_password    200 {one_time_code, one_time_code_link}
 *
 * Check order and everything else the spec leaves open: ./choices.ts.
 */
import { charCount, cursorPage, json, QueryReader, type Reply, type Resource, type ServiceRequest } from "../core";
import { oneTimeCode, type DuplicateStatus } from "./choices";
import { CORPUS_KEY_MAX_CHARS, CORPUS_KEY_PATTERN, LIMIT, type ListUsersResponse, type User } from "./users-spec";
import type { UserStore } from "./users-store";

/** Whether a corpus exists, for listUsers' `corpus_key` filter (choices.ts: 404 for an unknown corpus). */
export type CorpusExists = (key: string) => boolean;

function list(req: ServiceRequest, store: UserStore, corpusExists: CorpusExists): Reply {
  const q = new QueryReader(req.query, ["limit", "page_key", "corpus_key"]);
  const limit = q.integer("limit", LIMIT);
  const offset = q.cursor("page_key", "page key");
  const corpusKey = q.get("corpus_key");
  if (corpusKey !== undefined && !(CORPUS_KEY_PATTERN.test(corpusKey) && charCount(corpusKey) <= CORPUS_KEY_MAX_CHARS)) {
    q.problem("corpus_key", `corpus_key must match ${CORPUS_KEY_PATTERN.source} and have at most ${CORPUS_KEY_MAX_CHARS} characters`);
  }
  if (!q.ok || offset === undefined) return req.errors.badRequest(q.problems, Object.values(q.problems));
  if (corpusKey !== undefined && !corpusExists(corpusKey)) return req.errors.notFound(corpusKey, `Corpus ${corpusKey} not found`);
  const page = cursorPage(store.all(corpusKey), offset, limit);
  const body: ListUsersResponse = { users: page.items, metadata: page.next === undefined ? {} : { page_key: page.next } };
  return json(200, body);
}

export function usersResource(store: UserStore, baseUrl: string, duplicateStatus: DuplicateStatus, corpusExists: CorpusExists): Resource<User> {
  return {
    path: ["v2", "users"],
    ops: ["list", "create", "get", "update", "delete"],
    store,
    custom: { list: (req) => list(req, store, corpusExists) },
    created: (user) => json(201, { ...user, ...oneTimeCode(baseUrl) }),
    duplicateStatus,
    actions: { reset_password: { method: "POST", run: () => json(200, oneTimeCode(baseUrl)) } },
  };
}
