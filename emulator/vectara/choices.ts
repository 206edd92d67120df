/**
 * Every behaviour the spec leaves open, decided once, each with the reason. "The spec" is the
 * official Vectara spec (subset committed in test/conformance/specs/); its users operations declare only 200/201/204,
 * 400 (createUser only), 403 and 404, and no response headers. Anything else the emulator answers
 * is a choice listed here. Constants and functions are the ones the emulator uses; the list at the
 * bottom covers choices that are structural and names the file that implements each (files in
 * ../core are shared by every service's emulator).
 */
import { randomBytes } from "node:crypto";
import { API_ROLES, type ApiPolicy, type ApiOperationPolicy, type ApiRole, type CorpusRole } from "./users-spec";

export type DuplicateStatus = 400 | 409;

/**
 * Duplicate username on createUser. The spec says nothing about duplicates and declares only 400
 * for createUser, so by default the answer is a BadRequestError with `field_errors.username`: it is
 * what a client generated from the spec can parse, and it passes Prism's response validation. 409
 * with an `Error` body (the usual REST signal) is available through `duplicateStatus: 409`.
 */
export const DEFAULT_DUPLICATE_STATUS: DuplicateStatus = 400;

/**
 * Usernames and emails are both unique. Vectara's users documentation lists "409 Conflict: Username
 * or email already exists" for creating a user; the spec puts the uniqueness nowhere. Emails
 * compare case-insensitively (mail providers fold case, and the provider compares them so), so
 * `Ann@example.com` is taken once `ann@example.com` is. A taken email gets the same answer as a
 * taken username (`duplicateStatus`: 400 with `field_errors.email`, or 409), and the message does
 * not say which user holds it, as the documentation's does not. The username is checked first.
 * The default status stays 400, which createUser declares; `duplicateStatus: 409` is the
 * documentation's answer.
 */
export const UNIQUE_EMAILS: boolean = true;

/**
 * Missing, unknown or expired credentials: 401 with an `Error` body. The spec declares no 401;
 * 401 is what HTTP says (RFC 9110 §15.5.2), and that section requires a WWW-Authenticate header.
 */
export const UNAUTHENTICATED_STATUS = 401;
export const WWW_AUTHENTICATE = 'Bearer realm="vectara", ApiKey header="x-api-key"';

/**
 * Which credentials the users operations (`/v2/users*`) accept. "any" (the default): a token or an
 * API key, as the spec's global security says (ApiKeyAuth or OAuth2; its older copy lists Personal
 * keys for every users operation). "oauth": as Vectara's users documentation says, "User management
 * operations require OAuth authentication, not API keys": a request there without a live Bearer
 * token gets 403 (which every users operation declares) with an `Error` body saying so, after the
 * route is known and before anything else; the corpora operations still take API keys.
 */
export type UsersAuth = "any" | "oauth";
export const DEFAULT_USERS_AUTH: UsersAuth = "any";
export const USERS_NEED_OAUTH_MESSAGE = "User management operations require OAuth authentication, not API keys.";

/**
 * The read-only API key stands in for a key whose roles fail `x-required-roles`: it may GET
 * (getUser and listUsers) and gets the spec's 403 `Error` on every other method.
 */
export const READ_ONLY_METHODS: readonly string[] = ["GET"];

/*
 * Rate limiting (429, ../core/faults.ts RATE_LIMITED_STATUS) and injected status faults answer with
 * an `Error` body, the spec's general error shape; 429 carries Retry-After in whole seconds, at least
 * 1 (RFC 9110 §10.2.3 allows delay-seconds).
 */

/**
 * Tokens live 30 minutes, as the docs say (the spec gives no lifetime). Fern SDKs refresh from
 * `expires_in`, so tests shorten it with `tokenTtlSeconds`.
 */
export const DEFAULT_TOKEN_TTL_SECONDS = 1800;

/*
 * Paging (../core/paging.ts cursorPage): the next page's key, or none on the last page. The spec
 * does not say how the last page is marked; omitting `metadata.page_key` is what both Fern SDKs stop
 * on. A full last page gets no key (no empty trailing page). The key's format copies the spec's only
 * example, ListMetadata.page_key `eyJvZmZzZXQiOjF9` (base64 of `{"offset":1}`).
 */

/**
 * createUser and resetUserPassword return both optional `one_time_code` fields ("only populated
 * for some Vectara deployments") so that clients reading them get exercised.
 */
export function oneTimeCode(baseUrl: string): { one_time_code: string; one_time_code_link: string } {
  return { one_time_code: randomBytes(8).toString("hex"), one_time_code_link: `${baseUrl}/console/set-password` };
}

/**
 * `api_policy` (User.api_policy, an ApiPolicy: "What actions a principal can take") is derived on
 * every answer from the user's roles; the spec says what it holds, not how it is made, and no
 * operation sets it. Choices:
 * - `allowed_operations` covers the operations this emulator serves, keyed by operationId, with the
 *   roles their `x-required-roles` list (copied below from the spec). An operation is allowed on
 *   any resource when one of the user's api_roles is listed; otherwise, when the user holds a listed
 *   corpus role, only on those corpora (`allowed_resources: {"path.corpus_key": [...]}`, sorted);
 *   otherwise it is absent. A disabled user keeps its policy (the spec ties the two nowhere).
 * - `name` ("The name of the API role") is the user's first api role in the spec's ApiRole order
 *   (most privileged first), or "none" for a user without one.
 */
export const OPERATION_ROLES: Readonly<Record<string, { api: readonly ApiRole[]; corpus?: readonly CorpusRole["role"][] }>> = {
  listUsers: { api: ["administrator", "owner"] },
  createUser: { api: ["administrator", "owner"] },
  getUser: { api: ["corpus_viewer", "corpus_developer", "corpus_administrator", "viewer", "administrator", "owner"] },
  updateUser: { api: ["administrator", "owner"] },
  deleteUser: { api: ["administrator", "owner"] },
  resetUserPassword: { api: ["administrator", "owner"] },
  listCorpora: { api: ["corpus_viewer", "corpus_developer", "corpus_administrator", "viewer", "administrator", "owner"] },
  createCorpus: { api: ["corpus_administrator", "administrator", "owner"] },
  getCorpus: { api: ["corpus_viewer", "corpus_developer", "corpus_administrator", "viewer", "administrator", "owner"], corpus: ["viewer", "editor", "administrator", "owner"] },
  updateCorpus: { api: ["corpus_developer", "corpus_administrator", "administrator", "owner"], corpus: ["administrator", "owner"] },
  deleteCorpus: { api: ["corpus_administrator", "administrator", "owner"], corpus: ["owner"] },
};

export function apiPolicy(apiRoles: readonly string[], corpusRoles: readonly CorpusRole[]): ApiPolicy {
  const allowed: Record<string, ApiOperationPolicy> = {};
  for (const [operation, roles] of Object.entries(OPERATION_ROLES)) {
    if (roles.api.some((r) => apiRoles.includes(r))) {
      allowed[operation] = { allow_any_resource: true };
      continue;
    }
    const keys = [...new Set(corpusRoles.filter((c) => roles.corpus?.includes(c.role)).map((c) => c.corpus_key))].sort();
    if (keys.length > 0) allowed[operation] = { allow_any_resource: false, allowed_resources: { "path.corpus_key": keys } };
  }
  return { name: API_ROLES.find((r) => apiRoles.includes(r)) ?? "none", allowed_operations: allowed };
}

// ---- Corpora (createCorpus, getCorpus, updateCorpus, deleteCorpus; ./corpora-api.ts)

/**
 * createCorpus without `encoder_name` (or with only the deprecated `encoder_id`) gets the encoder
 * every example of the spec uses. The spec gives no default.
 */
export const DEFAULT_ENCODER_NAME = "boomerang-2023-q3";

/**
 * A new corpus reports zero usage and the `max_metadata_bytes` of the getCorpus examples
 * (1048576). `used_bytes`, `max_bytes` and `index_rate` are "not populated by the system"; they
 * are 0, as in those examples.
 */
export const DEFAULT_MAX_METADATA_BYTES = 1_048_576;

/*
 * Corpus choices that are structural, implemented where named:
 * - corpora-store.ts: keys are unique and compared exactly (case-sensitive); a taken key is a 409
 *   `Error` (declared by createCorpus). A deleted corpus's key can be reused at once (the spec's
 *   note on deleteCorpus). Ids are `crp_<n>` (pattern `crp_[0-9]+$`) from a counter that is
 *   never reset, so a recreated corpus never gets an old id.
 * - corpora-store.ts: an absent `name` becomes the key (spec); `""` is stored as sent, like a
 *   description (the spec sets no minLength). Absent `description` is omitted from Corpus. The
 *   deprecated `encoder_id` is validated (pattern `enc_[0-9]+$`) and never returned.
 * - corpora-spec.ts: filter attribute names are at most 64 characters and unique within the
 *   request, and so are custom dimension names; createCorpus's description says so for filter
 *   attributes, and a name is what both are addressed by. A violation is a 400.
 * - corpora-store.ts: updateCorpus applies `enabled`, `name`, `description` and `save_history`;
 *   an absent or null `name`/`description` is left alone, so `""` is how a description is
 *   cleared. Null follows the field texts ("If unset or null, then the corpus will remain in the
 *   same state"); their schemas say only `type: string`, so a schema validator refuses the null
 *   that the emulator takes (test/conformance/corpora-spec-judge.test.ts). `key` and every other
 *   property are stripped (not in UpdateCorpusRequest). Corpus has no `updated_at`, so an update
 *   that changes nothing is indistinguishable from none.
 * - corpora-api.ts: `{corpus_key}` is one path segment, percent-decoded and compared exactly. A
 *   segment that is not a CorpusKey is looked up like any other and answers 404 (no corpus can
 *   have it), not 400; the users API treats `{username}` the same way.
 * - corpora-api.ts: check order as for users: faults → 401 → route (404) → read-only key 403 →
 *   timeout headers and body (400) → corpus lookup (404) → duplicate key (409).
 * - corpora-api.ts: listCorpora pages as listUsers does (limit 1–100, default 10; an opaque
 *   page_key), for `pulumi-saas-users import`. Its `filter` (a regular expression over names "or
 *   summary") and `corpus_id` array parameters would be guesswork: they answer 400. Not served are
 *   the operations below a corpus
 *   (documents, query, reset, …); a new corpus reports zero usage.
 * - Users and corpora are independent: a user's `corpus_roles` may name a corpus that does not
 *   exist (createUser and updateUser do not say they check), and deleting a corpus leaves the roles
 *   that name it in place (deleteCorpus does not say it revokes them). The provider never depends
 *   on either. The one link: listUsers with a `corpus_key` naming no corpus answers 404
 *   NotFoundError (`id` = the key), as Vectara's users documentation says the list does ("404: the
 *   corpus does not exist"); the spec declares no 404 for listUsers. The check runs after the query
 *   is validated (400 first), and a corpus that exists but that no user has a role on lists empty.
 */

/*
 * Answers an operation does not declare. Each is a choice above or below; all carry the spec's
 * `Error` body, or `BadRequestError` for a 400. Prism reports each as "Unable to match the returned
 * status code" (a Warning); test/conformance checks that this is all it reports about them:
 * - 401 on every operation (missing or unknown credentials), with WWW-Authenticate;
 * - 429 on every operation (rate limiting), with Retry-After; 5xx only when a test injects it;
 * - 400 on listUsers, getUser, updateUser, deleteUser and resetUserPassword, which declare none:
 *   for a query parameter, a Request-Timeout header or an updateUser body that breaks the spec.
 *   A real server must answer such requests somehow, 400 is what createUser declares for the same
 *   fault, and Prism in front of it would answer 422 instead, for its own reasons.
 * - 409 on createUser, only with `duplicateStatus: 409`.
 * - 404 on listUsers, when `corpus_key` names no corpus (Vectara's users documentation; see above).
 * - 400 on getCorpus, updateCorpus and deleteCorpus, which declare none: for a Request-Timeout
 *   header or an updateCorpus body that breaks the spec, for the same reasons as above.
 *   (createCorpus declares 400 and 409; 401 and 429 apply to the corpus operations as to all.)
 *
 * Structural choices, implemented where named:
 * - users-store.ts: PATCH ignores `email` and `username` (not in UpdateUserRequest; like any unknown
 *   property they are stripped, as additionalProperties is not false).
 * - users-store.ts: a role array sent in PATCH replaces the stored one (the field texts say "The new …
 *   role names"); an absent array is left alone; `[]` clears it. Arrays are stored as sent, order
 *   and duplicates included.
 * - users-store.ts: every accepted PATCH bumps `updated_at`, even one that changes nothing, and
 *   `updated_at` strictly increases, so "changed since" checks never tie.
 * - users-store.ts: an omitted username defaults to the email (spec); if that email is longer than the
 *   128 characters a username may have, createUser answers 400 `field_errors.username`. An empty
 *   username is rejected too: it could never be addressed as a path segment.
 * - users-store.ts: absent `description` is omitted from User; `""` is stored and returned as sent.
 *   `api_policy` is always returned, derived from the roles (`apiPolicy` above).
 * - ../core/resources.ts: `{username}` is exactly one path segment, percent-decoded, compared
 *   exactly (case-sensitive). A `usr_` id in its place is not resolved: every example and SDK test passes
 *   the username, and resolving ids would hide a client that sends the wrong one. A segment that
 *   is not valid percent-encoding is a 404 with the raw segment as `id`.
 * - ../core/resources.ts: unknown paths and methods answer 404 NotFoundError (`id` = the raw path).
 * - ../core/resources.ts, preflight.ts: checks run in the order faults → 401 → route (404) → 403 → headers, query and
 *   body (400) → user lookup (404) → duplicate. Body validation before lookup matches Prism,
 *   which validates a request before forwarding it.
 * - ../core/validation.ts: request bodies are parsed as JSON whatever their content-type; an empty body is
 *   `{}`; anything else that is not JSON is a 400 BadRequestError.
 * - users-api.ts: invalid `limit`, `page_key` or `corpus_key`, or any of them repeated, is a 400
 *   BadRequestError, though listUsers declares no 400. Prism checks none of these parameters (it
 *   cannot compile the CorpusKey pattern; see test/conformance/list-query.test.ts), so here the
 *   emulator is their only judge, and it follows the spec's parameter schemas exactly, except that
 *   a `page_key` (any string to the spec) must be one the emulator issued: an opaque cursor it
 *   cannot read means nothing. `corpus_key` is checked with the spec's pattern as written,
 *   `[a-zA-Z0-9_\=\-]+$`, which is anchored only at the end: "my corpus" passes, as the spec says.
 * - users-api.ts: page keys count positions in the filtered list, in creation order; a user created
 *   or deleted between pages shifts later pages, as with any offset cursor.
 * - preflight.ts: `Request-Timeout` and `Request-Timeout-Millis` are validated (integer ≥ 1) but not
 *   enforced; latency faults are how tests make the server slow.
 * - ../core/server.ts: faults act before authentication and apply to every path, the token endpoint
 *   included, unless narrowed with `match: { method, pathPrefix }`.
 * - ../core/server.ts: a request whose client hung up (timeout, abort) is still applied, like a real
 *   server that had already accepted it; this is what makes retries of POST dangerous.
 * - ../core/http-io.ts: every response carries `x-request-id`; error bodies repeat it as `request_id`.
 * - server.ts, ../core/auth.ts: either credential suffices; a valid Bearer token or the full API key grants full
 *   access even if the other header is wrong. The token endpoint takes form-encoded bodies (what
 *   the SDKs send), JSON (what the spec's `/oauth/token` path describes) and HTTP Basic client
 *   credentials (RFC 6749 §2.3.1), and answers errors in RFC 6749 §5.2 shape.
 */
