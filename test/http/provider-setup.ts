import type * as pulumi from "@pulumi/pulumi";
import type { Logger } from "../../provider/core/log";
import { usersApi } from "../../provider/vectara/users/api";
import { vectara } from "../../provider/vectara/profile";
import { vectaraUserProvider } from "../../provider/vectara/users/provider";
import { VectaraEmulator, type EmulatorOptions } from "../../emulator/vectara/server";

export interface Harness {
  emulator: VectaraEmulator;
  provider: Required<Omit<pulumi.dynamic.ResourceProvider, "configure" | "invoke">>;
  logs: { level: "debug" | "warn"; message: string }[];
  /** Reconfigures the shared connection, as the host's configure() would. */
  configure(config: Record<string, string>): void;
}

/** The provider as the host runs it, configured against a fresh emulator, with logs captured. */
export async function startProvider(options: EmulatorOptions = {}, config: Record<string, string> = {}): Promise<Harness> {
  const emulator = await VectaraEmulator.start(options);
  const logs: Harness["logs"] = [];
  const logger: Logger = {
    debug: (message) => logs.push({ level: "debug", message }),
    warn: (message) => logs.push({ level: "warn", message }),
  };
  const configure = (extra: Record<string, string>) => {
    const values: Record<string, string> = { "vectara:apiUrl": emulator.url, "vectara:apiKey": emulator.apiKey, "vectara:maxRetries": "4", ...extra };
    vectara.configure({ get: (key) => values[key] }, logger, {});
  };
  configure(config);
  const provider = vectaraUserProvider({ api: () => usersApi(vectara.client()), logger: () => logger }) as Harness["provider"];
  return { emulator, provider, logs, configure };
}

export async function stopProvider(h: Harness | undefined): Promise<void> {
  await vectara.client().close().catch(() => undefined);
  await h?.emulator.close();
}
