import type { z } from "zod";
import type { CheckFailure } from "./check";
import type { ApiClient } from "./client";
import type { ServiceProfile } from "./profile";

/**
 * What the shared code (the import, the roster, the reference pages) knows about a service and its
 * resources: data each service folder declares once, read through `provider/registry.ts`. Nothing
 * outside a service's folder and that one list names a service.
 */

/** A resource's names: its class, its type token, and the package entry its `__provider` loads. */
export interface ResourceType {
  /** The class in programs, e.g. "AcmeUser". */
  kind: string;
  /** The token is `pulumi-nodejs:dynamic/<module>:<type>`. */
  module: string;
  type: string;
  /** The package subpath the host loads (`pulumi-saas-users/<loader>`); it never changes once released: state stores it. */
  loader: string;
}

export const typeToken = (t: ResourceType) => `pulumi-nodejs:dynamic/${t.module}:${t.type}`;

/** How an import lists one kind of object and declares each as this resource. */
export interface ListingRule {
  /** Every object of the account, each as the resource's inputs (before `adoptExisting` and `account`, which the import adds). */
  list(client: ApiClient): AsyncIterable<Record<string, unknown>>;
  /** What the resource name and the sort derive from (the username, the key, the email). */
  key(inputs: Record<string, unknown>): string;
  /** Inputs whose default is another input (a username defaulting to the email): written only when they differ from it. */
  implied?(inputs: Record<string, unknown>): Record<string, unknown>;
}

export interface ResourceEntry extends ResourceType {
  /** One line, for the README's index of resources. */
  summary: string;
  /** What the resource id is, in words. */
  id: string;
  /** The input schema: every input, its type and its default. */
  inputs: z.ZodObject;
  /** The inputs whose change replaces the resource (the others update in place); a unit test holds the diff to it. */
  replaces: readonly string[];
  /** The resource's own check, as its provider runs it on a first create. */
  check(news: Record<string, unknown>): { failures: CheckFailure[] };
  /** The resource's own diff (olds: outputs in state, news: checked inputs). */
  diff(olds: Record<string, unknown>, news: Record<string, unknown>): { replaces: string[] };
  /** How `pulumi-saas-users import` reads this kind of object; absent: not imported. */
  listing?: ListingRule;
}

export interface ServiceEntry {
  /** The service's name on command lines: `pulumi-saas-users import <name>`. */
  name: string;
  profile: ServiceProfile;
  /** In the order an import writes them (a corpus before the users whose roles name it). */
  resources: readonly ResourceEntry[];
  /** The resource that is a person's account in this service: what a roster declares per person. */
  personKind: string;
}

/** The default of each input that has one in the schema (`z.default`), as the check applies it. */
export function schemaDefaults(schema: z.ZodObject): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const def = (field as z.ZodType)._zod.def as { type: string; defaultValue?: unknown };
    if (def.type === "default") defaults[key] = typeof def.defaultValue === "function" ? (def.defaultValue as () => unknown)() : def.defaultValue;
  }
  return defaults;
}
