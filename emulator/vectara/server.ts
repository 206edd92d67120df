/**
 * A stateful in-memory Vectara REST API v2 (users and corpora endpoints plus the OAuth token
 * endpoint) on the emulator core (../core), for tests, demos and offline work. It logs every
 * request, can be made to fail (`inject`), and can be changed out of band, as if someone had used
 * the console.
 */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { anyOf, apiKeyHeader, Emulator, listen, OAuth2ClientCredentials, serveResources, type Service, type ServiceRequest } from "../core";
import { DEFAULT_DUPLICATE_STATUS, DEFAULT_TOKEN_TTL_SECONDS, DEFAULT_USERS_AUTH, USERS_NEED_OAUTH_MESSAGE, WWW_AUTHENTICATE, type DuplicateStatus, type UsersAuth } from "./choices";
import { corporaResource } from "./corpora-api";
import type { Corpus } from "./corpora-spec";
import { CorpusStore } from "./corpora-store";
import { vectaraErrors } from "./errors";
import { preflight } from "./preflight";
import { usersResource } from "./users-api";
import type { User } from "./users-spec";
import { UserStore } from "./users-store";

export type { Fault, FaultMatch, RequestLogEntry } from "../core";
export type { User } from "./users-spec";
export type { Corpus } from "./corpora-spec";

export interface EmulatorOptions {
  port?: number;
  apiKey?: string;
  readOnlyApiKey?: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  duplicateStatus?: DuplicateStatus;
  /** "oauth": the users operations refuse API keys with 403, as Vectara's users documentation says (choices.ts). */
  usersAuth?: UsersAuth;
}

/** A CreateUserRequest with plain strings for roles; checked against the spec at run time. */
export interface SeedUserRequest {
  email: string;
  username?: string;
  description?: string;
  api_roles?: readonly string[];
  corpus_roles?: readonly { corpus_key: string; role: string }[];
  agent_roles?: readonly { agent_key: string; role: string }[];
}

const TOKEN_PATH = "/oauth2/token";
const hex = (bytes: number) => randomBytes(bytes).toString("hex");

export class VectaraEmulator extends Emulator {
  readonly tokenUrl: string;
  readonly apiKey: string;
  readonly readOnlyApiKey: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly usersAuth: UsersAuth;

  protected readonly service: Service;
  readonly #users = new UserStore();
  readonly #corpora = new CorpusStore();
  readonly #oauth: OAuth2ClientCredentials;

  private constructor(server: Server, opts: EmulatorOptions) {
    super(server);
    this.tokenUrl = this.url + TOKEN_PATH;
    // Prefixes of Vectara's Personal (zut_) and QueryService (zqt_) keys, per the older spec copy.
    this.apiKey = opts.apiKey ?? `zut_${hex(16)}`;
    this.readOnlyApiKey = opts.readOnlyApiKey ?? `zqt_${hex(16)}`;
    this.clientId = opts.clientId ?? `client_${hex(8)}`;
    this.clientSecret = opts.clientSecret ?? hex(24);
    const tokenTtlSeconds = opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    this.#oauth = new OAuth2ClientCredentials({ clientId: this.clientId, clientSecret: this.clientSecret, tokenTtlSeconds, realm: "vectara" });
    this.usersAuth = opts.usersAuth ?? DEFAULT_USERS_AUTH;
    const usersNeedToken = (req: ServiceRequest) =>
      this.usersAuth === "oauth" && /^\/v2\/users(\/|$)/.test(req.path) && !this.#oauth.bearer(req.headers)
        ? req.errors.error(403, USERS_NEED_OAUTH_MESSAGE)
        : undefined;
    const resources = [
      corporaResource(this.#corpora),
      usersResource(this.#users, this.url, opts.duplicateStatus ?? DEFAULT_DUPLICATE_STATUS, (key) => this.#corpora.get(key) !== undefined),
    ];
    this.service = {
      errors: vectaraErrors,
      // Either credential suffices (choices.ts): a live token, or a key in x-api-key.
      auth: anyOf(this.#oauth.bearer, apiKeyHeader("x-api-key", [[this.apiKey, "full"], [this.readOnlyApiKey, "read-only"]])),
      unauthenticated: { message: "Missing, unknown or expired credentials.", challenge: WWW_AUTHENTICATE },
      apiPrefix: "/v2",
      tokenEndpoint: { path: TOKEN_PATH, oauth: this.#oauth },
      handle: (req) => serveResources(req, resources, (r) => usersNeedToken(r) ?? preflight(r)),
    };
  }

  static async start(opts: EmulatorOptions = {}): Promise<VectaraEmulator> {
    if (![undefined, 400, 409].includes(opts.duplicateStatus)) throw new RangeError("duplicateStatus must be 400 or 409");
    if (![undefined, "any", "oauth"].includes(opts.usersAuth)) throw new RangeError('usersAuth must be "any" or "oauth"');
    const ttl = opts.tokenTtlSeconds;
    if (ttl !== undefined && !(Number.isInteger(ttl) && ttl >= 1)) throw new RangeError("tokenTtlSeconds must be an integer ≥ 1");
    return new VectaraEmulator(await listen(opts.port), opts);
  }

  /** How many OAuth tokens were issued since the last reset. */
  get tokensIssued(): number {
    return this.#oauth.issued;
  }

  /** Creates a user out of band, as if in the console. Throws when the body is invalid or taken. */
  seedUser(body: SeedUserRequest, opts: { enabled?: boolean } = {}): User {
    return this.#users.createOrThrow("seedUser", body, { enabled: opts.enabled ?? true });
  }

  /** Changes a user out of band with an UpdateUserRequest body; bumps updated_at. Throws on a bad body or unknown user. */
  patchUser(username: string, patch: object): User {
    return this.#users.updateOrThrow("patchUser", username, patch);
  }

  /** Deletes a user out of band; false when there was none. */
  deleteUser(username: string): boolean {
    return this.#users.remove(username);
  }

  user(username: string): User | undefined {
    return this.#users.get(username);
  }

  users(): User[] {
    return this.#users.all();
  }

  /** Creates a corpus out of band with a CreateCorpusRequest body. Throws when the body is invalid or the key taken. */
  seedCorpus(body: { key: string; name?: string; description?: string } & Record<string, unknown>): Corpus {
    return this.#corpora.createOrThrow("seedCorpus", body);
  }

  /** Changes a corpus out of band with an UpdateCorpusRequest body. Throws on a bad body or unknown key. */
  patchCorpus(key: string, patch: object): Corpus {
    return this.#corpora.updateOrThrow("patchCorpus", key, patch);
  }

  /** Deletes a corpus out of band; false when there was none. */
  deleteCorpus(key: string): boolean {
    return this.#corpora.remove(key);
  }

  corpus(key: string): Corpus | undefined {
    return this.#corpora.get(key);
  }

  corpora(): Corpus[] {
    return this.#corpora.all();
  }

  /** Forgets users, corpora, the request log, faults and issued tokens. */
  override reset(): void {
    super.reset();
    this.#users.clear();
    this.#corpora.clear();
    this.#oauth.clear();
  }
}
