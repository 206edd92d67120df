import type { ApiErrorCode } from "./errors";
import type { Paging } from "./paging";

/**
 * What makes a service, as data: where its settings come from, how a credential becomes a
 * request header, how its error bodies read, how it pages. The core reads a profile and nothing
 * else about a service (the shape of aws-sdk-js-v3's per-service config over one shared core).
 */
export interface ServiceProfile {
  /** Display name in messages, e.g. "Acme". */
  service: string;
  /** Stack config namespace: `acme:apiKey`. */
  namespace: string;
  /** Environment prefix: `ACME_API_KEY` twins `acme:apiKey`. */
  envPrefix: string;
  /** Extra environment names read before the derived twin, e.g. the name a vendor's own SDKs use. */
  envAliases?: Readonly<Record<string, string>>;
  /** The config key of the API's base URL, its default (none: required), and a normalisation. */
  apiUrl: { key: string; default?: string; normalise?: (url: URL) => URL };
  /** How the `apiKey` setting becomes a header: `x-api-key: K`, `authorization: Bearer K`, `authorization: Key K`. */
  apiKey: { header: string; scheme?: string };
  /**
   * Whether plain `http://` to any host may be opted into, per account, with `<ns>:allowInsecureHttp`
   * (for self-hosted servers that listen on plain HTTP inside a private network). Without it, or
   * when the key is unset, only `https://` and loopback `http://` are accepted.
   */
  insecureHttpOptIn?: boolean;
  /** OAuth2 client credentials (RFC 6749 §4.4) from `clientId`/`clientSecret`, when the service has them. */
  oauth2?: { tokenUrlKey: string; tokenUrlDefault: string };
  /** Reads the service's error body (already JSON-parsed, possibly undefined). */
  parseErrorBody(json: unknown): ParsedErrorBody;
  /** How its lists page. */
  paging: Paging;
  /** Headers sent with every request, beyond auth and content negotiation. */
  extraHeaders?(settings: { requestTimeoutMs: number }): Record<string, string>;
  /** Hints for this service's own reading of a status (the rest come from `hintsFor`). */
  hints?: Partial<Record<ApiErrorCode, string>>;
  /**
   * Hints for the service's own error codes (what `parseErrorBody` returns as `apiCode`), for
   * services whose one HTTP status covers several causes; they win over the status's hint.
   */
  apiCodeHints?: Readonly<Record<string, string>>;
  /**
   * A hint for a failure whose cause depends on the operation and the credential used (a service
   * whose users endpoints refuse API keys); it wins over the others. `this` is the account's
   * profile, so namespaces name the account's keys.
   */
  requestHint?(this: ServiceProfile, failure: RequestFailure): string | undefined;
}

/** What `requestHint` sees of a failed request; never a credential's value. */
export interface RequestFailure {
  code: ApiErrorCode;
  method: string;
  /** The operation's path, without the API URL's own path and without the query. */
  path: string;
  status?: number;
  credentials: "apiKey" | "oauth";
  /** An OAuth client is configured as well, unused because the API key takes precedence. */
  oauthAlsoSet: boolean;
}

/** What an error body says, in the shape ApiError keeps. */
export interface ParsedErrorBody {
  messages?: string[];
  requestId?: string;
  fieldErrors?: Record<string, string>;
  /** The service's own error code (a number or a name), shown beside the status. */
  apiCode?: string;
}

/** The hints every service shares, built from its namespace so that they name keys that exist. */
export function hintsFor(p: ServiceProfile): Partial<Record<ApiErrorCode, string>> {
  const ns = p.namespace;
  const oauth = p.oauth2 ? `, or ${ns}:clientId and ${ns}:clientSecret` : "";
  return {
    UNAUTHORIZED: `check the credentials: \`pulumi config set ${ns}:apiKey --secret\`${oauth}`,
    FORBIDDEN: "the credentials lack a role this call needs",
    RATE_LIMITED: `the API kept rate-limiting after every retry; raise ${ns}:maxRetries or lower ${ns}:maxConcurrency`,
    SERVER_ERROR: "the API failed after every retry; run the command again later",
    NETWORK: `check ${ns}:${p.apiUrl.key} and the network path to it`,
    TIMEOUT: `raise ${ns}:requestTimeoutMs if the API is slow`,
    ...p.hints,
  };
}
