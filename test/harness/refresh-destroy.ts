// `pulumi refresh` and `pulumi destroy`: both work from state alone, with the __provider stored there.
import type { ProviderHost } from "./host";
import type { StackState } from "./state-file";
import type { Step } from "./steps";
import { DYNAMIC_PREFIX, deleteOne, remove } from "./up";
import { changedKeys } from "./values";

interface Ctx { host: ProviderHost; state: StackState; save(): void; steps: Step[] }

/** Read(id, old outputs, old inputs) for every resource; no id back means it is gone. */
export async function refreshAll(c: Ctx): Promise<void> {
  const resources = [...c.state.resources].sort((a, b) => a.order - b.order);
  const reads = await Promise.allSettled(
    resources.map((r) => (r.type.startsWith(DYNAMIC_PREFIX) ? c.host.read(r.id, r.urn, r.outputs, r.inputs) : undefined)),
  );
  const errors: string[] = [];
  resources.forEach((r, i) => {
    const read = reads[i]!;
    const base = { urn: r.urn, type: r.type, name: r.name, ...(r.id ? { id: r.id } : {}) };
    if (read.status === "rejected") {
      errors.push(`${r.type} resource '${r.name}': ${read.reason instanceof Error ? read.reason.message : String(read.reason)}`);
      return;
    }
    if (!read.value) return void c.steps.push({ op: "refresh-same", ...base });
    if (!read.value.id) {
      remove(c, r);
      return void c.steps.push({ op: "refresh-delete", ...base });
    }
    const changed = changedKeys(r.outputs, read.value.outputs);
    r.id = read.value.id;
    r.outputs = read.value.outputs;
    if (read.value.inputs) r.inputs = read.value.inputs;
    c.save();
    c.steps.push(changed.length ? { op: "refresh-update", ...base, changedKeys: changed } : { op: "refresh-same", ...base });
  });
  if (errors.length) throw new Error(errors.join("\n"));
}

/** Delete everything, dependents first (reverse deployment order), one at a time. */
export async function destroyAll(c: Ctx): Promise<void> {
  for (const r of [...c.state.resources].sort((a, b) => b.order - a.order)) {
    await deleteOne(c.host, r);
    remove(c, r);
    c.steps.push({ op: "delete", urn: r.urn, type: r.type, name: r.name, ...(r.id ? { id: r.id } : {}) });
  }
}
