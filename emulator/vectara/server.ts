/**
 * A stateful in-memory Vectara REST API v2 (users and corpora endpoints plus the OAuth token endpoint) on
 * node:http, for tests and demos. It logs every request, can be made to fail (./faults.ts), and can
 * be changed out of band, as if someone had used the console. Per request:
 *
 *   read body → plan faults → wait → reset? → token endpoint | 401 | users API → drop? → write
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Credentials } from "./auth";
import { DEFAULT_DUPLICATE_STATUS, DEFAULT_TOKEN_TTL_SECONDS, WWW_AUTHENTICATE, type DuplicateStatus } from "./choices";
import { Faults, type Fault, type Outcome } from "./faults";
import { loggedBody, readIncoming, writeReply, type Incoming } from "./http-io";
import { errors, type Errors, type Reply } from "./replies";
import type { User } from "./spec";
import { UserStore } from "./store";
import { handleUsersApi, type ApiState } from "./users-api";
import { handleCorporaApi, isCorporaPath } from "./corpora-api";
import type { Corpus } from "./corpora-spec";
import { CorpusStore } from "./corpus-store";

export type { Fault, FaultMatch } from "./faults";
export type { User } from "./spec";
export type { Corpus } from "./corpora-spec";

export interface EmulatorOptions {
  port?: number;
  apiKey?: string;
  readOnlyApiKey?: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  duplicateStatus?: DuplicateStatus;
}

export interface RequestLogEntry {
  method: string;
  /** req.url exactly as received, percent-encoding untouched. */
  rawPath: string;
  /** rawPath without the query, still percent-encoded. */
  path: string;
  /** Decoded query parameters; a repeated name keeps its last value. */
  query: Record<string, string>;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when it is not JSON; absent when the body was empty. */
  body?: unknown;
  status: number | "dropped" | "reset";
  requestId: string;
  /** Arrival, epoch ms. */
  at: number;
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

export class VectaraEmulator {
  readonly url: string;
  readonly tokenUrl: string;
  readonly apiKey: string;
  readonly readOnlyApiKey: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly requests: RequestLogEntry[] = [];
  tokensIssued = 0;

  readonly #server: Server;
  readonly #store = new UserStore();
  readonly #corpora = new CorpusStore();
  readonly #faults = new Faults();
  readonly #credentials: Credentials;
  readonly #state: ApiState;
  /** Aborts pending latency waits on close, so no timer outlives the server. */
  readonly #closing = new AbortController();

  private constructor(server: Server, opts: EmulatorOptions) {
    const { port } = server.address() as AddressInfo;
    this.#server = server;
    this.url = `http://127.0.0.1:${port}`;
    this.tokenUrl = this.url + TOKEN_PATH;
    // Prefixes of Vectara's Personal (zut_) and QueryService (zqt_) keys, per the older spec copy.
    this.apiKey = opts.apiKey ?? `zut_${hex(16)}`;
    this.readOnlyApiKey = opts.readOnlyApiKey ?? `zqt_${hex(16)}`;
    this.clientId = opts.clientId ?? `client_${hex(8)}`;
    this.clientSecret = opts.clientSecret ?? hex(24);
    const tokenTtlSeconds = opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    if (!(Number.isInteger(tokenTtlSeconds) && tokenTtlSeconds >= 1)) throw new RangeError("tokenTtlSeconds must be an integer ≥ 1");
    const { apiKey, readOnlyApiKey, clientId, clientSecret } = this;
    this.#credentials = new Credentials({ apiKey, readOnlyApiKey, clientId, clientSecret, tokenTtlSeconds });
    this.#state = { store: this.#store, baseUrl: this.url, duplicateStatus: opts.duplicateStatus ?? DEFAULT_DUPLICATE_STATUS };
    server.on("request", (req, res) => void this.#handle(req, res));
  }

  static async start(opts: EmulatorOptions = {}): Promise<VectaraEmulator> {
    if (![undefined, 400, 409].includes(opts.duplicateStatus)) throw new RangeError("duplicateStatus must be 400 or 409");
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
    });
    return new VectaraEmulator(server, opts);
  }

  inject(fault: Fault): void {
    this.#faults.inject(fault);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  /** Creates a user out of band, as if in the console. Throws when the body is invalid or taken. */
  seedUser(body: SeedUserRequest, opts: { enabled?: boolean } = {}): User {
    const result = this.#store.create(body, opts.enabled ?? true);
    if (result.kind === "created") return result.user;
    throw new Error(`seedUser: ${result.kind === "invalid" ? result.messages.join("; ") : `${result.field} ${result.value} exists`}`);
  }

  /** Changes a user out of band with an UpdateUserRequest body; bumps updated_at. Throws on a bad body or unknown user. */
  patchUser(username: string, patch: object): User {
    const result = this.#store.update(username, patch);
    if (result.kind === "updated") return result.user;
    throw new Error(`patchUser: ${result.kind === "invalid" ? result.messages.join("; ") : `no user ${username}`}`);
  }

  /** Deletes a user out of band; false when there was none. */
  deleteUser(username: string): boolean {
    return this.#store.remove(username);
  }

  user(username: string): User | undefined {
    return this.#store.get(username);
  }

  users(): User[] {
    return this.#store.all();
  }

  /** Creates a corpus out of band with a CreateCorpusRequest body. Throws when the body is invalid or the key taken. */
  seedCorpus(body: { key: string; name?: string; description?: string } & Record<string, unknown>): Corpus {
    const result = this.#corpora.create(body);
    if (result.kind === "created") return result.corpus;
    throw new Error(`seedCorpus: ${result.kind === "invalid" ? result.messages.join("; ") : `key ${result.key} exists`}`);
  }

  /** Changes a corpus out of band with an UpdateCorpusRequest body. Throws on a bad body or unknown key. */
  patchCorpus(key: string, patch: object): Corpus {
    const result = this.#corpora.update(key, patch);
    if (result.kind === "updated") return result.corpus;
    throw new Error(`patchCorpus: ${result.kind === "invalid" ? result.messages.join("; ") : `no corpus ${key}`}`);
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
  reset(): void {
    this.#store.clear();
    this.#corpora.clear();
    this.requests.length = 0;
    this.#faults.clear();
    this.#credentials.clear();
    this.tokensIssued = 0;
  }

  /** Stops listening and destroys every connection, keep-alive ones included. */
  async close(): Promise<void> {
    this.#closing.abort();
    if (!this.#server.listening) return;
    const closed = new Promise<void>((resolve, reject) => this.#server.close((err) => (err ? reject(err) : resolve())));
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const requestId = randomUUID();
    let inc: Incoming;
    try {
      inc = await readIncoming(req);
    } catch {
      return; // the client went away before sending the whole body
    }
    const { method, rawPath, path, query, headers, body } = inc;
    const log = (status: RequestLogEntry["status"]) =>
      this.requests.push({
        method, rawPath, path, query: Object.fromEntries(query), headers,
        ...(body !== "" && { body: loggedBody(body) }),
        status, requestId, at,
      });

    const plan = this.#faults.plan(method, path);
    if (plan.delayMs > 0) {
      try {
        await sleep(plan.delayMs, undefined, { signal: this.#closing.signal });
      } catch {
        return; // closing
      }
    }
    if (plan.outcome.kind === "reset") {
      req.socket.destroy();
      log("reset");
      return;
    }
    const e = errors(requestId);
    const reply = plan.outcome.kind === "status" ? injected(e, plan.outcome) : this.#serve(inc, e);
    if (plan.outcome.kind === "drop-after-commit") {
      req.socket.destroy();
      log("dropped");
      return;
    }
    writeReply(res, reply, requestId);
    log(reply.status);
  }

  #serve({ method, path, query, headers, body }: Incoming, e: Errors): Reply {
    try {
      if (path === TOKEN_PATH) {
        if (method !== "POST") return e.notFound(path, `No operation for ${method} ${path}`);
        const reply = this.#credentials.token(body, headers);
        if (reply.status === 200) this.tokensIssued += 1;
        return reply;
      }
      if (path !== "/v2" && !path.startsWith("/v2/")) return e.notFound(path, `No operation for ${method} ${path}`);
      const access = this.#credentials.access(headers);
      if (!access) return e.error(401, "Missing, unknown or expired credentials.", { "www-authenticate": WWW_AUTHENTICATE });
      const req = { method, path, query, headers, body, access, errors: e };
      return isCorporaPath(path) ? handleCorporaApi(req, { corpora: this.#corpora }) : handleUsersApi(req, this.#state);
    } catch (err) {
      return e.error(500, `Emulator bug: ${(err as Error).message}`);
    }
  }
}

function injected(e: Errors, outcome: Extract<Outcome, { kind: "status" }>): Reply {
  const retryAfter = outcome.retryAfter === undefined ? undefined : { "retry-after": outcome.retryAfter };
  return e.error(outcome.status, undefined, retryAfter);
}
