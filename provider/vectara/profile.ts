import { ServiceConnections } from "../core/connection";
import type { ParsedErrorBody, RequestFailure, ServiceProfile } from "../core/profile";
import { envName } from "../core/settings";

/**
 * Vectara REST API v2 (spec: components.securitySchemes ApiKeyAuth / OAuth2; Error,
 * BadRequestError and NotFoundError bodies; the RequestTimeoutMillis header parameter).
 */
export const vectaraProfile: ServiceProfile = {
  service: "Vectara",
  namespace: "vectara",
  envPrefix: "VECTARA",
  apiUrl: { key: "apiUrl", default: "https://api.vectara.io" },
  apiKey: { header: "x-api-key" },
  oauth2: { tokenUrlKey: "authUrl", tokenUrlDefault: "https://auth.vectara.io/oauth2/token" },
  parseErrorBody,
  // listUsers: limit + page_key in, metadata.page_key out.
  paging: { style: "pageKey", sizeParam: "limit", cursorParam: "page_key" },
  // Lets the server give up when we will (spec: components.parameters.RequestTimeoutMillis).
  extraHeaders: ({ requestTimeoutMs }) => ({ "request-timeout-millis": String(requestTimeoutMs) }),
  hints: {
    FORBIDDEN: "the credentials lack a role this call needs (user management needs the administrator or owner role)",
  },
  requestHint: usersNeedOAuthHint,
};

/**
 * A 403 from a users endpoint while an API key was used: Vectara's users documentation says "User
 * management operations require OAuth authentication, not API keys" (the spec also lists Personal
 * API keys there), so the hint names the OAuth client's keys. Never a value.
 */
function usersNeedOAuthHint(this: ServiceProfile, f: RequestFailure): string | undefined {
  if (f.code !== "FORBIDDEN" || f.credentials !== "apiKey" || !/^\/v2\/users(\/|$)/.test(f.path)) return undefined;
  const ns = this.namespace;
  const unsetKey = `unset ${ns}:apiKey (\`pulumi config rm ${ns}:apiKey\`, and ${envName(this.envPrefix, "apiKey")}), which takes precedence`;
  const use = f.oauthAlsoSet
    ? `${ns}:clientId and ${ns}:clientSecret are set but unused: ${unsetKey}`
    : `set ${ns}:clientId and ${ns}:clientSecret (\`pulumi config set ${ns}:clientSecret --secret\`) and ${unsetKey}`;
  return `Vectara's user management requires OAuth, not API keys (or an administrator's or owner's Personal API key where the account accepts one): ${use}`;
}

function parseErrorBody(json: unknown): ParsedErrorBody {
  if (json === null || typeof json !== "object") return {};
  const body = json as { messages?: unknown; request_id?: unknown; field_errors?: unknown };
  const strings = (v: unknown) => (Array.isArray(v) && v.every((m) => typeof m === "string") ? (v as string[]) : undefined);
  const fields = body.field_errors !== null && typeof body.field_errors === "object" && Object.values(body.field_errors).every((m) => typeof m === "string")
    ? (body.field_errors as Record<string, string>) : undefined;
  return {
    messages: strings(body.messages),
    requestId: typeof body.request_id === "string" ? body.request_id : undefined,
    fieldErrors: fields,
  };
}

/** Every Vectara resource of this process shares these clients (one per account). */
export const vectara = new ServiceConnections(vectaraProfile);
