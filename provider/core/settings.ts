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
  /** `<ns>:allowInsecureHttp` was set to true (only read for profiles with `insecureHttpOptIn`). */
  allowInsecureHttp?: true;
}

/** The config key that lets plain http:// reach a non-loopback host (profiles with `insecureHttpOptIn`). */
export const INSECURE_HTTP_KEY = "allowInsecureHttp";

const commonKeys = ["apiKey", "clientId", "clientSecret", "requestTimeoutMs", "maxRetries", "maxConcurrency"] as const;

/** `requestTimeoutMs` → `ACME_REQUEST_TIMEOUT_MS`. */
export function envName(prefix: string, key: string): string {
  return `${prefix}_${key.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
}

/** Stack config wins over the environment; an empty value counts as unset. */
export function readRaw(config: ConfigSource | undefined, p: ServiceProfile, env: NodeJS.ProcessEnv): Record<string, string> {
  const keys = [...commonKeys, p.apiUrl.key, ...(p.oauth2 ? [p.oauth2.tokenUrlKey] : []), ...(p.insecureHttpOptIn ? [INSECURE_HTTP_KEY] : [])];
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const alias = p.envAliases?.[key];
    const value = config?.get(`${p.namespace}:${key}`) || (alias && env[alias]) || env[envName(p.envPrefix, key)];
    if (value) raw[key] = value;
  }
  return raw;
}

const loopbackHosts = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Whether `url` is plain http:// to a host other than loopback: the API key would cross a network in clear. */
export function isInsecureRemote(url: URL | undefined): boolean {
  return url !== undefined && url.protocol === "http:" && !loopbackHosts.test(url.hostname);
}

/**
 * https:// always; http:// to loopback always; http:// to any other host only when the service
 * allows the opt-in and the account set it (`optIn`: the key's name; undefined: not offered).
 */
function endpoint(name: string, insecure: { allowed: boolean; optIn?: string }) {
  return z.string().check(
    z.url({ message: `${name} must be an absolute URL` }),
  ).transform((s, ctx) => {
    const url = new URL(s);
    if (url.protocol === "https:" || (url.protocol === "http:" && (!isInsecureRemote(url) || insecure.allowed))) return url;
    const way = insecure.optIn && url.protocol === "http:"
      ? `; for a server that only listens on plain HTTP inside a private network, set ${insecure.optIn} to true (the API key then travels unencrypted)`
      : "";
    ctx.addIssue({ code: "custom", message: `${name} must use https:// (plain http:// is allowed only for loopback hosts), got ${url.protocol}//${url.host}${way}` });
    return z.NEVER;
  });
}

function optionalEndpoint(name: string, fallback: string | undefined, insecure: { allowed: boolean; optIn?: string }) {
  return fallback === undefined ? endpoint(name, insecure).optional() : endpoint(name, insecure).default(new URL(fallback));
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
  const optIn = p.insecureHttpOptIn ? `${ns}:${INSECURE_HTTP_KEY}` : undefined;
  const allowInsecure = optIn ? flag(p, optIn, raw[INSECURE_HTTP_KEY]) : false;
  const insecure = { allowed: allowInsecure, optIn };
  const schema = z.object({
    apiUrl: optionalEndpoint(`${ns}:${p.apiUrl.key}`, p.apiUrl.default, insecure),
    tokenUrl: p.oauth2 ? endpoint(`${ns}:${p.oauth2.tokenUrlKey}`, insecure).default(new URL(p.oauth2.tokenUrlDefault)) : z.undefined(),
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
    ...(allowInsecure ? { allowInsecureHttp: true as const } : {}),
  };
}

/** "true" or "false" (any case); anything else names the key. Unset is false. */
function flag(p: ServiceProfile, name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  throw configError(p, `invalid ${p.service} provider configuration: ${name} must be true or false`);
}

/**
 * The warning for settings that send the API key over plain http:// to a non-loopback host
 * (possible only with the opt-in), or undefined. Names the key and the host, never a credential.
 */
export function insecureHttpWarning(s: ConnectionSettings, p: ServiceProfile): string | undefined {
  const urls = [s.apiUrl, s.tokenUrl].filter(isInsecureRemote) as URL[];
  if (urls.length === 0) return undefined;
  const hosts = [...new Set(urls.map((u) => u.host))].join(", ");
  return `${p.service}: ${p.namespace}:${INSECURE_HTTP_KEY} is true and the server is plain http://${hosts}: ` +
    "the API key and every user's details travel unencrypted to it; use https:// (e.g. a TLS proxy in front of the server) as soon as you can";
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
