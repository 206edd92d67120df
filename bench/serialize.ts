import { hostedProvider } from "../provider/core/dynamic-loader";
import { referenceProvider } from "./reference-provider";

/** `__provider` exactly as `pulumi.dynamic.Resource` produces it (dynamic/index.js serializeFunctionMaybeSecret). */
export async function serializeProvider(provider: object): Promise<string> {
  // Loaded on demand like the SDK does: its dependencies are slow to load.
  const { serializeFunction } = require("@pulumi/pulumi/runtime/closure/serializeClosure") as {
    serializeFunction(f: () => unknown, opts: { allowSecrets: boolean }): Promise<{ text: string }>;
  };
  return (await serializeFunction(() => provider, { allowSecrets: true })).text;
}

export type Variant = "ours" | "reference";

/** The `__provider` of VectaraUser (what its constructor registers) or of the reference provider. */
export function providerSource(variant: Variant): Promise<string> {
  return serializeProvider(variant === "ours" ? hostedProvider("pulumi-saas-users/vectara-user") : referenceProvider());
}
