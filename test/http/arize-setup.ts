import type * as pulumi from "@pulumi/pulumi";
import type { Logger } from "../../provider/core/log";
import { arize } from "../../provider/arize/profile";
import { usersApi } from "../../provider/arize/users/api";
import { checkUser } from "../../provider/arize/users/logic";
import { arizeUserProvider } from "../../provider/arize/users/provider";
import type { UserInputs } from "../../provider/arize/users/schema";
import { ArizeEmulator, type ArizeEmulatorOptions } from "../../emulator/arize/server";

export interface ArizeHarness {
  emulator: ArizeEmulator;
  provider: Required<Omit<pulumi.dynamic.ResourceProvider, "configure" | "invoke">>;
  logs: { level: "debug" | "warn"; message: string }[];
  /** Reconfigures the shared connection, as the host's configure() would. */
  configure(config: Record<string, string>): void;
}

/** ArizeUser's provider as the host runs it, configured against a fresh emulator, with logs captured. */
export async function startArize(options: ArizeEmulatorOptions = {}, config: Record<string, string> = {}): Promise<ArizeHarness> {
  const emulator = await ArizeEmulator.start(options);
  const logs: ArizeHarness["logs"] = [];
  const logger: Logger = {
    debug: (message) => logs.push({ level: "debug", message }),
    warn: (message) => logs.push({ level: "warn", message }),
  };
  const configure = (extra: Record<string, string>) => {
    const values: Record<string, string> = { "arize:baseUrl": emulator.url, "arize:apiKey": emulator.apiKey, "arize:maxRetries": "4", ...extra };
    arize.configure({ get: (key) => values[key] }, logger, {});
  };
  configure(config);
  const provider = arizeUserProvider({ api: () => usersApi(arize.client()), logger: () => logger }) as ArizeHarness["provider"];
  return { emulator, provider, logs, configure };
}

export async function stopArize(h: ArizeHarness | undefined): Promise<void> {
  await arize.client().close().catch(() => undefined);
  await h?.emulator.close();
}

/** Checked inputs, or a thrown list of failures. */
export function arizeInputs(news: Record<string, unknown>, olds: Record<string, unknown> = {}): UserInputs {
  const { inputs, failures } = checkUser(olds, news);
  if (failures.length) throw new Error(JSON.stringify(failures));
  return inputs as UserInputs;
}
