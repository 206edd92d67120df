import type { ResourceEntry } from "../../core/registry";
import { checkMembership, diffMembership } from "./logic";
import { membershipInputs, membershipType } from "./schema";

/** ConnectGroupMembership in the registry. No `listing`: the import does not write memberships yet. */
export const connectGroupMembershipEntry: ResourceEntry = {
  ...membershipType,
  summary: "a Posit Connect user's membership of a group (not on servers whose authentication provider supplies membership)",
  id: "`<groupGuid>/<userGuid>`",
  inputs: membershipInputs,
  replaces: ["account", "groupGuid", "userGuid"],
  check: checkMembership,
  diff: diffMembership,
};
