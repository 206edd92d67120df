import type { ServiceEntry } from "../core/registry";
import { arizeProfile } from "./profile";
import { arizeUserEntry } from "./users/entry";

/** Arize AX in the registry. */
export const arizeService: ServiceEntry = { name: "arize", profile: arizeProfile, personKind: "ArizeUser", resources: [arizeUserEntry] };
