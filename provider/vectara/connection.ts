import type * as pulumi from "@pulumi/pulumi";
import { ApiClient } from "../core/client";
import { pulumiLogger, type Logger } from "../core/log";
import { readConnectionSettings, type ConfigSource, type ConnectionSettings, type ServiceDefaults } from "../core/settings";

export const vectaraDefaults: ServiceDefaults = {
  service: "Vectara",
  namespace: "vectara",
  apiUrl: "https://api.vectara.io",
  authUrl: "https://auth.vectara.io/oauth2/token",
};

/**
 * One client per provider-host process, shared by every Vectara resource: one keep-alive pool,
 * one token cache, one in-flight cap. The host calls `configure()` once per resource type (user,
 * corpus) with the same stack config; only a configuration that differs replaces the client, so
 * operations already running on it keep their pool and token.
 */
let current: { client?: ApiClient; error?: unknown; logger: Logger; settings?: string } = { logger: pulumiLogger };

export function configureVectara(config: ConfigSource | undefined, logger: Logger = pulumiLogger, env: NodeJS.ProcessEnv = process.env): void {
  const previous = current.client;
  let settings: ConnectionSettings;
  try {
    settings = readConnectionSettings(config, vectaraDefaults, env);
  } catch (error) {
    // Raised by the first request: check and diff need no connection.
    current = { error, logger };
    void previous?.close();
    return;
  }
  // Held in memory only, to compare configurations; never logged or returned.
  const fingerprint = JSON.stringify(settings);
  if (previous && fingerprint === current.settings && logger === current.logger) return;
  current = { client: new ApiClient(settings, { namespace: vectaraDefaults.namespace, logger }), logger, settings: fingerprint };
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

/**
 * The instance of a resource provider the host runs: one per process, whose `configure` sets up
 * the shared connection from the stack config.
 */
export function hostInstance(provider: pulumi.dynamic.ResourceProvider): pulumi.dynamic.ResourceProvider {
  return {
    ...provider,
    async configure(req: pulumi.dynamic.ConfigureRequest) {
      configureVectara(req.config);
    },
  };
}
