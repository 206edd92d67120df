import { ServiceConnections } from "../core/connection";
import type { ParsedErrorBody, RequestFailure, ServiceProfile } from "../core/profile";

/**
 * Arize AX REST API v2 (the official client's types: bearerAuth, the RFC 9457 problem+json error
 * body, cursor pagination with `limit`/`cursor` in and `pagination.next_cursor` out).
 */
export const arizeProfile: ServiceProfile = {
  service: "Arize",
  namespace: "arize",
  envPrefix: "ARIZE",
  // The names the official SDKs read.
  envAliases: { apiKey: "ARIZE_API_KEY", baseUrl: "ARIZE_BASE_URL" },
  apiUrl: { key: "baseUrl", default: "https://api.arize.com" },
  apiKey: { header: "authorization", scheme: "Bearer" },
  parseErrorBody,
  paging: { style: "cursor", sizeParam: "limit", cursorParam: "cursor" },
  hints: {
    FORBIDDEN: "the API key lacks a permission this call needs: user management needs an admin key (or USER_READ/USER_CREATE/USER_UPDATE/USER_DELETE), and setting isDeveloper needs an admin key",
    CONFLICT: "an Arize user with this email exists (set adoptExisting: true to manage it), or the email belonged to a deleted user and can never be invited again",
  },
  requestHint: membersHint,
};

/**
 * A 403 from a member operation: adding or removing organization members needs an organization
 * admin; space members a space admin (or ROLE_BINDING_CREATE / ROLE_BINDING_DELETE), per the
 * official client's operation descriptions.
 */
function membersHint(f: RequestFailure): string | undefined {
  if (f.code !== "FORBIDDEN") return undefined;
  if (/^\/v2\/organizations\/[^/]+\/users(\/|$)/.test(f.path)) return "the API key's user must be an admin of this organization to add or remove its members";
  if (/^\/v2\/spaces\/[^/]+\/users(\/|$)/.test(f.path)) return "the API key's user must be an admin of this space (or hold ROLE_BINDING_CREATE / ROLE_BINDING_DELETE) to add or remove its members";
  return undefined;
}

/** RFC 9457: `{type?, title, status, detail?, instance?}`; title and detail are what a reader needs. */
function parseErrorBody(json: unknown): ParsedErrorBody {
  if (json === null || typeof json !== "object") return {};
  const body = json as { title?: unknown; detail?: unknown };
  const messages = [body.title, body.detail].filter((m): m is string => typeof m === "string" && m !== "");
  return messages.length > 0 ? { messages } : {};
}

/** Every Arize resource of this process shares these clients (one per account). */
export const arize = new ServiceConnections(arizeProfile);
