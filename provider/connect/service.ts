import type { ServiceEntry } from "../core/registry";
import { connectProfile } from "./profile";
import { connectGroupEntry } from "./groups/entry";
import { connectGroupMembershipEntry } from "./memberships/entry";
import { connectContentPermissionEntry } from "./permissions/entry";
import { connectUserEntry } from "./users/entry";

/** Posit Connect in the registry. */
export const connectService: ServiceEntry = { name: "connect", profile: connectProfile, personKind: "ConnectUser", resources: [connectUserEntry, connectGroupEntry, connectGroupMembershipEntry, connectContentPermissionEntry] };
