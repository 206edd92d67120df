import type { ResourceEntry } from "../../core/registry";
import { checkGroup, diffGroup } from "./logic";
import { groupInputs, groupType } from "./schema";

/** ConnectGroup in the registry. No `listing`: `pulumi-saas-users import connect` does not write groups yet. */
export const connectGroupEntry: ResourceEntry = {
  ...groupType,
  summary: "a Posit Connect user group: name and owner (needs Authorization.UserGroups; LDAP servers import it from the directory)",
  id: "the group's guid",
  inputs: groupInputs,
  replaces: ["account"],
  check: checkGroup,
  diff: diffGroup,
};
