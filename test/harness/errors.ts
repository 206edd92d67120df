import type { Props } from "./values";

/**
 * Create/Update succeeded far enough to yield an id, then failed ("created but failed to initialize").
 * The host packs this as an ErrorResourceInitFailed detail (cmd/dynamic-provider/index.js,
 * grpcResponseFromError); the engine keeps such a resource in state with its init errors.
 */
export class ResourceInitError extends Error {
  readonly code = "RESOURCE_INIT_FAILED";
  constructor(
    message: string,
    readonly id: string,
    readonly outputs: Props,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "ResourceInitError";
  }
}
