import { Pool } from "undici";

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
   * timeouts run on a coarse shared clock (they may fire hundreds of ms late), so an abort
   * signal on a plain timer enforces the budget.
   */
  async send(origin: URL, attempt: Attempt): Promise<RawResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), attempt.timeoutMs);
    try {
      const response = await this.pool(origin).request({
        method: attempt.method,
        path: attempt.path,
        headers: attempt.headers,
        body: attempt.body,
        signal: controller.signal,
      });
      return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
    } catch (error) {
      if (controller.signal.aborted) throw Object.assign(new Error(`no answer within ${attempt.timeoutMs} ms`), { code: "REQUEST_TIMEOUT", cause: error });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }

  private pool(origin: URL): Pool {
    let pool = this.pools.get(origin.origin);
    if (!pool) {
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
