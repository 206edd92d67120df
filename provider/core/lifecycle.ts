import type * as pulumi from "@pulumi/pulumi";
import { hasCode, type ApiError } from "./errors";
import type { Logger } from "./log";

/**
 * What HTTP answers mean to Pulumi, written once for every resource (STYLE: "map HTTP meaning to
 * Pulumi meaning in one visible place"):
 *   adoptExisting, and it exists      → adopted after one lookup, no write (an import's `up` only reads)
 *   create refused because it exists → our own lost create, adoption, or an error naming adoptExisting;
 *                                      when nothing has its key, the holder of another unique field, named
 *   create applied, converge failed  → "created but failed to initialize" (kept in state, not orphaned)
 *   read 404                         → gone: refresh drops it, with a warning
 *   delete 404                       → already done
 *   delete policies                  → "retain" does nothing; any other runs its action, 404 → done
 */

export interface CreateSpec<R> {
  /** Names the resource in messages: "Acme user alice". */
  what: string;
  adoptExisting: boolean;
  create(): Promise<R>;
  /** Whether a failed create may mean "it exists" (the API's status for a duplicate). */
  mayExist(error: unknown): boolean;
  /** The existing resource (rejects with NOT_FOUND when there is none). */
  find(): Promise<R>;
  /** Our own create, applied by an earlier attempt whose answer was lost (see ApiError.ambiguous). */
  isOurs(existing: R): boolean;
  /** Why this existing resource cannot be taken over, if it cannot. */
  refuseAdoption?(existing: R): { message: string; hint: string } | undefined;
  /** How to go on: "set adoptExisting: true to take over …, or choose another …". */
  conflictHint: string;
  /** When the create said "exists" yet the lookup found nothing. */
  notFoundHint: string;
  /** What that means, when the service says (e.g. "the name was used before and can never be used again"). */
  notFoundMessage?: string;
  /**
   * When the create said "exists" yet the lookup by key found nothing, another unique field may be
   * taken (an email): the service finds the resource that holds it, and says how to go on. Reads only.
   */
  heldByAnother?(failed: ApiError): Promise<{ message: string; hint: string } | undefined>;
}

/** Creates, or takes over what exists when that is ours or adoption is asked for. */
export async function createOrAdopt<R>(spec: CreateSpec<R>): Promise<{ resource: R; created: boolean }> {
  if (spec.adoptExisting) {
    const found = await findIfAny(spec);
    // A refusal is raised by the create below, as when adoption was not asked for, with the create's status.
    if (found !== undefined && !spec.refuseAdoption?.(found)) return { resource: found, created: false };
  }
  try {
    return { resource: await spec.create(), created: true };
  } catch (error) {
    if (!spec.mayExist(error)) throw error;
    return { resource: await existing(spec, error as ApiError), created: false };
  }
}

async function findIfAny<R>(spec: CreateSpec<R>): Promise<R | undefined> {
  try {
    return await spec.find();
  } catch (error) {
    if (hasCode(error, "NOT_FOUND")) return undefined;
    throw error;
  }
}

async function existing<R>(spec: CreateSpec<R>, failed: ApiError): Promise<R> {
  let found: R;
  try {
    found = await spec.find();
  } catch (lookup) {
    if (!hasCode(lookup, "NOT_FOUND")) throw lookup;
    const held = await spec.heldByAnother?.(failed);
    if (held) throw failed.with({ code: "CONFLICT", hint: held.hint }, held.message);
    throw failed.with({ hint: spec.notFoundHint }, spec.notFoundMessage);
  }
  if (failed.ambiguous && spec.isOurs(found)) return found;
  if (!spec.adoptExisting) {
    throw failed.with({ code: "CONFLICT", hint: spec.conflictHint }, `${spec.what} already exists (${failed.method} ${failed.path} answered ${failed.status})`);
  }
  const refusal = spec.refuseAdoption?.(found);
  if (refusal) throw failed.with({ code: "CONFLICT", hint: refusal.hint }, refusal.message);
  return found;
}

/**
 * The resource exists but converging it failed: the engine keeps it in state ("created but failed
 * to initialize") instead of orphaning it. The host stores `properties` as given, without adding
 * `__provider`; without it a later read or delete of this resource could not load the provider.
 */
export function partialCreate(id: string, outs: object, inputs: object, summary: string, error: unknown): Error {
  const reason = (error as Error).message;
  const properties = { ...outs, __provider: (inputs as { __provider?: unknown }).__provider };
  return Object.assign(new Error(`${summary}: ${reason}`), { id, properties, reasons: [reason] });
}

/** A read whose 404 means the resource is gone: undefined, after a warning. */
export async function readOrGone<T>(logger: Logger, what: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!hasCode(error, "NOT_FOUND")) throw error;
    logger.warn(`${what} no longer exists; refresh removes it from the stack`);
    return undefined;
  }
}

/** A removal whose 404 means it is already done. */
export async function doneIfGone(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!hasCode(error, "NOT_FOUND")) throw error;
  }
}

/** Runs the delete policy kept in state: "retain" does nothing; the others their action, 404 → done. */
export async function applyDeletePolicy<P extends string>(policy: P, actions: Record<Exclude<P, "retain">, () => Promise<unknown>>): Promise<void> {
  if (policy === "retain") return;
  await doneIfGone(actions[policy as Exclude<P, "retain">]);
}

/** A resource's pure decisions, as its logic module exports them. */
export interface PureLogic {
  check(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: { property: string; reason: string }[] };
  diff(olds: Record<string, unknown>, news: Record<string, unknown>): { changes: boolean; replaces: string[]; deleteBeforeReplace?: boolean };
}

/**
 * `check` and `diff` of a provider, straight from its pure logic (the engine needs no more of the
 * diff). `always` fixes deleteBeforeReplace for a resource whose every replacement needs it (or none).
 */
export function pureMethods(logic: PureLogic, always?: { deleteBeforeReplace: boolean }): Required<Pick<pulumi.dynamic.ResourceProvider, "check" | "diff">> {
  return {
    check: async (_olds, news) => logic.check(news),
    diff: async (_id, olds, news) => {
      const { changes, replaces, deleteBeforeReplace } = logic.diff(olds, news);
      return { changes, replaces, deleteBeforeReplace: always?.deleteBeforeReplace ?? deleteBeforeReplace ?? false };
    },
  };
}

/**
 * What a refresh records as the resource's inputs, written once for every resource. The provider
 * host hands `read` only the outputs in state, and inputs that `read` returns replace the inputs
 * in state; the CLI's `preview --diff` of an update lists the keys where the inputs in state differ
 * from the program's (the host passes on no list of changed keys). So:
 *   no drift (or a read from an id alone) → no inputs: the inputs in state stay exactly as they were;
 *   drift    → the inputs the old outputs imply, with each key the resource's own diff finds
 *              changed (its `updates` and `replaces`) set to the server's value, or removed when
 *              the server reports none. The next preview then lists exactly those keys.
 */
export interface DriftLogic {
  /** The inputs that a resource's outputs imply: what the program said, as far as the outputs keep it. */
  inputsOf(outputs: Record<string, unknown>): Record<string, unknown>;
  /** The resource's diff (olds: outputs; news: checked inputs), of which only the keys are used. */
  diff(olds: Record<string, unknown>, news: Record<string, unknown>): { replaces: string[]; updates: string[] };
}

/** The inputs a refresh records (undefined: leave them as they are), from the outputs before and after it. */
export function refreshedInputs(logic: DriftLogic, before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> | undefined {
  const inputs = logic.inputsOf(before);
  // Outputs that carry no inputs: a read from an id alone (`Resource.get`), with no program inputs to compare.
  if (Object.keys(inputs).length === 0) return undefined;
  const { replaces, updates } = logic.diff(after, inputs);
  const drifted = [...new Set([...replaces, ...updates])];
  if (drifted.length === 0) return undefined;
  const server = logic.inputsOf(after);
  for (const key of drifted) {
    if (Object.hasOwn(server, key)) inputs[key] = server[key];
    else delete inputs[key];
  }
  return inputs;
}

/** A read's answer: the new outputs, and the inputs a refresh records when it saw drift (see DriftLogic). */
export function readResult<O extends object>(logic: DriftLogic, id: string, before: object, outs: O): { id: string; props: O; inputs?: Record<string, unknown> } {
  const inputs = refreshedInputs(logic, before as Record<string, unknown>, outs as Record<string, unknown>);
  return inputs ? { id, props: outs, inputs } : { id, props: outs };
}
