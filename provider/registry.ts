import type { ServiceEntry } from "./core/registry";
import { arizeService } from "./arize/service";
import { connectService } from "./connect/service";
import { vectaraService } from "./vectara/service";

/**
 * Every service of the package, each declared by its own folder (`<service>/service.ts`). The
 * import, the roster and the reference pages read this list; it is the one place outside a
 * service's folder that names it. Adding a service: docs/adding-a-service.md.
 */
export const registry: readonly ServiceEntry[] = [vectaraService, connectService, arizeService];

export type { ResourceEntry, ServiceEntry } from "./core/registry";
