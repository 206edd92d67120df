import { hostedProvider, loaderSource } from "../provider/core/dynamic-loader";
import { leanProviderSource } from "./lean-provider";
import { referenceProvider } from "./reference-provider";

/** `__provider` exactly as `pulumi.dynamic.Resource` produces it (dynamic/index.js serializeFunctionMaybeSecret). */
export async function serializeProvider(provider: object): Promise<string> {
  // Loaded on demand like the SDK does: its dependencies are slow to load.
  const { serializeFunction } = require("@pulumi/pulumi/runtime/closure/serializeClosure") as {
    serializeFunction(f: () => unknown, opts: { allowSecrets: boolean }): Promise<{ text: string }>;
  };
  return (await serializeFunction(() => provider, { allowSecrets: true })).text;
}

/**
 * ours: VectaraUser, with the `__provider` its class registers (loaderSource). ours1k: VectaraUser
 * with the ~1 KB closure-serialized loader that resources registered before held (hostedProvider),
 * the before of that change. reference: the lean reference provider (bench/lean-provider.ts, loaded by
 * module path), the anchor. closure: the old reference (bench/reference-provider.ts, serialized
 * by value into a 2.4 KB `__provider`), kept to show what a closure-serialized provider costs.
 */
export type Variant = "ours" | "ours1k" | "reference" | "closure";

/** The `__provider` of VectaraUser (what its constructor registers) or of a reference provider. */
export async function providerSource(variant: Variant): Promise<string> {
  if (variant === "reference") return leanProviderSource();
  if (variant === "ours") return loaderSource("pulumi-saas-users/vectara-user");
  return serializeProvider(variant === "ours1k" ? hostedProvider("pulumi-saas-users/vectara-user") : referenceProvider());
}
