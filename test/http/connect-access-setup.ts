// The Connect access providers (groups, memberships, content permissions) against a fresh
// Connect emulator, as the host runs them, with logs captured. Minimal: adapted at merge with the
// shared setup of test/http.
import type * as pulumi from "@pulumi/pulumi";
import type { Logger } from "../../provider/core/log";
import { connect } from "../../provider/connect/profile";
import { groupsApi } from "../../provider/connect/groups/api";
import { checkGroup } from "../../provider/connect/groups/logic";
import { connectGroupProvider } from "../../provider/connect/groups/provider";
import { checkMembership } from "../../provider/connect/memberships/logic";
import { connectGroupMembershipProvider } from "../../provider/connect/memberships/provider";
import { permissionsApi } from "../../provider/connect/permissions/api";
import { checkPermission } from "../../provider/connect/permissions/logic";
import { connectContentPermissionProvider } from "../../provider/connect/permissions/provider";
import { ConnectEmulator, type ConnectEmulatorOptions } from "../../emulator/connect/server";

export type HostedProvider = Required<Omit<pulumi.dynamic.ResourceProvider, "configure" | "invoke">>;

export interface AccessHarness {
  emulator: ConnectEmulator;
  group: HostedProvider;
  membership: HostedProvider;
  permission: HostedProvider;
  logs: { level: "debug" | "warn"; message: string }[];
  configure(config: Record<string, string>): void;
}

export async function startAccess(options: ConnectEmulatorOptions = {}, config: Record<string, string> = {}): Promise<AccessHarness> {
  const emulator = await ConnectEmulator.start(options);
  const logs: AccessHarness["logs"] = [];
  const logger: Logger = {
    debug: (message) => logs.push({ level: "debug", message }),
    warn: (message) => logs.push({ level: "warn", message }),
  };
  const configure = (extra: Record<string, string>) => {
    const values: Record<string, string> = { "connect:serverUrl": emulator.serverUrl, "connect:apiKey": emulator.apiKey, "connect:maxRetries": "4", ...extra };
    connect.configure({ get: (key) => values[key] }, logger, {});
  };
  configure(config);
  const group = connectGroupProvider({ api: () => groupsApi(connect.client()), logger: () => logger }) as HostedProvider;
  const membership = connectGroupMembershipProvider({ api: () => groupsApi(connect.client()), logger: () => logger }) as HostedProvider;
  const permission = connectContentPermissionProvider({ api: () => permissionsApi(connect.client()), logger: () => logger }) as HostedProvider;
  return { emulator, group, membership, permission, logs, configure };
}

export async function stopAccess(h: AccessHarness | undefined): Promise<void> {
  await connect.client().close().catch(() => undefined);
  await h?.emulator.close();
}

function checked(check: (news: Record<string, unknown>) => { inputs: Record<string, unknown>; failures: unknown[] }) {
  return (news: Record<string, unknown>) => {
    const { inputs, failures } = check(news);
    if (failures.length) throw new Error(JSON.stringify(failures));
    return inputs;
  };
}

export const groupInputs = checked(checkGroup);
export const membershipInputs = checked(checkMembership);
export const permissionInputs = checked(checkPermission);

/** The emulator's API requests as "METHOD path status", guids replaced by {guid}. */
export function callsOf(emulator: ConnectEmulator): string[] {
  return emulator.requests.filter((r) => r.path.startsWith("/__api__/")).map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{guid}")} ${r.status}`);
}

export const errorOf = async (p: Promise<unknown>) => (await p.then(() => undefined, (e: Error) => e)) as Error & { code?: string; id?: string; properties?: Record<string, unknown> };
