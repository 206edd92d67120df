import type { ResourceEntry } from "../../core/registry";
import { checkSpaceMembership, diffSpaceMembership } from "./logic";
import { spaceMembershipInputs, spaceMembershipType } from "./schema";

/** ArizeSpaceMembership in the registry. No `listing` yet: importing access is a later step (issue #20 item 7). */
export const arizeSpaceMembershipEntry: ResourceEntry = {
  ...spaceMembershipType,
  summary: "a user's membership of an Arize AX space, with its role",
  id: "`<spaceId>:<userId>` (Arize ids are base64, which never holds `:`)",
  inputs: spaceMembershipInputs,
  replaces: ["account", "spaceId", "userId"],
  check: checkSpaceMembership,
  diff: diffSpaceMembership,
};
