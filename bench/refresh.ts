// P2 (refresh) and P5 (state): a 1,000-user stack made by a real `up` of the users fixture through
// the harness, then refresh bursts: every resource's Read sent to the host at once, as the harness's
// refreshAll (and the engine) issue them.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { VectaraEmulator } from "../emulator/vectara/server";
import { Stack, type ResourceState } from "../test/harness/engine";
import { programDir, repo, stackConfig, startHost } from "./env";
import { providerSource, type Variant } from "./serialize";
import { timed } from "./stats";

const fixtureProject = "vectara-users-quickstart";
const usersProgram = () => path.join(repo, "dist/test/harness/fixtures/users/index.js");

export interface StackUnderTest {
  stack: Stack;
  dir: string;
  resources: ResourceState[];
  upMs: number;
  stateBytes: number;
  providerBytes: number;
}

export async function upStack(emulator: VectaraEmulator, users: number): Promise<StackUnderTest> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-bench-"));
  const declared = Object.fromEntries(Array.from({ length: users }, (_, i) => [`u${i}`, { email: `u${String(i).padStart(4, "0")}@example.com`, apiRoles: ["viewer"] }]));
  const { config, secretKeys } = stackConfig(emulator);
  const stack = new Stack({ stateDir: dir, project: fixtureProject, stack: "bench", secretConfigKeys: secretKeys,
    config: { ...config, [`${fixtureProject}:users`]: JSON.stringify(declared) } });
  const { ms, value } = await timed(() => stack.up(usersProgram(), { programDir }));
  if (value.error) throw new Error(`up of ${users} users failed: ${value.error.slice(0, 2000)}`);
  const resources = stack.state().resources;
  return {
    stack, dir, resources, upMs: ms,
    stateBytes: fs.statSync(path.join(dir, "state.json")).size,
    providerBytes: Buffer.byteLength(String(resources[0]?.inputs.__provider)),
  };
}

export interface RefreshRun { wallMs: number; calls: number; failures: number; wrong: number }

/**
 * One refresh burst against `resources`, after changing a few users out of band (edits and deletes):
 * every answer is checked against the emulator, so a fast but stale read counts as `wrong`.
 */
export async function refreshBurst(variant: Variant, emulator: VectaraEmulator, resources: ResourceState[]): Promise<RefreshRun> {
  const { host, provider } = await startHost(variant, emulator);
  try {
    const withProvider = (p: Record<string, unknown>) => ({ ...p, __provider: provider });
    await host.check(resources[0]!.urn, {}, withProvider({ email: "warm@example.com" }));
    const edited = resources.filter((_, i) => i % 97 === 5).map((r) => r.id);
    const deleted = resources.filter((_, i) => i % 211 === 7).map((r) => r.id);
    const stamp = `edited ${Date.now()}`;
    for (const id of edited) emulator.patchUser(id, { description: stamp });
    for (const id of deleted) emulator.deleteUser(id);
    const before = emulator.requests.length;
    const { ms, value: reads } = await timed(() =>
      Promise.allSettled(resources.map((r) => host.read(r.id, r.urn, withProvider(r.outputs), withProvider(r.inputs)))));
    const calls = emulator.requests.length - before;
    let failures = 0;
    let wrong = 0;
    reads.forEach((read, i) => {
      const id = resources[i]!.id;
      if (read.status === "rejected") return void failures++;
      const gone = deleted.includes(id);
      if (gone !== (read.value.id === undefined)) wrong++;
      else if (!gone && (read.value.outputs.description === stamp) !== edited.includes(id)) wrong++;
    });
    // Put the deleted users back, so that every run refreshes the same stack.
    for (const id of deleted) emulator.seedUser({ email: id, username: id, api_roles: ["viewer"] });
    for (const id of edited) emulator.patchUser(id, { description: "" });
    return { wallMs: ms, calls, failures, wrong };
  } finally {
    await host.stop();
  }
}

/** The whole `refresh` command through the harness (host start, reads, one state write per resource). */
export async function stackRefresh(emulator: VectaraEmulator, s: StackUnderTest): Promise<{ wallMs: number; calls: number; error?: string }> {
  const before = emulator.requests.length;
  const { ms, value } = await timed(() => s.stack.refresh({ programDir }));
  return { wallMs: ms, calls: emulator.requests.length - before, ...(value.error ? { error: value.error.slice(0, 500) } : {}) };
}

export async function referenceProviderBytes(variant: Variant = "reference"): Promise<number> {
  return Buffer.byteLength(await providerSource(variant));
}
