/**
 * Who may call: a service combines the schemes its spec declares. Each scheme reads a request's
 * headers and says what they allow, or undefined when they name no one (the server answers 401).
 *
 *   apiKeyHeader("x-api-key", keys)   a key in a header of its own
 *   authorization("Bearer", keys)     `Authorization: Bearer <key>`; also "Key" (`Authorization: Key <key>`)
 *   new OAuth2ClientCredentials(…)    a token endpoint (RFC 6749 §4.4); its `bearer` scheme accepts the tokens it issued
 *   anyOf(a, b, …)                    the first scheme that allows anything decides
 *
 * Token endpoint errors follow RFC 6749 §5.2, not the API's error shape: a token endpoint is an
 * OAuth server, and clients parse its answers as OAuth.
 */
import { randomBytes } from "node:crypto";
import { json, type Reply } from "./replies";

/** What a credential allows: everything, or only the methods a service lets read-only keys use. */
export type Access = "full" | "read-only";
export type AuthScheme = (headers: Record<string, string>) => Access | undefined;
/** Keys and what each allows; the first entry for a key wins. */
export type KeyTable = ReadonlyArray<readonly [key: string, access: Access]>;

const lookup = (keys: KeyTable, key: string | undefined) =>
  key === undefined ? undefined : keys.find(([k]) => k === key)?.[1];

/** A key sent as the whole value of `header` (a lower-case name). */
export const apiKeyHeader = (header: string, keys: KeyTable): AuthScheme =>
  (headers) => lookup(keys, headers[header]);

/** A key sent as `Authorization: <scheme> <key>`; the scheme name is case-insensitive (RFC 9110 §11.1). */
export function authorization(scheme: string, keys: KeyTable): AuthScheme {
  const pattern = new RegExp(`^${scheme}\\s+(\\S+)\\s*$`, "i");
  return (headers) => lookup(keys, pattern.exec(headers.authorization ?? "")?.[1]);
}

export const anyOf = (...schemes: AuthScheme[]): AuthScheme =>
  (headers) => {
    for (const scheme of schemes) {
      const access = scheme(headers);
      if (access !== undefined) return access;
    }
    return undefined;
  };

export interface ClientCredentialsConfig {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  /** The realm of the token endpoint's `WWW-Authenticate: Basic` challenge on 401. */
  realm: string;
}

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" }; // RFC 6749 §5.1

/** client_id / client_secret from the body (form or JSON) or from HTTP Basic (RFC 6749 §2.3.1). */
function tokenRequest(body: string, headers: Record<string, string>): Record<string, unknown> | undefined {
  let fields: Record<string, unknown>;
  if (/\bjson\b/i.test(headers["content-type"] ?? "")) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
      fields = parsed as Record<string, unknown>;
    } catch {
      return undefined;
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(body));
  }
  const basic = /^Basic\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
  if (basic === undefined) return fields;
  const pair = Buffer.from(basic, "base64").toString("utf8");
  const colon = pair.indexOf(":");
  if (colon < 0) return undefined;
  // Basic credentials are form-urlencoded before base64 (RFC 6749 §2.3.1).
  const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
  try {
    return { ...fields, client_id: formDecode(pair.slice(0, colon)), client_secret: formDecode(pair.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/** The client-credentials grant: one client, tokens that expire, full access while they live. */
export class OAuth2ClientCredentials {
  /** access token → expiry, epoch ms */
  readonly #tokens = new Map<string, number>();
  /** How many tokens were issued since the last clear(). */
  issued = 0;

  constructor(
    readonly config: ClientCredentialsConfig,
    private readonly now: () => number = Date.now,
  ) {
    if (!(Number.isInteger(config.tokenTtlSeconds) && config.tokenTtlSeconds >= 1)) {
      throw new RangeError("tokenTtlSeconds must be an integer ≥ 1");
    }
  }

  /** `Authorization: Bearer <token>` with a token this endpoint issued and that has not expired. */
  readonly bearer: AuthScheme = (headers) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
    return token !== undefined && (this.#tokens.get(token) ?? 0) > this.now() ? "full" : undefined;
  };

  /** The token endpoint (POST). A 200 reply means a token was issued. */
  token(body: string, headers: Record<string, string>): Reply {
    const req = tokenRequest(body, headers);
    if (!req) return this.#error(400, "invalid_request", "The body is not a valid token request.");
    if (req.client_id !== this.config.clientId || req.client_secret !== this.config.clientSecret) {
      return this.#error(401, "invalid_client", "Client authentication failed.");
    }
    if (req.grant_type === undefined) return this.#error(400, "invalid_request", "grant_type is required.");
    if (req.grant_type !== "client_credentials") {
      return this.#error(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    const accessToken = randomBytes(24).toString("base64url");
    const ttl = this.config.tokenTtlSeconds;
    this.#tokens.set(accessToken, this.now() + ttl * 1000);
    this.issued += 1;
    return json(200, { access_token: accessToken, token_type: "Bearer", expires_in: ttl }, NO_STORE);
  }

  /** Forgets every issued token. */
  clear(): void {
    this.#tokens.clear();
    this.issued = 0;
  }

  #error(status: number, error: string, description: string): Reply {
    return json(status, { error, error_description: description }, {
      ...NO_STORE,
      ...(status === 401 && { "www-authenticate": `Basic realm="${this.config.realm}"` }),
    });
  }
}
