import type { ResourceEntry } from "../../core/registry";
import { checkOrganizationMembership, diffOrganizationMembership } from "./logic";
import { organizationMembershipInputs, organizationMembershipType } from "./schema";

/** ArizeOrganizationMembership in the registry. No `listing` yet: importing access is a later step (issue #20 item 7). */
export const arizeOrganizationMembershipEntry: ResourceEntry = {
  ...organizationMembershipType,
  summary: "a user's membership of an Arize AX organization, with its role",
  id: "`<organizationId>:<userId>` (Arize ids are base64, which never holds `:`)",
  inputs: organizationMembershipInputs,
  replaces: ["account", "organizationId", "userId"],
  check: checkOrganizationMembership,
  diff: diffOrganizationMembership,
};
