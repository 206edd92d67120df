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
  /** Read from the environment alone (a command outside any stack): messages name environment variables, not config keys. */
  environmentOnly?: true;
}

/** The config key that lets plain http:// reach a non-loopback host (profiles with `insecureHttpOptIn`). */
export const INSECURE_HTTP_KEY = "allowInsecureHttp";

const limitKeys = ["requestTimeoutMs", "maxRetries", "maxConcurrency"] as const;

/** `requestTimeoutMs` → `ACME_REQUEST_TIMEOUT_MS`. */
export function envName(prefix: string, key: string): string {
  return `${prefix}_${key.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
}

/** Every setting a service reads (`<ns>:<key>` in stack config): the common ones and those its profile adds. */
export function settingKeys(p: ServiceProfile): string[] {
  const oauth = p.oauth2 ? ["clientId", "clientSecret", p.oauth2.tokenUrlKey] : [];
  return ["apiKey", ...oauth, p.apiUrl.key, ...limitKeys, ...(p.insecureHttpOptIn ? [INSECURE_HTTP_KEY] : [])];
}

/** The environment variable a setting is read from first: the vendor's own name when the profile has one, else the twin. */
export function envVariable(p: ServiceProfile, key: string): string {
  return p.envAliases?.[key] ?? envName(p.envPrefix, key);
}

/**
 * Where a user sets a key, for hints: `pulumi config set <ns>:<key> …` (or its variable) in a
 * stack; only the variable for a command that reads no stack config.
 */
export function howToSet(p: ServiceProfile, key: string, opts: { secret?: boolean; environmentOnly?: boolean } = {}): string {
  if (opts.environmentOnly) return `set ${envVariable(p, key)} (outside a stack, settings come from the environment)`;
  return `run \`pulumi config set ${p.namespace}:${key} ${opts.secret ? "--secret" : "<value>"}\` (or set ${envVariable(p, key)})`;
}

/**
 * What a program's user sets to reach the service, built from the profile (so it names only keys
 * that exist): the variables, then the stack config keys.
 */
export function credentialsHint(p: ServiceProfile): string {
  const env = (key: string) => envVariable(p, key);
  const ns = p.namespace;
  const url = p.apiUrl.default === undefined ? ` and ${env(p.apiUrl.key)}` : ` (and ${env(p.apiUrl.key)} for a server other than ${p.apiUrl.default})`;
  const keys = p.oauth2 ? `${env("clientId")} and ${env("clientSecret")}, or ${env("apiKey")} (which wins when both are set)` : env("apiKey");
  const config = [
    ...(p.apiUrl.default === undefined ? [`\`pulumi config set ${ns}:${p.apiUrl.key} <url>\``] : []),
    ...(p.oauth2 ? [`\`pulumi config set ${ns}:clientId <id>\``, `\`pulumi config set ${ns}:clientSecret --secret\``] : []),
    `\`pulumi config set ${ns}:apiKey --secret\``,
  ];
  return `${keys}${url}; or ${config.join(" and ")}${p.oauth2 ? " (the OAuth client, or the API key alone)" : ""}`;
}

/** Stack config wins over the environment; an empty value counts as unset. */
export function readRaw(config: ConfigSource | undefined, p: ServiceProfile, env: NodeJS.ProcessEnv): Record<string, string> {
  const keys = settingKeys(p);
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

function configError(p: ServiceProfile, message: string, environmentOnly: boolean): ApiError {
  const hint = environmentOnly
    ? "fix the environment variable named (outside a stack, settings come from the environment)"
    : `fix the stack config (pulumi config set ${p.namespace}:<key>) or its environment twin (${envName(p.envPrefix, "<key>")})`;
  return new ApiError({ code: "CONFIG", service: p.service, hint }, message);
}

/**
 * Validates the connection settings of one service. Secrets are never echoed in messages.
 * Missing credentials (and a missing required URL) are not an error here: `check` and `diff` need
 * none, so the error is raised by the first request instead (see `requireCredentials`).
 */
export function readConnectionSettings(config: ConfigSource | undefined, p: ServiceProfile, env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  const raw = readRaw(config, p, env);
  const environmentOnly = config === undefined;
  // Messages name what the user set: the stack key, or (outside any stack) the variable.
  const name = (key: string) => (environmentOnly ? envVariable(p, key) : `${p.namespace}:${key}`);
  const optIn = p.insecureHttpOptIn ? name(INSECURE_HTTP_KEY) : undefined;
  const allowInsecure = optIn ? flag(p, optIn, raw[INSECURE_HTTP_KEY], environmentOnly) : false;
  const insecure = { allowed: allowInsecure, optIn };
  const schema = z.object({
    apiUrl: optionalEndpoint(name(p.apiUrl.key), p.apiUrl.default, insecure),
    tokenUrl: p.oauth2 ? endpoint(name(p.oauth2.tokenUrlKey), insecure).default(new URL(p.oauth2.tokenUrlDefault)) : z.undefined(),
    requestTimeoutMs: integer(name("requestTimeoutMs"), 100, 600_000, 30_000),
    maxRetries: integer(name("maxRetries"), 0, 20, 6),
    maxConcurrency: integer(name("maxConcurrency"), 1, 256, 16),
  });
  const parsed = schema.safeParse({ ...raw, apiUrl: raw[p.apiUrl.key], tokenUrl: p.oauth2 ? raw[p.oauth2.tokenUrlKey] : undefined });
  if (!parsed.success) throw configError(p, `invalid ${p.service} provider configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`, environmentOnly);
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
    ...(environmentOnly ? { environmentOnly: true as const } : {}),
  };
}

/** "true" or "false" (any case); anything else names the key. Unset is false. */
function flag(p: ServiceProfile, name: string, value: string | undefined, environmentOnly: boolean): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  throw configError(p, `invalid ${p.service} provider configuration: ${name} must be true or false`, environmentOnly);
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
    throw configError(p, `no ${p.service} server URL configured`, s.environmentOnly === true).with({ hint: howToSet(p, p.apiUrl.key, s) });
  }
  return { apiUrl: s.apiUrl, credentials: requireCredentials(s, p) };
}

export function requireCredentials(s: ConnectionSettings, p: ServiceProfile): Credentials {
  if (s.credentials) return s.credentials;
  const name = (key: string) => (s.environmentOnly ? envVariable(p, key) : `${p.namespace}:${key}`);
  const oauth = p.oauth2 ? `, or set both ${name("clientId")} and ${name("clientSecret")} for OAuth` : "";
  throw new ApiError(
    { code: "CONFIG", service: s.service, hint: `${howToSet(p, "apiKey", { secret: true, environmentOnly: s.environmentOnly })}${oauth}` },
    `no ${s.service} credentials configured`,
  );
}
