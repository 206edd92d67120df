import type * as pulumi from "@pulumi/pulumi";
import { ApiClient } from "./client";
import { pulumiLogger, type Logger } from "./log";
import { forAccount } from "./account";
import type { ServiceProfile } from "./profile";
import { insecureHttpWarning, readConnectionSettings, type ConfigSource } from "./settings";

interface Entry {
  client?: ApiClient;
  error?: unknown;
  /** The settings, held in memory only to compare configurations; never logged or returned. */
  fingerprint?: string;
  /** The account's profile (its namespace names the keys in messages). */
  profile?: ServiceProfile;
}

/**
 * The clients of one service in one process, one per account: each has one keep-alive pool, one
 * token cache, one in-flight cap, shared by every resource of that account. The host calls
 * `configure()` once per resource type with the same stack config; a client is replaced only
 * when its account's settings differ, so operations already running keep their pool and token.
 */
export class ServiceConnections {
  private config?: ConfigSource;
  private env: NodeJS.ProcessEnv = process.env;
  private log: Logger = pulumiLogger;
  private readonly entries = new Map<string, Entry>();

  constructor(readonly profile: ServiceProfile) {}

  configure(config: ConfigSource | undefined, logger: Logger = pulumiLogger, env: NodeJS.ProcessEnv = process.env): void {
    const sameLogger = logger === this.log;
    Object.assign(this, { config, log: logger, env });
    for (const [account, old] of [...this.entries]) {
      const next = this.entry(account);
      if (sameLogger && old.client && next.fingerprint === old.fingerprint) continue;
      this.entries.set(account, next);
      this.warnIfInsecure(next);
      void old.client?.close();
    }
  }

  /** The client of `account` (the default account when absent); a configuration error is raised here, by the first request. */
  client(account?: string): ApiClient {
    const key = account ?? "";
    let entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, (entry = this.entry(key)));
      this.warnIfInsecure(entry);
    }
    if (entry.error) throw entry.error;
    return entry.client as ApiClient;
  }

  logger(): Logger {
    return this.log;
  }

  async close(): Promise<void> {
    const clients = [...this.entries.values()].map((e) => e.client);
    this.entries.clear();
    await Promise.all(clients.map((c) => c?.close()));
  }

  /** The instance of a resource provider the host runs: its `configure` sets up these connections from the stack config. */
  hostInstance(provider: pulumi.dynamic.ResourceProvider): pulumi.dynamic.ResourceProvider {
    return {
      ...provider,
      configure: async (req: pulumi.dynamic.ConfigureRequest) => this.configure(req.config),
    };
  }

  /** Once per client made: so every run (every provider process) that uses plain http:// says so. */
  private warnIfInsecure(entry: Entry): void {
    const warning = entry.client && insecureHttpWarning(entry.client.settings, entry.profile!);
    if (warning) this.log.warn(warning);
  }

  private entry(account: string): Entry {
    const profile = forAccount(this.profile, account || undefined);
    try {
      const settings = readConnectionSettings(this.config, profile, this.env);
      // A client opens no connection until its first request, so one made only to compare costs nothing.
      return { client: new ApiClient(settings, { profile, logger: this.log }), fingerprint: JSON.stringify(settings), profile };
    } catch (error) {
      // Raised by the first request: check and diff need no connection.
      return { error };
    }
  }
}

/** The running program's stack config (`acme:apiKey` → Config("acme").get("apiKey")), for helpers that run in the program. */
const programConfig: ConfigSource = {
  get(key) {
    const at = key.indexOf(":");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Config } = require("@pulumi/pulumi") as typeof pulumi;
    return new Config(key.slice(0, at)).get(key.slice(at + 1));
  },
};

/** Connections for a program's own helpers, configured from its stack config on first use. */
export function programConnections(profile: ServiceProfile): () => ServiceConnections {
  let connections: ServiceConnections | undefined;
  return () => {
    if (!connections) (connections = new ServiceConnections(profile)).configure(programConfig);
    return connections;
  };
}
