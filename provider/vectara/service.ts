import type { ServiceEntry } from "../core/registry";
import { vectaraCorpusEntry } from "./corpora/entry";
import { vectaraProfile } from "./profile";
import { vectaraUserEntry } from "./users/entry";

/** Vectara in the registry: corpora first, since users' roles name them. */
export const vectaraService: ServiceEntry = { name: "vectara", profile: vectaraProfile, personKind: "VectaraUser", resources: [vectaraCorpusEntry, vectaraUserEntry] };
