import * as pulumi from "@pulumi/pulumi";
import { typeToken, type ResourceType } from "./registry";

/**
 * The `__provider` of every resource of a hosted provider: one line that names a module of this
 * package. The host evaluates it once per process (it caches providers by this string), requires
 * the module from the program directory, and calls `configure` on its default export before any
 * other method. Credentials are never in it, and refresh/delete run the installed version of the
 * provider (ENGINE-NOTES §2). When the package cannot be loaded, every operation fails with the
 * reason (the handler throws, so the host caches nothing and the next call tries again).
 *
 * About 150 bytes, instead of the ~1 KB of Pulumi's closure serialization of `hostedProvider`
 * below: the string travels in every resource operation's inputs and outputs (Check, Diff and
 * Update carry it three times), and the host's protobuf conversions cost in proportion to it.
 */
export function loaderSource(entry: string): string {
  const name = JSON.stringify(entry);
  return `exports.handler=()=>{try{return require(${name}).default}catch(e){throw new Error("install pulumi-saas-users beside the program: "+e)}};`;
}

/**
 * A resource of a hosted provider: what `pulumi.dynamic.Resource` registers (type
 * `pulumi-nodejs:dynamic/<module>:<type>`, the provider in the `__provider` input), with
 * `loaderSource(entry)` as `__provider` instead of a serialized closure.
 */
export class HostedResource extends pulumi.CustomResource {
  constructor(names: ResourceType, name: string, props: Record<string, unknown>, opts: pulumi.CustomResourceOptions | undefined) {
    if (props.__provider !== undefined) throw new Error("A dynamic resource must not define the __provider key");
    super(typeToken(names), name, { ...props, __provider: loaderSource(`pulumi-saas-users/${names.loader}`) }, opts);
  }
}

/**
 * The provider object that resources registered before `loaderSource` serialized into their
 * `__provider` (Pulumi's closure serializer, ~1 KB). Their state still holds it, and the host
 * still runs it until their next update, so the module it names keeps a `configure`; the bench
 * measures it beside `loaderSource`.
 *
 * Pulumi serializes a dynamic provider by value, with everything it captures, into state; zod
 * schemas and undici do not survive that, a captured credential would be written in clear, and
 * a fix would never reach resources created before it (ENGINE-NOTES §2). So this object holds
 * only the name of a module of this package. The host resolves that name from the program
 * directory when it first uses the provider: state carries a few hundred bytes per resource, no
 * credentials, and refresh/delete run the installed version of the provider.
 *
 * The host always calls `configure` once, before any other method, on the object it
 * deserialized (cmd/dynamic-provider/index.js `getProvider`); that call swaps in the real
 * methods. The swap is synchronous on purpose: the host caches the object before it awaits
 * `configure`, so a concurrent call may use it as soon as `configure` has been entered. Keeping a single serialized function halves `__provider` (≈2.2 KB with seven
 * forwarding methods, each wrapped by the serializer).
 */
export function hostedProvider(entry: string): pulumi.dynamic.ResourceProvider {
  // One instance per entry for every resource of its type: Pulumi caches a provider's serialization per instance.
  let provider = loaders.get(entry);
  if (!provider) loaders.set(entry, (provider = loaderFor(entry)));
  return provider;
}

const loaders = new Map<string, pulumi.dynamic.ResourceProvider>();

function loaderFor(entry: string): pulumi.dynamic.ResourceProvider {
  // The body below is serialized as written (comments too), so it stays terse. When the package
  // cannot be loaded, every method of the cached object fails with the reason, rather than a
  // later "create is not a function".
  const loader = {
    configure(this: Record<string, unknown>, req: pulumi.dynamic.ConfigureRequest): Promise<void> {
      let real: Record<string, (...args: unknown[]) => Promise<never>>;
      try {
        real = require(entry).default;
      } catch (e) {
        const fail = () => Promise.reject(new Error(`install pulumi-saas-users beside the program: ${e}`));
        real = {};
        for (const m of "configure check diff create read update delete".split(" ")) real[m] = fail;
      }
      Object.assign(this, real);
      return real.configure!(req);
    },
  };
  return loader as unknown as pulumi.dynamic.ResourceProvider;
}
