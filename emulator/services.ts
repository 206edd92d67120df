/** The services the emulator command can run; a new service adds its ServiceCli here. */
import type { ServiceCli } from "./core";
import { arizeCli } from "./arize/cli";
import { connectCli } from "./connect/cli";
import { vectaraCli } from "./vectara/cli";

export const SERVICES: readonly ServiceCli[] = [vectaraCli, connectCli, arizeCli];
/** The service run when none is named: the only one before the command took a service. */
export const DEFAULT_SERVICE = "vectara";
export const PROGRAM = "pulumi-saas-users-emulator";
