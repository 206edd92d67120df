import { ServiceConnections } from "../core/connection";
import type { ParsedErrorBody, ServiceProfile } from "../core/profile";

/**
 * Posit Connect Server API (spec: servers `/__api__`, securitySchemes apiKey `Authorization`, the
 * APIError body `{code, error, payload}`; the `Key` scheme and the `/__api__` suffix are what
 * Connect's own SDKs send and add).
 */
export const connectProfile: ServiceProfile = {
  service: "Connect",
  namespace: "connect",
  envPrefix: "CONNECT",
  // The names Connect's own SDKs read.
  envAliases: { serverUrl: "CONNECT_SERVER", apiKey: "CONNECT_API_KEY" },
  apiUrl: { key: "serverUrl", normalise: withApiSuffix },
  apiKey: { header: "authorization", scheme: "Key" },
  // Connect listens on plain HTTP (port 3939) by default; many installations keep it so inside a
  // private network. connect:allowInsecureHttp lets such a server be reached, with a warning.
  insecureHttpOptIn: true,
  parseErrorBody,
  // getUsers: page_number (from 1) and page_size (up to 500); a short page is the last.
  paging: { style: "pageNumber", sizeParam: "page_size", numberParam: "page_number", firstPage: 1 },
  hints: {
    FORBIDDEN: "the API key's user lacks a role this call needs (managing users needs an administrator's key)",
  },
  apiCodeHints: {
    "8": "the username is taken (usernames are case-sensitive): set adoptExisting: true to take that user over, or choose another username",
    "23": "the API key's user may not assign this role: use an administrator's key, or a lower userRole",
    "61": "Connect keeps at least one administrator: promote another user first",
    "64": "the Connect licence has no seat left: lock or remove another user, or raise the licence's seat limit",
    "14": "the group name is not allowed: give a name that is not empty and at most 4096 characters",
    "15": "the group name is taken: set adoptExisting: true to take that group over, or choose another name",
    "16": "the user is already a member of the group",
    "17": "the user is not a member of the group",
    "33": "a user who cannot publish (a viewer) cannot be a content owner (collaborator): give them role viewer, or make them a publisher first",
    "34": "the content's owner already has full access: a permission for them is refused (remove this grant)",
    "132": "this server's authentication provider owns this (LDAP groups and their members, or group membership supplied by the provider): change it in the directory, not through the API",
    "152": 'principalType must be "user" or "group"',
    "153": "no such group on this server: check the group's guid (it may have been deleted)",
  },
};

/** `https://connect.example.com` → `https://connect.example.com/__api__`, as Connect's SDKs do. */
function withApiSuffix(url: URL): URL {
  const base = url.pathname.replace(/\/+$/, "");
  if (base.endsWith("/__api__")) return new URL(`${url.origin}${base}`);
  return new URL(`${url.origin}${base}/__api__`);
}

function parseErrorBody(json: unknown): ParsedErrorBody {
  if (json === null || typeof json !== "object") return {};
  const body = json as { code?: unknown; error?: unknown };
  return {
    ...(typeof body.code === "number" || typeof body.code === "string" ? { apiCode: String(body.code) } : {}),
    ...(typeof body.error === "string" && body.error !== "" ? { messages: [body.error] } : {}),
  };
}

/** Every Connect resource of this process shares these clients (one per account). */
export const connect = new ServiceConnections(connectProfile);
