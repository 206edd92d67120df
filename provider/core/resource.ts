import type * as pulumi from "@pulumi/pulumi";

/**
 * How each output key of a resource behaves: an `input` (also an output, as the server reports
 * it), an `output` only the server assigns, or a `secret` output. One record per resource, typed
 * by its outputs so that a key missing here fails to compile; the check, the resource's props
 * and its secret outputs all come from it.
 */
export type OutputKind = "input" | "output" | "secret";
export type Fields<O> = { readonly [K in keyof Required<O>]: OutputKind };

/** `Output<…>` properties for every output, merged into a resource class by an interface of the same name. */
export type OutputProperties<O> = { readonly [K in keyof Required<O>]: pulumi.Output<O[K]> };

/** Every output named (Pulumi leaves a property unset unless it is in the props), then the arguments. */
export function resourceProps<O>(fields: Fields<O>, args: object): Record<string, unknown> {
  return { ...Object.fromEntries(Object.keys(fields).map((key) => [key, undefined])), ...args };
}

/** The caller's options, with the secret outputs added to `additionalSecretOutputs`. */
export function resourceOptions<O>(fields: Fields<O>, opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
  const secrets = Object.entries(fields).filter(([, kind]) => kind === "secret").map(([key]) => key);
  if (secrets.length === 0) return { ...opts };
  return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] };
}

/** The inputs that outputs carry (every key of kind "input" that is present), as they are. */
export function inputsIn<O>(fields: Fields<O>, outputs: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).filter(([key, value]) => value !== undefined && (fields as Record<string, OutputKind>)[key] === "input"));
}
