import type { Dispatcher, Pool } from "undici";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Attempt {
  method: Method;
  /** Path and query, already encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One keep-alive undici Pool per origin, shared by every request of the process (the engine runs
 * many resource operations at once in a single provider host).
 */
export class Transport {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly connectionsPerOrigin: number) {}

  /**
   * One attempt, bounded by `timeoutMs` from start to last byte. undici's own headers/body
   * timeouts run on a coarse shared clock (they may fire hundreds of ms late), so a plain timer
   * enforces the budget. The request goes through undici's `dispatch` with a handler that
   * collects the body: no response stream, no abort signal, the least work per request (the
   * provider host spends its CPU here during a large `up`; docs/performance.md).
   */
  send(origin: URL, attempt: Attempt): Promise<RawResponse> {
    return new Promise<RawResponse>((resolve, reject) => {
      let controller: Dispatcher.DispatchController | undefined;
      let settled = false;
      let status = 0;
      let headers: RawResponse["headers"] = {};
      const chunks: Buffer[] = [];
      const timeout = () => Object.assign(new Error(`no answer within ${attempt.timeoutMs} ms`), { code: "REQUEST_TIMEOUT" });
      const finish = (error: Error | undefined, response?: RawResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(response!);
      };
      const timer = setTimeout(() => {
        const error = timeout();
        controller?.abort(error);
        finish(error);
      }, attempt.timeoutMs);
      this.pool(origin).dispatch({ method: attempt.method, path: attempt.path, headers: attempt.headers, body: attempt.body ?? null }, {
        onRequestStart(c) {
          controller = c;
          if (settled) c.abort(timeout());
        },
        onResponseStart(_c, statusCode, responseHeaders) {
          // Called again after a 1xx: the last call is the answer.
          status = statusCode;
          headers = responseHeaders;
          chunks.length = 0;
        },
        onResponseData(_c, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          finish(undefined, { status, headers, text: Buffer.concat(chunks).toString("utf8") });
        },
        onResponseError(_c, error) {
          finish(error);
        },
      });
    });
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }

  private pool(origin: URL): Pool {
    let pool = this.pools.get(origin.origin);
    if (!pool) {
      // Loaded on the first request, not with the provider: a preview (Check and Diff only) sends
      // none, and undici takes longer to load than the rest of the provider.
      const { Pool } = require("undici") as typeof import("undici");
      pool = new Pool(origin.origin, { connections: this.connectionsPerOrigin, keepAliveTimeout: 30_000 });
      this.pools.set(origin.origin, pool);
    }
    return pool;
  }
}

/** Transport failures worth retrying: the request may not have reached the server, or its answer was lost. */
export function isTransportError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && (code.startsWith("UND_ERR_") || ["REQUEST_TIMEOUT", "ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN"].includes(code));
}

export function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === "REQUEST_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT";
}

export function header(headers: RawResponse["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
