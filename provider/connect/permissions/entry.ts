import type { ResourceEntry } from "../../core/registry";
import { checkPermission, diffPermission } from "./logic";
import { permissionInputs, permissionType } from "./schema";

/** ConnectContentPermission in the registry. No `listing`: the import does not write content grants yet. */
export const connectContentPermissionEntry: ResourceEntry = {
  ...permissionType,
  summary: "a user's or group's role (viewer or owner) on a Posit Connect content item",
  id: "the permission's id on its content item",
  inputs: permissionInputs,
  replaces: ["account", "contentGuid", "principalGuid", "principalType"],
  check: checkPermission,
  diff: diffPermission,
};
