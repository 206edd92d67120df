import { ServiceConnections } from "../core/connection";
import type { ParsedErrorBody, ServiceProfile } from "../core/profile";

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
    FORBIDDEN: "the credentials lack a role this call needs (user management needs an administrator or owner API key)",
  },
};

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
