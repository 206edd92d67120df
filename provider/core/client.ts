import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { authFor, safeJson, type Auth } from "./auth";
import { ApiError, codeForStatus } from "./errors";
import { Limiter } from "./limiter";
import type { Logger } from "./log";
import { RateGate } from "./rate-gate";
import { defaultRetryPolicy, pauseAll, retryDelay, type AttemptFailure, type RetryPolicy } from "./retry";
import { requireCredentials, type ConnectionSettings } from "./settings";
import { Transport, header, isTimeout, isTransportError, type Method } from "./transport";

export interface Operation<T> {
  method: Method;
  /** Built with the `path` tag so that parameters are single encoded segments. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Statuses that mean success for this operation (from the spec). */
  expect: readonly number[];
  /** Validates the success body; the result is typed by it. */
  schema?: z.ZodType<T>;
}

export interface Result<T> {
  status: number;
  data: T;
  requestId?: string;
  attempts: number;
  /** An earlier attempt may have been applied before its answer was lost (see ApiError.ambiguous). */
  ambiguous: boolean;
}

const errorBody = z.object({
  messages: z.array(z.string()).optional(),
  request_id: z.string().optional(),
  field_errors: z.record(z.string(), z.string()).optional(),
}).partial();

export interface ClientOptions {
  namespace: string;
  logger: Logger;
  policy?: Partial<RetryPolicy>;
  transport?: Transport;
}

/**
 * Sends one API operation to completion: credentials, a cap on requests in flight, retries per
 * the policy, and the mapping of a final failure to an ApiError that says what, where and why.
 */
export class ApiClient {
  readonly transport: Transport;
  private readonly limiter: Limiter;
  /** Shared by every request of this client: a Retry-After for the account holds them all (policy.pauseAllOn). */
  readonly gate = new RateGate();
  private readonly policy: RetryPolicy;
  private auth?: Auth;

  constructor(readonly settings: ConnectionSettings, private readonly options: ClientOptions) {
    this.transport = options.transport ?? new Transport(settings.maxConcurrency);
    this.limiter = new Limiter(settings.maxConcurrency);
    this.policy = { ...defaultRetryPolicy, maxRetries: settings.maxRetries, ...options.policy };
  }

  async send<T = undefined>(op: Operation<T>): Promise<Result<T>> {
    const { service, apiUrl, requestTimeoutMs } = this.settings;
    const auth = (this.auth ??= authFor(requireCredentials(this.settings, this.options.namespace), this.settings.authUrl, this.transport, service, requestTimeoutMs));
    const target = withQuery(apiUrl.pathname.replace(/\/$/, "") + op.path, op.query);
    const body = op.body === undefined ? undefined : JSON.stringify(op.body);
    const started = Date.now();
    let ambiguous = false;
    let reauthenticated = false;
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = {
        ...(await auth.headers()),
        accept: "application/json",
        // Lets the server give up when we will (spec: components.parameters.RequestTimeoutMillis).
        "request-timeout-millis": String(requestTimeoutMs),
      };
      if (body !== undefined) headers["content-type"] = "application/json";
      let failure: AttemptFailure;
      let error: ApiError;
      try {
        const response = await this.limiter.run(async () => {
          if (this.gate.closedFor() > 0) await this.gate.pass();
          const answer = await this.transport.send(apiUrl, { method: op.method, path: target, headers, body, timeoutMs: requestTimeoutMs });
          // Closed before this slot is released, so that no request queued behind it slips through.
          const pause = pauseAll(this.policy, { status: answer.status, retryAfter: header(answer.headers, "retry-after") });
          if (pause !== undefined) this.gate.closeFor(pause);
          return answer;
        });
        const requestId = header(response.headers, "x-request-id");
        const json = safeJson(response.text);
        if (op.expect.includes(response.status)) {
          return { status: response.status, data: this.parse(op, json, response.status, requestId), requestId, attempts: attempt, ambiguous };
        }
        if (response.status === 401 && !reauthenticated && this.settings.credentials?.kind === "oauth") {
          // A token can be revoked or expire early: fetch a new one once, without waiting.
          reauthenticated = true;
          auth.invalidate();
          continue;
        }
        const said = errorBody.safeParse(json);
        error = new ApiError({
          code: codeForStatus(response.status), service, method: op.method, path: target, status: response.status,
          requestId: (said.success ? said.data.request_id : undefined) ?? requestId,
          apiMessages: said.success ? said.data.messages : undefined,
          fieldErrors: said.success ? said.data.field_errors : undefined,
        });
        failure = { status: response.status, retryAfter: header(response.headers, "retry-after") };
        if (response.status >= 500 && op.method !== "GET") ambiguous = true;
      } catch (thrown) {
        if (!isTransportError(thrown)) throw thrown;
        const timedOut = isTimeout(thrown);
        error = new ApiError({
          code: timedOut ? "TIMEOUT" : "NETWORK", service, method: op.method, path: target,
          apiMessages: [timedOut ? `no answer within ${requestTimeoutMs} ms` : (thrown as Error).message], cause: thrown,
        });
        failure = { transport: true };
        if (op.method !== "GET") ambiguous = true;
      }
      const delay = retryDelay(this.policy, attempt, failure, Date.now() - started);
      if (delay === undefined) throw error.with({ attempts: attempt, ambiguous });
      this.options.logger.debug(`${service}: ${op.method} ${target} attempt ${attempt} got ${failure.status ?? error.code}; retrying in ${delay} ms`);
      await sleep(delay);
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private parse<T>(op: Operation<T>, json: unknown, status: number, requestId: string | undefined): T {
    if (!op.schema) return undefined as T;
    const parsed = op.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    throw new ApiError({
      code: "INVALID_RESPONSE", service: this.settings.service, method: op.method, path: op.path, status, requestId, apiMessages: problems,
      hint: "the API answered in a shape this provider does not know; report it with the request_id",
    });
  }
}

function withQuery(path: string, query: Operation<unknown>["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
