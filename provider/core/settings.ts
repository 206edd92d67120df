import { z } from "zod";
import { ApiError } from "./errors";
import type { ServiceProfile } from "./profile";

/** What the dynamic-provider host hands `configure()`: stack config, keys namespaced ("acme:apiKey"). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export type Credentials =
  /** `oauthAlsoSet`: a complete OAuth client is configured too, and unused (the API key takes precedence). */
  | { kind: "apiKey"; apiKey: string; oauthAlsoSet?: true }
  | { kind: "oauth"; clientId: string; clientSecret: string };

export interface ConnectionSettings {
  service: string;
  /** Absent only when the service has no default URL and none is configured (see requireConnection). */
  apiUrl?: URL;
  /** The OAuth2 token endpoint, for services that have one. */
  tokenUrl?: URL;
  credentials?: Credentials;
  requestTimeoutMs: number;
  maxRetries: number;
  maxConcurrency: number;
}

const commonKeys = ["apiKey", "clientId", "clientSecret", "requestTimeoutMs", "maxRetries", "maxConcurrency"] as const;

/** `requestTimeoutMs` → `ACME_REQUEST_TIMEOUT_MS`. */
export function envName(prefix: string, key: string): string {
  return `${prefix}_${key.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
}

/** Stack config wins over the environment; an empty value counts as unset. */
export function readRaw(config: ConfigSource | undefined, p: ServiceProfile, env: NodeJS.ProcessEnv): Record<string, string> {
  const keys = [...commonKeys, p.apiUrl.key, ...(p.oauth2 ? [p.oauth2.tokenUrlKey] : [])];
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const alias = p.envAliases?.[key];
    const value = config?.get(`${p.namespace}:${key}`) || (alias && env[alias]) || env[envName(p.envPrefix, key)];
    if (value) raw[key] = value;
  }
  return raw;
}

const loopbackHosts = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function endpoint(name: string) {
  return z.string().check(
    z.url({ message: `${name} must be an absolute URL` }),
  ).transform((s, ctx) => {
    const url = new URL(s);
    if (url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.test(url.hostname))) return url;
    ctx.addIssue({ code: "custom", message: `${name} must use https:// (plain http:// is allowed only for loopback hosts), got ${url.protocol}//${url.host}` });
    return z.NEVER;
  });
}

function optionalEndpoint(name: string, fallback: string | undefined) {
  return fallback === undefined ? endpoint(name).optional() : endpoint(name).default(new URL(fallback));
}

function integer(name: string, min: number, max: number, fallback: number) {
  return z.coerce.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`).default(fallback);
}

function configError(p: ServiceProfile, message: string): ApiError {
  return new ApiError(
    { code: "CONFIG", service: p.service, hint: `fix the stack config (pulumi config set ${p.namespace}:<key>) or its environment twin (${envName(p.envPrefix, "<key>")})` },
    message,
  );
}

/**
 * Validates the connection settings of one service. Secrets are never echoed in messages.
 * Missing credentials (and a missing required URL) are not an error here: `check` and `diff` need
 * none, so the error is raised by the first request instead (see `requireCredentials`).
 */
export function readConnectionSettings(config: ConfigSource | undefined, p: ServiceProfile, env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  const raw = readRaw(config, p, env);
  const ns = p.namespace;
  const schema = z.object({
    apiUrl: optionalEndpoint(`${ns}:${p.apiUrl.key}`, p.apiUrl.default),
    tokenUrl: p.oauth2 ? endpoint(`${ns}:${p.oauth2.tokenUrlKey}`).default(new URL(p.oauth2.tokenUrlDefault)) : z.undefined(),
    requestTimeoutMs: integer(`${ns}:requestTimeoutMs`, 100, 600_000, 30_000),
    maxRetries: integer(`${ns}:maxRetries`, 0, 20, 6),
    maxConcurrency: integer(`${ns}:maxConcurrency`, 1, 256, 16),
  });
  const parsed = schema.safeParse({ ...raw, apiUrl: raw[p.apiUrl.key], tokenUrl: p.oauth2 ? raw[p.oauth2.tokenUrlKey] : undefined });
  if (!parsed.success) throw configError(p, `invalid ${p.service} provider configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  let credentials: Credentials | undefined;
  const oauth = p.oauth2 && raw.clientId && raw.clientSecret ? { clientId: raw.clientId, clientSecret: raw.clientSecret } : undefined;
  // The API key takes precedence (documented); a client warns once when an OAuth client is set too.
  if (raw.apiKey) credentials = { kind: "apiKey", apiKey: raw.apiKey, ...(oauth && { oauthAlsoSet: true as const }) };
  else if (oauth) credentials = { kind: "oauth", ...oauth };
  const { apiUrl, tokenUrl, ...limits } = parsed.data;
  return {
    service: p.service, ...limits,
    apiUrl: apiUrl && p.apiUrl.normalise ? p.apiUrl.normalise(apiUrl) : apiUrl,
    ...(tokenUrl ? { tokenUrl } : {}),
    ...(credentials ? { credentials } : {}),
  };
}

/** The settings a request needs, or an error that says which key to set. */
export function requireConnection(s: ConnectionSettings, p: ServiceProfile): { apiUrl: URL; credentials: Credentials } {
  if (!s.apiUrl) {
    throw configError(p, `no ${p.service} server URL configured`).with({
      hint: `run \`pulumi config set ${p.namespace}:${p.apiUrl.key} <url>\` (or set ${p.envAliases?.[p.apiUrl.key] ?? envName(p.envPrefix, p.apiUrl.key)})`,
    });
  }
  return { apiUrl: s.apiUrl, credentials: requireCredentials(s, p) };
}

export function requireCredentials(s: ConnectionSettings, p: ServiceProfile): Credentials {
  if (s.credentials) return s.credentials;
  const oauth = p.oauth2 ? `, or set both ${p.namespace}:clientId and ${p.namespace}:clientSecret for OAuth` : "";
  throw new ApiError(
    {
      code: "CONFIG",
      service: s.service,
      hint: `run \`pulumi config set ${p.namespace}:apiKey --secret\` (or set ${p.envAliases?.apiKey ?? envName(p.envPrefix, "apiKey")})${oauth}`,
    },
    `no ${s.service} credentials configured`,
  );
}
