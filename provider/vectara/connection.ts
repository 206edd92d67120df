import { ApiClient } from "../core/client";
import { pulumiLogger, type Logger } from "../core/log";
import { readConnectionSettings, type ConfigSource, type ServiceDefaults } from "../core/settings";

export const vectaraDefaults: ServiceDefaults = {
  service: "Vectara",
  namespace: "vectara",
  apiUrl: "https://api.vectara.io",
  authUrl: "https://auth.vectara.io/oauth2/token",
};

/**
 * One client per provider-host process, shared by every Vectara resource: one keep-alive pool,
 * one token cache, one in-flight cap. `configure()` of each resource provider lands here; the
 * settings are read again each time, so the last configuration wins (they are the same stack's).
 */
let current: { client?: ApiClient; error?: unknown; logger: Logger } = { logger: pulumiLogger };

export function configureVectara(config: ConfigSource | undefined, logger: Logger = pulumiLogger, env: NodeJS.ProcessEnv = process.env): void {
  const previous = current.client;
  try {
    current = { client: new ApiClient(readConnectionSettings(config, vectaraDefaults, env), { namespace: vectaraDefaults.namespace, logger }), logger };
  } catch (error) {
    // Raised by the first request: check and diff need no connection.
    current = { error, logger };
  }
  void previous?.close();
}

export function vectaraClient(): ApiClient {
  if (!current.client && !current.error) configureVectara(undefined);
  if (current.error) throw current.error;
  return current.client as ApiClient;
}

export function vectaraLogger(): Logger {
  return current.logger;
}
