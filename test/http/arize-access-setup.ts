// The two Arize membership providers as the host runs them, against a fresh emulator (the minimal
// setup these files need; arize-setup.ts starts the emulator and configures the shared connection).
import type * as pulumi from "@pulumi/pulumi";
import { checkOrganizationMembership } from "../../provider/arize/organization-memberships/logic";
import { arizeOrganizationMembershipProvider, organizationMembershipDeps } from "../../provider/arize/organization-memberships/provider";
import type { OrganizationMembershipInputs } from "../../provider/arize/organization-memberships/schema";
import { checkSpaceMembership } from "../../provider/arize/space-memberships/logic";
import { arizeSpaceMembershipProvider, spaceMembershipDeps } from "../../provider/arize/space-memberships/provider";
import type { SpaceMembershipInputs } from "../../provider/arize/space-memberships/schema";
import type { ArizeEmulatorOptions } from "../../emulator/arize/server";
import { startArize, stopArize, type ArizeHarness } from "./arize-setup";

type Provider = Required<Omit<pulumi.dynamic.ResourceProvider, "configure" | "invoke">>;

export interface ArizeAccessHarness extends ArizeHarness {
  orgMembers: Provider;
  spaceMembers: Provider;
}

export async function startArizeAccess(options: ArizeEmulatorOptions = {}, config: Record<string, string> = {}): Promise<ArizeAccessHarness> {
  const h = await startArize(options, config);
  const logger = () => ({ debug: (message: string) => h.logs.push({ level: "debug", message }), warn: (message: string) => h.logs.push({ level: "warn", message }) });
  const orgMembers = arizeOrganizationMembershipProvider({ api: organizationMembershipDeps.api, logger }) as Provider;
  const spaceMembers = arizeSpaceMembershipProvider({ api: spaceMembershipDeps.api, logger }) as Provider;
  return { ...h, orgMembers, spaceMembers };
}

export const stopArizeAccess = stopArize;

function checked<T>(result: { inputs: Record<string, unknown>; failures: unknown[] }): T {
  if (result.failures.length) throw new Error(JSON.stringify(result.failures));
  return result.inputs as T;
}

export const orgMemberInputs = (news: Record<string, unknown>) => checked<OrganizationMembershipInputs>(checkOrganizationMembership(news));
export const spaceMemberInputs = (news: Record<string, unknown>) => checked<SpaceMembershipInputs>(checkSpaceMembership(news));
