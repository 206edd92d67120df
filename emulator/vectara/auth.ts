/**
 * The spec's two security schemes: `ApiKeyAuth` (the `x-api-key` header) and `OAuth2` client
 * credentials, whose tokens come from POST /oauth2/token and are sent as `Authorization: Bearer`.
 * Token endpoint errors follow RFC 6749 §5.2, not the API's `Error` shape: it is a separate server
 * (auth.vectara.io) and clients parse it as OAuth.
 */
import { randomBytes } from "node:crypto";
import { json, type Reply } from "./replies";

export interface CredentialsConfig {
  apiKey: string;
  readOnlyApiKey: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
}
export type Access = "full" | "read-only";

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" }; // RFC 6749 §5.1
const oauthError = (status: number, error: string, description: string): Reply =>
  json(status, { error, error_description: description }, {
    ...NO_STORE,
    ...(status === 401 && { "www-authenticate": 'Basic realm="vectara"' }),
  });

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

export class Credentials {
  /** access token → expiry, epoch ms */
  readonly #tokens = new Map<string, number>();

  constructor(
    readonly config: CredentialsConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** What a request's credentials allow, or undefined for none (401). Either header suffices. */
  access(headers: Record<string, string>): Access | undefined {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
    if (bearer !== undefined && (this.#tokens.get(bearer) ?? 0) > this.now()) return "full";
    const key = headers["x-api-key"];
    if (key === this.config.apiKey) return "full";
    if (key === this.config.readOnlyApiKey) return "read-only";
    return undefined;
  }

  /** POST /oauth2/token. A 200 reply means a token was issued. */
  token(body: string, headers: Record<string, string>): Reply {
    const req = tokenRequest(body, headers);
    if (!req) return oauthError(400, "invalid_request", "The body is not a valid token request.");
    if (req.client_id !== this.config.clientId || req.client_secret !== this.config.clientSecret) {
      return oauthError(401, "invalid_client", "Client authentication failed.");
    }
    if (req.grant_type === undefined) return oauthError(400, "invalid_request", "grant_type is required.");
    if (req.grant_type !== "client_credentials") {
      return oauthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    const accessToken = randomBytes(24).toString("base64url");
    this.#tokens.set(accessToken, this.now() + this.config.tokenTtlSeconds * 1000);
    return json(200, { access_token: accessToken, token_type: "Bearer", expires_in: this.config.tokenTtlSeconds }, NO_STORE);
  }

  /** Forgets every issued token. */
  clear(): void {
    this.#tokens.clear();
  }
}
