// The two Arize membership providers as the host runs them, over one fresh emulator (service-setup's
// harness for ArizeOrganizationMembership, and the space membership's provider over the same connections).
import type { OrganizationMembershipInputs } from "../../provider/arize/organization-memberships/schema";
import type { SpaceMembershipInputs } from "../../provider/arize/space-memberships/schema";
import type { ArizeEmulatorOptions } from "../../emulator/arize/server";
import { checkedInputs, newProvider, startProvider, stopProvider, type Harness, type Provider } from "./service-setup";

export interface ArizeAccessHarness extends Harness<"arize"> {
  orgMembers: Provider;
  spaceMembers: Provider;
}

export async function startArizeAccess(options: ArizeEmulatorOptions = {}, config: Record<string, string> = {}): Promise<ArizeAccessHarness> {
  const h = await startProvider("arize", "ArizeOrganizationMembership", options, config);
  return Object.assign(h, { orgMembers: h.provider, spaceMembers: newProvider("arize", "ArizeSpaceMembership") });
}

export const stopArizeAccess = stopProvider;

export const orgMemberInputs = checkedInputs<OrganizationMembershipInputs>("arize", "ArizeOrganizationMembership");
export const spaceMemberInputs = checkedInputs<SpaceMembershipInputs>("arize", "ArizeSpaceMembership");
