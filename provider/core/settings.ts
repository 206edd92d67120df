import { z } from "zod";
import { ApiError } from "./errors";

/** What the dynamic-provider host hands `configure()`: stack config, keys namespaced ("vectara:apiKey"). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export type Credentials =
  | { kind: "apiKey"; apiKey: string }
  | { kind: "oauth"; clientId: string; clientSecret: string };

export interface ConnectionSettings {
  service: string;
  apiUrl: URL;
  authUrl: URL;
  credentials?: Credentials;
  requestTimeoutMs: number;
  maxRetries: number;
  maxConcurrency: number;
}

export interface ServiceDefaults {
  /** Display name used in messages, e.g. "Vectara". */
  service: string;
  /** Stack config namespace, e.g. "vectara"; the env twin of `vectara:apiKey` is VECTARA_API_KEY. */
  namespace: string;
  apiUrl: string;
  authUrl: string;
}

const keys = ["apiKey", "clientId", "clientSecret", "apiUrl", "authUrl", "requestTimeoutMs", "maxRetries", "maxConcurrency"] as const;
type Key = (typeof keys)[number];

export function envName(namespace: string, key: string): string {
  return `${namespace}_${key.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
}

/** Stack config wins over the environment; an empty value counts as unset. */
export function readRaw(config: ConfigSource | undefined, namespace: string, env: NodeJS.ProcessEnv): Partial<Record<Key, string>> {
  const raw: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const value = config?.get(`${namespace}:${key}`) || env[envName(namespace, key)];
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

function integer(name: string, min: number, max: number, fallback: number) {
  return z.coerce.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`).default(fallback);
}

/**
 * Validates the connection settings of one service. Secrets are never echoed in messages.
 * Missing credentials are not an error here: `check` and `diff` need none, so the error is raised
 * by the first request instead (see `requireCredentials`).
 */
export function readConnectionSettings(config: ConfigSource | undefined, d: ServiceDefaults, env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  const raw = readRaw(config, d.namespace, env);
  const ns = d.namespace;
  const schema = z.object({
    apiUrl: endpoint(`${ns}:apiUrl`).default(new URL(d.apiUrl)),
    authUrl: endpoint(`${ns}:authUrl`).default(new URL(d.authUrl)),
    requestTimeoutMs: integer(`${ns}:requestTimeoutMs`, 100, 600_000, 30_000),
    maxRetries: integer(`${ns}:maxRetries`, 0, 20, 6),
    maxConcurrency: integer(`${ns}:maxConcurrency`, 1, 256, 16),
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(
      { code: "CONFIG", service: d.service, hint: `fix the stack config (pulumi config set ${ns}:<key>) or its environment twin (${envName(ns, "<key>")})` },
      `invalid ${d.service} provider configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  let credentials: Credentials | undefined;
  if (raw.apiKey) credentials = { kind: "apiKey", apiKey: raw.apiKey };
  else if (raw.clientId && raw.clientSecret) credentials = { kind: "oauth", clientId: raw.clientId, clientSecret: raw.clientSecret };
  return { service: d.service, ...parsed.data, credentials };
}

export function requireCredentials(s: ConnectionSettings, namespace: string): Credentials {
  if (s.credentials) return s.credentials;
  throw new ApiError(
    {
      code: "CONFIG",
      service: s.service,
      hint: `run \`pulumi config set ${namespace}:apiKey --secret\` (or set ${envName(namespace, "apiKey")}), or set both ${namespace}:clientId and ${namespace}:clientSecret for OAuth`,
    },
    `no ${s.service} credentials configured`,
  );
}
