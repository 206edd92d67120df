import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import { authFor, safeJson, type Auth } from "./auth";
import { ApiError, codeForStatus, type ApiErrorCode } from "./errors";
import { Limiter } from "./limiter";
import type { Logger } from "./log";
import type { Query } from "./paging";
import { hintsFor, type ServiceProfile } from "./profile";
import { RateGate } from "./rate-gate";
import { defaultRetryPolicy, pauseAll, retryDelay, type AttemptFailure, type RetryPolicy } from "./retry";
import { requireConnection, type ConnectionSettings } from "./settings";
import { Transport, header, isTimeout, isTransportError, type Method, type RawResponse } from "./transport";


export interface Operation<T> {
  method: Method;
  /** Built with the `path` tag so that parameters are single encoded segments. */
  path: string;
  query?: Query;
  body?: unknown;
  /** Statuses that mean success for this operation (from the spec). */
  expect: readonly number[];
  /** Validates the success body; the result is typed by it. */
  schema?: z.ZodType<T>;
}

export interface ClientOptions {
  profile: ServiceProfile;
  logger: Logger;
  policy?: Partial<RetryPolicy>;
  transport?: Transport;
}

/** One attempt's outcome: an answer, or a transport failure (reset, timeout). */
type Outcome = { response: RawResponse } | { thrown: unknown };

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
  private readonly hints: Partial<Record<ApiErrorCode, string>>;
  private auth?: Auth;
  private warnedPrecedence = false;

  constructor(readonly settings: ConnectionSettings, private readonly options: ClientOptions) {
    this.transport = options.transport ?? new Transport(settings.maxConcurrency);
    this.limiter = new Limiter(settings.maxConcurrency);
    this.policy = { ...defaultRetryPolicy, maxRetries: settings.maxRetries, ...options.policy };
    this.hints = hintsFor(options.profile);
  }

  /** The operation's validated answer; an ApiError once retries are spent or the failure is final. */
  async send<T = undefined>(op: Operation<T>): Promise<T> {
    return (await this.exchange(op)).data;
  }

  /**
   * Like `send`, for operations whose success statuses mean different things (a create that
   * answers 201 for a new resource and 200 for an existing one): the status too, and whether an
   * earlier attempt of this write may have been applied before its answer was lost.
   */
  async exchange<T = undefined>(op: Operation<T>): Promise<{ status: number; data: T; ambiguous: boolean }> {
    const { apiUrl, credentials } = requireConnection(this.settings, this.options.profile);
    const auth = (this.auth ??= authFor(credentials, this.options.profile, this.settings.tokenUrl, this.transport, this.settings.requestTimeoutMs));
    if (credentials.kind === "apiKey" && credentials.oauthAlsoSet && !this.warnedPrecedence) {
      this.warnedPrecedence = true;
      const ns = this.options.profile.namespace;
      this.options.logger.warn(`${this.settings.service}: both ${ns}:apiKey and an OAuth client (${ns}:clientId, ${ns}:clientSecret) are configured; the API key is used, as it takes precedence. Unset ${ns}:apiKey to use OAuth`);
    }
    const target = withQuery(apiUrl.pathname.replace(/\/$/, "") + op.path, op.query);
    const started = Date.now();
    let ambiguous = false;
    let reauthenticated = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(apiUrl, auth, op, target);
      if ("response" in outcome) {
        const { status } = outcome.response;
        if (op.expect.includes(status)) return { status, data: this.parse(op, outcome.response), ambiguous };
        if (status === 401 && !reauthenticated && this.settings.credentials?.kind === "oauth") {
          // A token can be revoked or expire early: fetch a new one once, without waiting.
          reauthenticated = true;
          auth.invalidate();
          continue;
        }
      }
      const { error, failure } = this.failure(op, target, outcome);
      // A write whose answer was lost or failed server-side may have been applied.
      if (op.method !== "GET" && (failure.transport || (failure.status ?? 0) >= 500)) ambiguous = true;
      const delay = retryDelay(this.policy, attempt, failure, Date.now() - started);
      if (delay === undefined) throw error.with({ attempts: attempt, ambiguous });
      this.options.logger.debug(`${this.settings.service}: ${op.method} ${target} attempt ${attempt} got ${failure.status ?? error.code}; retrying in ${delay} ms`);
      await sleep(delay);
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** One request through the in-flight cap and the account's rate gate. */
  private async attempt(apiUrl: URL, auth: Auth, op: Operation<unknown>, target: string): Promise<Outcome> {
    const body = op.body === undefined ? undefined : JSON.stringify(op.body);
    const headers: Record<string, string> = {
      ...(await auth.headers()),
      accept: "application/json",
      ...this.options.profile.extraHeaders?.(this.settings),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    };
    try {
      return {
        response: await this.limiter.run(async () => {
          if (this.gate.closedFor() > 0) await this.gate.pass();
          const answer = await this.transport.send(apiUrl, { method: op.method, path: target, headers, body, timeoutMs: this.settings.requestTimeoutMs });
          // Closed before this slot is released, so that no request queued behind it slips through.
          const pause = pauseAll(this.policy, { status: answer.status, retryAfter: header(answer.headers, "retry-after") });
          if (pause !== undefined) this.gate.closeFor(pause);
          return answer;
        }),
      };
    } catch (thrown) {
      if (!isTransportError(thrown)) throw thrown;
      return { thrown };
    }
  }

  /** What a failed attempt means: the error to report if it is the last, and what the retry policy sees. */
  private failure(op: Operation<unknown>, target: string, outcome: Outcome): { error: ApiError; failure: AttemptFailure } {
    const { service } = this.settings;
    if ("thrown" in outcome) {
      const timedOut = isTimeout(outcome.thrown);
      const code = timedOut ? "TIMEOUT" : "NETWORK";
      return {
        error: new ApiError({
          code, service, method: op.method, path: target, hint: this.hints[code], cause: outcome.thrown,
          apiMessages: [timedOut ? `no answer within ${this.settings.requestTimeoutMs} ms` : (outcome.thrown as Error).message],
        }),
        failure: { transport: true },
      };
    }
    const { status, headers, text } = outcome.response;
    const said = this.options.profile.parseErrorBody(safeJson(text));
    const code = codeForStatus(status);
    const { profile } = this.options;
    const credentials = this.settings.credentials;
    const requestHint = credentials && profile.requestHint?.({
      code, method: op.method, path: op.path.split("?")[0] ?? op.path, status,
      credentials: credentials.kind, oauthAlsoSet: credentials.kind === "apiKey" && credentials.oauthAlsoSet === true,
    });
    return {
      error: new ApiError({
        code, service, method: op.method, path: target, status,
        hint: requestHint ?? (said.apiCode !== undefined ? profile.apiCodeHints?.[said.apiCode] : undefined) ?? this.hints[code],
        requestId: said.requestId ?? header(headers, "x-request-id"),
        apiMessages: said.messages, fieldErrors: said.fieldErrors, apiCode: said.apiCode,
      }),
      failure: { status, retryAfter: header(headers, "retry-after") },
    };
  }

  private parse<T>(op: Operation<T>, response: RawResponse): T {
    if (!op.schema) return undefined as T;
    const parsed = op.schema.safeParse(safeJson(response.text));
    if (parsed.success) return parsed.data;
    throw new ApiError({
      code: "INVALID_RESPONSE", service: this.settings.service, method: op.method, path: op.path, status: response.status,
      requestId: header(response.headers, "x-request-id"),
      apiMessages: parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`),
      hint: "the API answered in a shape this provider does not know; report it with the request_id",
    });
  }
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
