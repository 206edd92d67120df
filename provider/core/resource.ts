import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

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

// ---- A resource's `*Args` interface (what programs and IDEs see, with its JSDoc) against its input
// schema (what the check enforces): written twice, so held equal at compile time.

type Defined<T> = Exclude<T, undefined>;
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;

/**
 * Whether a value type `A` (an unwrapped arg) fits its schema: objects key for key (the same keys,
 * the same optional ones, each value fitting); lists item by item; anything else lies between what
 * the schema gives (`O`, `z.output`) and what it accepts (`I`, `z.input`), so an arg may be narrower
 * than the input where the schema normalises (an enum accepted in either case is a string to the schema).
 */
type Fits<A, I, O> =
  [A] extends [readonly (infer AE)[]]
    ? [I] extends [readonly (infer IE)[]] ? [O] extends [readonly (infer OE)[]] ? Fits<Defined<AE>, Defined<IE>, Defined<OE>> : false : false
    : [A] extends [Record<string, unknown>]
      ? [I] extends [Record<string, unknown>] ? [O] extends [Record<string, unknown>] ? ObjectFits<A, I, O> : false : false
      : [A] extends [I] ? ([O] extends [A] ? true : false) : false;
type ObjectFits<A, I, O> =
  SameKeys<A, I> extends false ? false
  : SameKeys<Pick<A, OptionalKeys<A>>, Pick<I, OptionalKeys<I>>> extends false ? false
  : false extends { [K in keyof A & keyof I & keyof O]-?: Fits<Defined<A[K]>, Defined<I[K]>, Defined<O[K]>> }[keyof A & keyof I & keyof O] ? false : true;

/** What differs between unwrapped args `A` and a schema's input `I` / output `O`: each entry names the keys concerned. */
type Differences<A, I, O> = {
  onlyInArgs: Exclude<keyof A, keyof I>;
  onlyInSchema: Exclude<keyof I, keyof A>;
  optionalOnlyInArgs: Exclude<OptionalKeys<A>, OptionalKeys<I>> & keyof I;
  optionalOnlyInSchema: Exclude<OptionalKeys<I>, OptionalKeys<A>> & keyof A;
  typeDiffers: { [K in keyof A & keyof I & keyof O]-?: Fits<Defined<A[K]>, Defined<I[K]>, Defined<O[K]>> extends true ? never : K }[keyof A & keyof I & keyof O];
};
type NonEmpty<T> = { [K in keyof T as [T[K]] extends [never] ? never : K]: T[K] } & {};

/**
 * `true` when a resource's args interface and its input schema declare the same inputs: the same
 * keys, the same optional ones (a schema default makes an input optional), and value types that
 * agree (`pulumi.Input` unwrapped, nested objects and lists compared the same way). Otherwise the
 * differences, by key, so that `const argsMatchInputs: ArgsMatch<FooArgs, typeof fooInputs> = true;`
 * fails to compile and says which keys differ.
 */
export type ArgsMatch<Args, Schema extends z.ZodType> =
  keyof NonEmpty<Differences<pulumi.Unwrap<Args>, z.input<Schema>, z.output<Schema>>> extends never
    ? true
    : NonEmpty<Differences<pulumi.Unwrap<Args>, z.input<Schema>, z.output<Schema>>>;
