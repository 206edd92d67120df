// `pulumi up` / `pulumi preview`: the step generator (pkg/resource/deploy/step_generator.go) reduced to
// what dynamic resources need. Each registration is handled as it arrives, concurrently, like the engine.
import type { ProviderHost } from "./host";
import { ResourceInitError } from "./errors";
import type { RegisterMessage } from "./ipc";
import { urnOf, type ResourceState, type StackState } from "./state-file";
import type { Step } from "./steps";
import { changedKeys, deepEqual, wrapSecret, type Props } from "./values";

export const DYNAMIC_PREFIX = "pulumi-nodejs:dynamic";

export interface Deployment {
  host: ProviderHost;
  state: StackState;
  save(): void;
  project: string;
  stack: string;
  preview: boolean;
  steps: Step[];
  /** Registration failures, CLI-style; any of them fails the update. */
  failures: string[];
  seen: Set<string>;
}

type Answer = { id: string; state: Props };

export async function register(d: Deployment, m: RegisterMessage): Promise<Answer> {
  const urn = urnOf(d.stack, d.project, m.type, m.name);
  try {
    if (d.seen.has(urn)) throw new Error(`Duplicate resource URN '${urn}'`);
    d.seen.add(urn);
    const old = d.state.resources.find((r) => r.urn === urn && !r.pendingDelete);
    if (!m.type.startsWith(DYNAMIC_PREFIX)) return echo(d, m, urn, old);
    if (m.id) return await readExternal(d, m, urn, old);
    if (m.importId && !old) return await importExisting(d, m, urn);
    const answer = old ? await registerExisting(d, m, urn, old) : await registerNew(d, m, urn);
    keepOptions(d, urn, m);
    return answer;
  } catch (e) {
    d.failures.push(`${m.type} resource '${m.name}': ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

/**
 * `Resource.get(name, id)`: ReadResource. The engine calls Read with no prior outputs and the
 * registration's inputs, which carry __provider (the host falls back to them). `pulumi import`
 * still cannot work for dynamic resources (pulumi#3550): it has no __provider to call.
 */
async function readExternal(d: Deployment, m: RegisterMessage, urn: string, old: ResourceState | undefined): Promise<Answer> {
  const read = await d.host.read(m.id!, urn, {}, m.inputs);
  if (!read.id) throw new Error(`resource '${m.id}' does not exist`);
  if (!d.preview) put(d, old, { urn, type: m.type, name: m.name, id: read.id, inputs: m.inputs, outputs: read.outputs, secretOutputKeys: m.secretKeys, custom: true, external: true, order: 0 });
  record(d, { op: "read" }, m, urn, read.id);
  return { id: read.id, state: programState(read.outputs, m.secretKeys) };
}

/**
 * The `import` option. The engine's ImportStep Reads the resource by id with no state and no
 * inputs, so the dynamic-provider host has no `__provider` to load and fails ("code must be a
 * string, not undefined"): dynamic resources cannot be imported (pulumi#3550). The host fails here the same way.
 */
async function importExisting(d: Deployment, m: RegisterMessage, urn: string): Promise<Answer> {
  await d.host.read(m.importId!, urn, {}, {});
  throw new Error(`the host imported ${m.importId}, which the harness does not model`);
}

/** Options the engine keeps in state with the resource, whatever the step. */
function keepOptions(d: Deployment, urn: string, m: RegisterMessage): void {
  const r = d.state.resources.find((x) => x.urn === urn && !x.pendingDelete);
  if (d.preview || !r) return;
  r.protect = m.protect || undefined;
  r.retainOnDelete = m.retainOnDelete || undefined;
  d.save();
}

/**
 * A delete step (step.go DeleteStep): a protected resource fails it, unless it is the old half of a
 * replacement; `retainOnDelete` drops the resource without calling the provider; resources read
 * with `get` are never deleted.
 */
export async function deleteOne(host: ProviderHost, r: ResourceState, { replacing = false } = {}): Promise<void> {
  if (r.protect && !replacing) {
    throw new Error(`resource "${r.urn}" cannot be deleted\nbecause it is protected. To unprotect the resource, either remove the \`protect\` flag from the resource in your Pulumi program and run \`pulumi up\`, or use the command:\n\`pulumi state unprotect '${r.urn}'\``);
  }
  if (r.type.startsWith(DYNAMIC_PREFIX) && !r.external && !r.retainOnDelete) await host.delete(r.id, r.urn, r.outputs, r.inputs);
}

async function check(d: Deployment, urn: string, olds: Props, news: Props): Promise<Props> {
  const { inputs, failures } = await d.host.check(urn, olds, news);
  if (failures.length) throw new Error(failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
  return inputs;
}

async function registerNew(d: Deployment, m: RegisterMessage, urn: string): Promise<Answer> {
  const inputs = await check(d, urn, {}, m.inputs);
  if (d.preview) return preview(d, { op: "create" }, m, urn, inputs);
  return create(d, m, urn, inputs, { op: "create" });
}

async function registerExisting(d: Deployment, m: RegisterMessage, urn: string, old: ResourceState): Promise<Answer> {
  const inputs = await check(d, urn, old.inputs, m.inputs);
  const diff = await d.host.diff(old.id, urn, old.outputs, inputs, old.inputs);
  const changed = changedKeys(old.inputs, inputs);
  // Unknown → the engine diffs inputs itself; a resource with init errors is always updated.
  let changes = diff.changes === "unknown" ? (changed.length ? "some" : "none") : diff.changes;
  if (old.initErrors?.length) changes = "some";

  if (diff.replaces.length) {
    const step: Omit<Step, "urn" | "type" | "name"> = { op: "replace", changedKeys: changed, replaceKeys: diff.replaces };
    // A replacement is checked afresh, with no olds (step_generator.go), so defaults are recomputed.
    const fresh = await check(d, urn, {}, m.inputs);
    if (d.preview) return preview(d, step, m, urn, fresh);
    if (diff.deleteBeforeReplace) {
      await deleteOne(d.host, old, { replacing: true });
      remove(d, old);
      return create(d, m, urn, fresh, step);
    }
    try {
      return await create(d, m, urn, fresh, step);
    } finally {
      // Once a replacement exists, the old resource waits for deletion until the program finishes.
      if (d.state.resources.some((r) => r.urn === urn && r !== old)) {
        old.pendingDelete = true;
        d.save();
      }
    }
  }
  if (changes === "none") {
    old.order = d.state.nextOrder++;
    d.save();
    record(d, { op: "same" }, m, urn, old.id);
    return { id: old.id, state: programState(old.outputs, old.secretOutputKeys) };
  }
  const step = { op: "update" as const, changedKeys: changed };
  if (d.preview) return preview(d, step, m, urn, inputs, old.id);
  try {
    const { outputs } = await d.host.update(old.id, urn, old.outputs, inputs, old.inputs);
    put(d, old, { ...old, inputs, outputs, secretOutputKeys: m.secretKeys, initErrors: undefined });
    record(d, step, m, urn, old.id);
    return { id: old.id, state: programState(outputs, m.secretKeys) };
  } catch (e) {
    if (e instanceof ResourceInitError) {
      put(d, old, { ...old, inputs, outputs: e.outputs, secretOutputKeys: m.secretKeys, initErrors: e.reasons });
      record(d, step, m, urn, old.id);
    }
    throw e;
  }
}

async function create(d: Deployment, m: RegisterMessage, urn: string, inputs: Props, step: Omit<Step, "urn" | "type" | "name">): Promise<Answer> {
  const base = { urn, type: m.type, name: m.name, inputs, secretOutputKeys: m.secretKeys, custom: true };
  try {
    const { id, outputs } = await d.host.create(urn, inputs);
    put(d, undefined, { ...base, id, outputs, order: 0 });
    record(d, step, m, urn, id);
    return { id, state: programState(outputs, m.secretKeys) };
  } catch (e) {
    // "Created but failed to initialize": the engine keeps exactly what the error carried (step.go).
    if (e instanceof ResourceInitError) {
      put(d, undefined, { ...base, id: e.id, outputs: e.outputs, order: 0, initErrors: e.reasons });
      record(d, step, m, urn, e.id);
    }
    throw e;
  }
}

/** Components and resources of other packages: no provider here, so outputs echo inputs. */
function echo(d: Deployment, m: RegisterMessage, urn: string, old: ResourceState | undefined): Answer {
  const id = m.custom ? old?.id || m.id || `${m.name}_id` : "";
  const op = !old ? "create" : deepEqual(old.inputs, m.inputs) ? "same" : "update";
  const next = { urn, type: m.type, name: m.name, id, inputs: m.inputs, outputs: m.inputs,
    secretOutputKeys: m.secretKeys, custom: m.custom, order: 0 };
  if (!d.preview) put(d, old, next);
  record(d, { op, ...(op === "update" ? { changedKeys: changedKeys(old!.inputs, m.inputs) } : {}) }, m, urn, id || undefined);
  return { id, state: programState(m.inputs, m.secretKeys) };
}

/** Preview applies nothing: a new or changed resource's outputs are its checked inputs, its id unknown. */
function preview(d: Deployment, step: Omit<Step, "urn" | "type" | "name">, m: RegisterMessage, urn: string, inputs: Props, id = ""): Answer {
  record(d, step, m, urn, id || undefined);
  return { id, state: programState(inputs, m.secretKeys) };
}

function record(d: Deployment, step: Omit<Step, "urn" | "type" | "name">, m: RegisterMessage, urn: string, id?: string): void {
  d.steps.push({ ...step, urn, type: m.type, name: m.name, ...(id ? { id } : {}) });
}

function put(d: Deployment, old: ResourceState | undefined, next: ResourceState): void {
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as unknown as ResourceState;
  clean.order = d.state.nextOrder++;
  d.state.resources = d.state.resources.filter((r) => r !== old).concat(clean);
  d.save();
}

export function remove(d: Pick<Deployment, "state" | "save">, r: ResourceState): void {
  d.state.resources = d.state.resources.filter((x) => x !== r);
  d.save();
}

/** Outputs as the engine returns them to the program: keys that were secret inputs stay secret. */
function programState(outputs: Props, secretKeys: string[]): Props {
  return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, secretKeys.includes(k) ? wrapSecret(v) : v]));
}

/** After the program: delete what it no longer registers and the old halves of replacements. */
export async function deleteLeftovers(d: Deployment): Promise<void> {
  const doomed = d.state.resources
    .filter((r) => r.pendingDelete || !d.seen.has(r.urn))
    .sort((a, b) => b.order - a.order);
  for (const r of doomed) {
    const replaced = r.pendingDelete && d.seen.has(r.urn);
    if (!replaced) d.steps.push({ op: "delete", urn: r.urn, type: r.type, name: r.name, ...(r.id ? { id: r.id } : {}) });
    if (d.preview) continue;
    await deleteOne(d.host, r, { replacing: replaced });
    remove(d, r);
  }
}
