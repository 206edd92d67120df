import { ServiceConnections } from "../core/connection";
import { schemaDefaults, type ResourceEntry, type ServiceEntry } from "../core/registry";

/**
 * What an import reads from one account: each object a resource of the service lists (users,
 * corpora, …) as that resource's inputs (adoptExisting: true), or, when the resource's own check
 * refuses those inputs, the object's key and why. Only inputs are declared: server-assigned
 * fields (ids, times, status) and secrets never are. Nothing here names a service: the
 * registry's entries say what to list and how.
 */

export interface Declared {
  /** The resource class in the program. */
  kind: string;
  /** What the resource name derives from: the corpus key, the username, or the email where that is the key. */
  key: string;
  args: Record<string, unknown>;
}

export interface Refused { kind: string; key: string; reasons: string[] }

export interface Listing {
  service: ServiceEntry;
  declared: Declared[];
  refused: Refused[];
}

/** The kinds a service's import declares, in registry order. */
export const importedKinds = (service: ServiceEntry): string[] => service.resources.filter((r) => r.listing).map((r) => r.kind);

/** Empty, and equal, lists and objects count as equal; JSON is enough for input values. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The inputs a program writes for one listed object: the schema's inputs in its order, without
 * the unset, empty lists, schema defaults and values implied by another input, so that the
 * program reads as the account does. `base` (account, adoptExisting) comes first.
 */
export function declaredArgs(entry: ResourceEntry, inputs: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const defaults = schemaDefaults(entry.inputs);
  const implied = entry.listing?.implied?.(inputs) ?? {};
  const args: Record<string, unknown> = { ...base };
  for (const key of Object.keys(entry.inputs.shape)) {
    const value = inputs[key];
    if (key in base || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if ((key in defaults && same(value, defaults[key])) || (key in implied && same(value, implied[key]))) continue;
    args[key] = value;
  }
  return args;
}

function judged(entry: ResourceEntry, inputs: Record<string, unknown>, base: Record<string, unknown>): Declared | Refused {
  const key = entry.listing!.key(inputs);
  const args = declaredArgs(entry, inputs, base);
  const { failures } = entry.check(args);
  return failures.length === 0 ? { kind: entry.kind, key, args } : { kind: entry.kind, key, reasons: failures.map((f) => `${f.property}: ${f.reason}`) };
}

/**
 * Lists one account with the providers' own settings code: no stack config exists outside a
 * program, so the environment (VECTARA_API_KEY, CONNECT_SERVER, ARIZE_API_KEY, …) supplies them.
 */
export async function listAccount(service: ServiceEntry, opts: { account?: string; env?: NodeJS.ProcessEnv; onItem?: (n: number) => void } = {}): Promise<Listing> {
  const connections = new ServiceConnections(service.profile);
  connections.configure(undefined, silentLogger, opts.env ?? process.env);
  const listing: Listing = { service, declared: [], refused: [] };
  const base = { ...(opts.account !== undefined && { account: opts.account }), adoptExisting: true };
  try {
    let n = 0;
    for (const entry of service.resources) {
      if (!entry.listing) continue;
      for await (const inputs of entry.listing.list(connections.client(opts.account))) {
        const item = judged(entry, inputs, base);
        if ("args" in item) listing.declared.push(item);
        else listing.refused.push(item);
        opts.onItem?.(++n);
      }
    }
  } finally {
    await connections.close();
  }
  // By kind in registry order (corpora before users), then by key: code points, not locale, so every machine agrees.
  const order = importedKinds(service);
  const byKey = <T extends { kind: string; key: string }>(a: T, b: T) =>
    a.kind !== b.kind ? order.indexOf(a.kind) - order.indexOf(b.kind) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  listing.declared.sort(byKey);
  listing.refused.sort(byKey);
  return listing;
}

const silentLogger = { debug: () => undefined, warn: () => undefined };
