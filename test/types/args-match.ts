// Compile-time checks of ArgsMatch (provider/core/resource.ts), run by `npm run typecheck`: it holds
// each resource's `*Args` interface to its input schema. Each mismatch below must fail to compile;
// `@ts-expect-error` fails the typecheck if it does not, so a check that never fails fails here.
// Never executed.
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { ArgsMatch } from "../../provider/core/resource";

export const inputs = z.strictObject({
  email: z.email(),
  name: z.string().optional(),
  enabled: z.boolean().default(true),
  role: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(["ADMIN", "MEMBER"])).default("MEMBER"),
  kinds: z.array(z.enum(["a", "b"])).default([]),
  corpusRoles: z.array(z.strictObject({ corpusKey: z.string(), role: z.enum(["owner", "viewer"]) })).default([]),
});

interface Good {
  email: pulumi.Input<string>;
  name?: pulumi.Input<string>;
  enabled?: pulumi.Input<boolean>;
  role?: pulumi.Input<"ADMIN" | "MEMBER" | "admin" | "member">;
  kinds?: pulumi.Input<pulumi.Input<"a" | "b">[]>;
  corpusRoles?: pulumi.Input<pulumi.Input<{ corpusKey: pulumi.Input<string>; role: pulumi.Input<"owner" | "viewer"> }>[]>;
}
export const good: ArgsMatch<Good, typeof inputs> = true;

// @ts-expect-error a key the schema does not have
export const extraKey: ArgsMatch<Good & { nickname?: pulumi.Input<string> }, typeof inputs> = true;
// @ts-expect-error a key of the schema missing from the args
export const missingKey: ArgsMatch<Omit<Good, "name">, typeof inputs> = true;
// @ts-expect-error optional in the args, required by the schema
export const optionalInArgs: ArgsMatch<Omit<Good, "email"> & { email?: pulumi.Input<string> }, typeof inputs> = true;
// @ts-expect-error required in the args, optional (a default) in the schema
export const requiredInArgs: ArgsMatch<Omit<Good, "enabled"> & { enabled: pulumi.Input<boolean> }, typeof inputs> = true;
// @ts-expect-error another type
export const otherType: ArgsMatch<Omit<Good, "enabled"> & { enabled?: pulumi.Input<string> }, typeof inputs> = true;
// @ts-expect-error wider than the schema accepts
export const wider: ArgsMatch<Omit<Good, "name"> & { name?: pulumi.Input<string | number> }, typeof inputs> = true;
// @ts-expect-error narrower than the schema gives (a value the schema produces that the args refuse)
export const narrower: ArgsMatch<Omit<Good, "role"> & { role?: pulumi.Input<"ADMIN"> }, typeof inputs> = true;
// @ts-expect-error a list of another item
export const listItem: ArgsMatch<Omit<Good, "kinds"> & { kinds?: pulumi.Input<pulumi.Input<"a" | "c">[]> }, typeof inputs> = true;
// @ts-expect-error a list where the schema has one value
export const listForValue: ArgsMatch<Omit<Good, "name"> & { name?: pulumi.Input<pulumi.Input<string>[]> }, typeof inputs> = true;
// @ts-expect-error a nested object with a key the schema's does not have
export const nestedExtra: ArgsMatch<Omit<Good, "corpusRoles"> & { corpusRoles?: pulumi.Input<pulumi.Input<{ corpusKey: pulumi.Input<string>; role: pulumi.Input<"owner" | "viewer">; note?: pulumi.Input<string> }>[]> }, typeof inputs> = true;
// @ts-expect-error a nested object with an optional key the schema requires
export const nestedOptional: ArgsMatch<Omit<Good, "corpusRoles"> & { corpusRoles?: pulumi.Input<pulumi.Input<{ corpusKey?: pulumi.Input<string>; role: pulumi.Input<"owner" | "viewer"> }>[]> }, typeof inputs> = true;

