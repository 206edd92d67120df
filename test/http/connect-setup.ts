import type * as pulumi from "@pulumi/pulumi";
import type { Logger } from "../../provider/core/log";
import { connect } from "../../provider/connect/profile";
import { usersApi } from "../../provider/connect/users/api";
import { checkUser } from "../../provider/connect/users/logic";
import { connectUserProvider } from "../../provider/connect/users/provider";
import { ConnectEmulator, type ConnectEmulatorOptions } from "../../emulator/connect/server";

export interface ConnectHarness {
  emulator: ConnectEmulator;
  provider: Required<Omit<pulumi.dynamic.ResourceProvider, "configure" | "invoke">>;
  logs: { level: "debug" | "warn"; message: string }[];
  /** Reconfigures the shared connection, as the host's configure() would. */
  configure(config: Record<string, string>): void;
}

/** The ConnectUser provider as the host runs it, configured against a fresh emulator, with logs captured. */
export async function startConnect(options: ConnectEmulatorOptions = {}, config: Record<string, string> = {}): Promise<ConnectHarness> {
  const emulator = await ConnectEmulator.start(options);
  const logs: ConnectHarness["logs"] = [];
  const logger: Logger = {
    debug: (message) => logs.push({ level: "debug", message }),
    warn: (message) => logs.push({ level: "warn", message }),
  };
  const configure = (extra: Record<string, string>) => {
    const values: Record<string, string> = { "connect:serverUrl": emulator.serverUrl, "connect:apiKey": emulator.apiKey, "connect:maxRetries": "4", ...extra };
    connect.configure({ get: (key) => values[key] }, logger, {});
  };
  configure(config);
  const provider = connectUserProvider({ api: () => usersApi(connect.client()), logger: () => logger }) as ConnectHarness["provider"];
  return { emulator, provider, logs, configure };
}

export async function stopConnect(h: ConnectHarness | undefined): Promise<void> {
  await connect.client().close().catch(() => undefined);
  await h?.emulator.close();
}

/** Checked inputs, or throws with the failures. */
export function connectInputs(news: Record<string, unknown>): Record<string, unknown> {
  const { inputs, failures } = checkUser(news);
  if (failures.length) throw new Error(JSON.stringify(failures));
  return inputs;
}
