// The Connect access providers (groups, memberships, content permissions) as the host runs them,
// over one fresh Connect emulator: service-setup's harness for ConnectGroup, the other two providers
// over the same connections.
import type { ConnectEmulator, ConnectEmulatorOptions } from "../../emulator/connect/server";
import { checkedInputs, newProvider, startProvider, stopProvider, type Harness, type Provider } from "./service-setup";

export type HostedProvider = Provider;

export interface AccessHarness extends Harness<"connect"> {
  group: Provider;
  membership: Provider;
  permission: Provider;
}

export async function startAccess(options: ConnectEmulatorOptions = {}, config: Record<string, string> = {}): Promise<AccessHarness> {
  const h = await startProvider("connect", "ConnectGroup", options, config);
  return Object.assign(h, { group: h.provider, membership: newProvider("connect", "ConnectGroupMembership"), permission: newProvider("connect", "ConnectContentPermission") });
}

export const stopAccess = stopProvider;

export const groupInputs = checkedInputs("connect", "ConnectGroup");
export const membershipInputs = checkedInputs("connect", "ConnectGroupMembership");
export const permissionInputs = checkedInputs("connect", "ConnectContentPermission");

/** The emulator's API requests as "METHOD path status", guids replaced by {guid}. */
export function callsOf(emulator: ConnectEmulator): string[] {
  return emulator.requests.filter((r) => r.path.startsWith("/__api__/")).map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{guid}")} ${r.status}`);
}

export const errorOf = async (p: Promise<unknown>) => (await p.then(() => undefined, (e: Error) => e)) as Error & { code?: string; id?: string; properties?: Record<string, unknown> };
