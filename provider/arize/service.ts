import type { ServiceEntry } from "../core/registry";
import { arizeOrganizationMembershipEntry } from "./organization-memberships/entry";
import { arizeProfile } from "./profile";
import { arizeSpaceMembershipEntry } from "./space-memberships/entry";
import { arizeUserEntry } from "./users/entry";

/** Arize AX in the registry (an organization membership before the space memberships that need it). */
export const arizeService: ServiceEntry = {
  name: "arize",
  profile: arizeProfile,
  personKind: "ArizeUser",
  resources: [arizeUserEntry, arizeOrganizationMembershipEntry, arizeSpaceMembershipEntry],
};
