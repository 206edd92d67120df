/** Where the provider's diagnostics go. Messages never contain credentials (callers pass none). */
export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}

/**
 * pulumi.log, loaded on first use: in `pulumi up` this module runs inside the dynamic-provider
 * host, which has @pulumi/pulumi installed beside the program.
 */
export const pulumiLogger: Logger = {
  debug: (message) => void pulumiLog().debug(message),
  warn: (message) => void pulumiLog().warn(message),
};

function pulumiLog(): { debug(m: string): Promise<void>; warn(m: string): Promise<void> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@pulumi/pulumi").log;
}
