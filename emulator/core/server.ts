/**
 * What every service's emulator shares: a node:http server on 127.0.0.1 that logs every request,
 * carries out injected faults (./faults.ts), and hands the rest to the service. Per request:
 *
 *   read body → plan faults → wait → reset? → injected status | service → drop? → write
 *
 * and within the service (`serveService`):
 *
 *   token endpoint | outside the API prefix (404) | no credentials (401) | service.handle
 *
 * A service's emulator extends `Emulator`, declares its `Service` (error bodies, auth scheme, token
 * endpoint, handler) and adds its own out-of-band methods (seeding, editing as in a console).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { Access, AuthScheme, OAuth2ClientCredentials } from "./auth";
import { Faults, type Fault, type Outcome } from "./faults";
import { loggedBody, readIncoming, writeReply, type Incoming } from "./http-io";
import type { ErrorBodies, ErrorReplies, Reply } from "./replies";

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

/** An authenticated API request, with the service's error replies bound to its request id. */
export interface ServiceRequest extends Omit<Incoming, "rawPath"> {
  access: Access;
  errors: ErrorReplies;
}

export interface Service {
  /** The spec's error bodies; injected status faults and the 401 use them too. */
  errors: ErrorBodies;
  auth: AuthScheme;
  /** The 401's message and its WWW-Authenticate challenge, which RFC 9110 §15.5.2 requires. */
  unauthenticated: { message: string; challenge: string };
  /** API paths start with this segment (e.g. "/v2"); any other path is a 404 before authentication. */
  apiPrefix: string;
  /** An OAuth2 token endpoint (POST only), served before authentication. */
  tokenEndpoint?: { path: string; oauth: OAuth2ClientCredentials };
  handle(req: ServiceRequest): Reply;
}

/**
 * Listens on 127.0.0.1:`port` (0 = any free port), or on another IPv4 address of this machine
 * (`host`), as a server inside a private network would be reached.
 */
export async function listen(port = 0, host = "127.0.0.1"): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export abstract class Emulator {
  readonly url: string;
  readonly requests: RequestLogEntry[] = [];

  protected abstract readonly service: Service;
  readonly #server: Server;
  readonly #faults = new Faults();
  /** Aborts pending latency waits on close, so no timer outlives the server. */
  readonly #closing = new AbortController();

  protected constructor(server: Server) {
    const { port, address } = server.address() as AddressInfo;
    this.#server = server;
    this.url = `http://${address}:${port}`;
    server.on("request", (req, res) => void this.#handle(req, res));
  }

  inject(fault: Fault): void {
    this.#faults.inject(fault);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  /** Forgets the request log and faults; a service adds its own state. */
  reset(): void {
    this.requests.length = 0;
    this.#faults.clear();
  }

  /** Stops listening and destroys every socket, keep-alive ones included. */
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
    const e = this.service.errors(requestId);
    const reply = plan.outcome.kind === "status" ? injected(e, plan.outcome) : serveService(this.service, inc, e);
    if (plan.outcome.kind === "drop-after-commit") {
      req.socket.destroy();
      log("dropped");
      return;
    }
    writeReply(res, reply, requestId);
    log(reply.status);
  }
}

function serveService(service: Service, { method, path, query, headers, body }: Incoming, e: ErrorReplies): Reply {
  const noOperation = () => e.notFound(path, `No operation for ${method} ${path}`);
  try {
    const token = service.tokenEndpoint;
    if (token && path === token.path) return method === "POST" ? token.oauth.token(body, headers) : noOperation();
    if (path !== service.apiPrefix && !path.startsWith(`${service.apiPrefix}/`)) return noOperation();
    const access = service.auth(headers);
    if (!access) return e.error(401, service.unauthenticated.message, { "www-authenticate": service.unauthenticated.challenge });
    return service.handle({ method, path, query, headers, body, access, errors: e });
  } catch (err) {
    return e.error(500, `Emulator bug: ${(err as Error).message}`);
  }
}

function injected(e: ErrorReplies, outcome: Extract<Outcome, { kind: "status" }>): Reply {
  const retryAfter = outcome.retryAfter === undefined ? undefined : { "retry-after": outcome.retryAfter };
  return e.error(outcome.status, undefined, retryAfter);
}
