import { z } from "zod";
import { ApiError, codeForStatus } from "./errors";
import type { ServiceProfile } from "./profile";
import type { Credentials } from "./settings";
import { Transport, header } from "./transport";

export interface Auth {
  headers(): Promise<Record<string, string>>;
  /** Called after a 401: forget a cached token so the next attempt fetches a fresh one. */
  invalidate(): void;
}

/** The profile says how a credential becomes a header: an API key as is or behind a scheme, or an OAuth2 token. */
export function authFor(credentials: Credentials, p: ServiceProfile, tokenUrl: URL | undefined, transport: Transport, timeoutMs: number): Auth {
  if (credentials.kind === "apiKey") {
    const { header, scheme } = p.apiKey;
    const headers = { [header]: scheme ? `${scheme} ${credentials.apiKey}` : credentials.apiKey };
    return { headers: async () => headers, invalidate: () => undefined };
  }
  const hint = `check ${p.namespace}:clientId, ${p.namespace}:clientSecret and ${p.namespace}:${p.oauth2?.tokenUrlKey ?? "tokenUrl"}`;
  return new ClientCredentialsAuth(credentials.clientId, credentials.clientSecret, tokenUrl as URL, transport, p.service, timeoutMs, hint);
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive(),
});

/**
 * OAuth2 client credentials (RFC 6749 §4.4): a form POST to the token URL, client id and secret in
 * the body. One token request in flight at a time; the token is refreshed two minutes before it
 * expires (as the official SDKs do), or at 90% of its life when it lives shorter than that.
 */
class ClientCredentialsAuth implements Auth {
  private token?: { value: string; refreshAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly tokenUrl: URL,
    private readonly transport: Transport,
    private readonly service: string,
    private readonly timeoutMs: number,
    private readonly hint: string,
  ) {}

  async headers(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.accessToken()}` };
  }

  invalidate(): void {
    this.token = undefined;
  }

  private accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return Promise.resolve(this.token.value);
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const path = this.tokenUrl.pathname + this.tokenUrl.search;
    const fail = (code: ApiError["code"], status?: number, apiMessages?: string[], cause?: unknown) =>
      new ApiError({
        code, service: this.service, method: "POST", path, status, apiMessages, cause,
        hint: this.hint,
      }, `${this.service} OAuth token request failed${status ? ` with ${status}` : ""}: POST ${this.tokenUrl.origin}${path}`);
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: this.clientId, client_secret: this.clientSecret }).toString();
    let response;
    try {
      response = await this.transport.send(this.tokenUrl, {
        method: "POST", path, body, timeoutMs: this.timeoutMs,
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      });
    } catch (error) {
      throw fail("NETWORK", undefined, [(error as Error).message]);
    }
    const json = safeJson(response.text);
    if (response.status !== 200) {
      const messages = z.object({ error: z.string().optional(), error_description: z.string().optional() }).safeParse(json);
      const said = messages.success ? [messages.data.error, messages.data.error_description].filter((m): m is string => !!m) : [];
      const error = fail(codeForStatus(response.status), response.status, said);
      Object.assign(error, { requestId: header(response.headers, "x-request-id") });
      throw error;
    }
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) throw fail("INVALID_RESPONSE", response.status, ["the token response has no access_token/expires_in"]);
    const lifetimeMs = parsed.data.expires_in * 1000;
    const margin = Math.min(120_000, lifetimeMs * 0.1);
    this.token = { value: parsed.data.access_token, refreshAt: Date.now() + lifetimeMs - margin };
    return parsed.data.access_token;
  }
}

export function safeJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
