// P1: create → read → update → delete of N users through the real provider host, `width` operations
// in flight like the engine's step executor, each phase the gRPC calls the engine makes for it:
//   up (create)   Check(olds={}, news) → Create(checked)
//   refresh       Read(id, outputs, inputs)
//   up (update)   Check(old inputs, news) → Diff(id, outputs, checked, old inputs) → Update(...)
//   destroy       Delete(id, outputs, inputs)
import * as fs from "node:fs";
import * as http from "node:http";
import type { ProviderHost } from "../test/harness/host";
import type { Props } from "../test/harness/values";
import type { VectaraEmulator } from "../emulator/vectara/server";
import { startHost, urnOf, type HostTweaks } from "./env";
import type { Variant } from "./serialize";
import { pool, timed } from "./stats";

export interface LifecycleRun {
  wallMs: number;
  phases: Record<Phase, number>;
  requests: number;
  /** CPU time (user + system) of the provider host per phase, where /proc tells it. */
  hostCpu?: Record<Phase, number>;
  /** CPU time of this process (gRPC client and emulator) per phase. */
  benchCpu?: Record<Phase, number>;
  /** Each phase's start and end on the monotonic clock every process shares (µs), to slice a CPU profile by. */
  windows?: Record<Phase, [number, number]>;
  /** The lifecycle run again on the same (now warm) host, when asked for. */
  second?: LifecycleRun;
}
export type Phase = "create" | "read" | "update" | "delete";

interface Slot { name: string; urn: string; id: string; inputs: Props; outputs: Props }

export const userName = (i: number) => `user${String(i).padStart(4, "0")}`;
const userInputs = (i: number, description: string) => ({ email: `${userName(i)}@example.com`, description });

/**
 * One host per run, started, configured and warmed (one Check, which loads the provider, and one
 * Read of a missing user, which loads what a first request needs) before the clock starts. The first lifecycle is the run; with `second`, the same host then runs the
 * lifecycle again (`second` of the result): the difference is what a fresh host pays once.
 */
export async function runLifecycle(variant: Variant, emulator: VectaraEmulator, users: number, width: number,
  { second = false, ...tweaks }: HostTweaks & { second?: boolean } = {}): Promise<LifecycleRun> {
  const { host, provider } = await startHost(variant, emulator, tweaks);
  try {
    // Loads the provider (a Check) and what its first request loads (a Read of a user that does
    // not exist: for VectaraUser, undici and the first connection), so that the phases measure the
    // lifecycle and not the provider's start, which the cold-start figures (C1, C2) measure.
    await host.check(urnOf("warmup"), {}, { ...userInputs(-1, "warm"), __provider: provider });
    const missing = userName(-1);
    if ((await host.read(missing, urnOf(missing), { __provider: provider }, { ...userInputs(-1, "warm"), __provider: provider })).id) throw new Error(`${variant}: warm-up read found ${missing}`);
    const first = await lifecycle(variant, host, provider, emulator, users, width);
    return second ? { ...first, second: await lifecycle(variant, host, provider, emulator, users, width) } : first;
  } finally {
    await host.stop();
  }
}

async function lifecycle(variant: Variant, host: ProviderHost, provider: string, emulator: VectaraEmulator, users: number, width: number): Promise<LifecycleRun> {
  const before = emulator.requests.length;
  const slots: Slot[] = Array.from({ length: users }, (_, i) => ({ name: userName(i), urn: urnOf(userName(i)), id: "", inputs: {}, outputs: {} }));
  const phases = {} as Record<Phase, number>;
  const hostCpu = {} as Record<Phase, number>;
  const benchCpu = {} as Record<Phase, number>;
  const windows = {} as Record<Phase, [number, number]>;
  const micros = () => Number(process.hrtime.bigint() / 1000n);
  const pid = (host as unknown as { child: { pid?: number } }).child.pid;
  const phase = async (name: Phase, task: (s: Slot, i: number) => Promise<void>) => {
    const [h0, b0, w0] = [cpuOf(pid), process.cpuUsage(), micros()];
    phases[name] = (await timed(() => pool(slots, width, task))).ms;
    windows[name] = [w0, micros()];
    const b = process.cpuUsage(b0);
    hostCpu[name] = cpuOf(pid) - h0;
    benchCpu[name] = (b.user + b.system) / 1000;
  };
  const wall = await timed(async () => {
    await phase("create", async (s, i) => {
      s.inputs = (await host.check(s.urn, {}, { ...userInputs(i, "v1"), __provider: provider })).inputs;
      const created = await host.create(s.urn, s.inputs);
      s.id = created.id;
      s.outputs = created.outputs;
    });
    await phase("read", async (s) => {
      const read = await host.read(s.id, s.urn, s.outputs, s.inputs);
      if (read.id !== s.id) throw new Error(`read of ${s.id} lost the resource`);
      s.outputs = read.outputs;
    });
    await phase("update", async (s, i) => {
      const news = (await host.check(s.urn, s.inputs, { ...userInputs(i, "v2"), __provider: provider })).inputs;
      const diff = await host.diff(s.id, s.urn, s.outputs, news, s.inputs);
      if (diff.replaces.length) throw new Error(`unexpected replace of ${s.id}`);
      s.outputs = (await host.update(s.id, s.urn, s.outputs, news, s.inputs)).outputs;
      s.inputs = news;
    });
    await phase("delete", (s) => host.delete(s.id, s.urn, s.outputs, s.inputs));
  });
  if (emulator.users().length !== 0) throw new Error(`${variant}: ${emulator.users().length} users left after delete`);
  return { wallMs: wall.ms, phases, requests: emulator.requests.length - before, benchCpu, windows, ...(Number.isNaN(hostCpu.create) ? {} : { hostCpu }) };
}

/** The same requests, at the same parallelism, from a bare keep-alive HTTP loop: no host, no gRPC, no provider. */
export async function runBareLoop(emulator: VectaraEmulator, users: number, width: number): Promise<LifecycleRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: width });
  const base = new URL(emulator.url);
  const send = (method: string, path: string, body?: unknown) =>
    new Promise<void>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request({ agent, host: base.hostname, port: base.port, method, path,
        headers: { "x-api-key": emulator.apiKey, accept: "application/json", ...(payload ? { "content-type": "application/json" } : {}) } }, (res) => {
        res.resume();
        res.on("end", () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`${method} ${path}: ${res.statusCode}`))));
      });
      req.on("error", reject);
      req.end(payload);
    });
  const indexes = Array.from({ length: users }, (_, i) => i);
  const path = (i: number) => `/v2/users/${encodeURIComponent(`${userName(i)}@example.com`)}`;
  const before = emulator.requests.length;
  const phases = {} as Record<Phase, number>;
  try {
    const wall = await timed(async () => {
      phases.create = (await timed(() => pool(indexes, width, (i) => send("POST", "/v2/users", { ...userInputs(i, "v1"), username: `${userName(i)}@example.com` })))).ms;
      phases.read = (await timed(() => pool(indexes, width, (i) => send("GET", path(i))))).ms;
      phases.update = (await timed(() => pool(indexes, width, (i) => send("PATCH", path(i), { description: "v2" })))).ms;
      phases.delete = (await timed(() => pool(indexes, width, (i) => send("DELETE", path(i))))).ms;
    });
    return { wallMs: wall.ms, phases, requests: emulator.requests.length - before };
  } finally {
    agent.destroy();
  }
}

export type { ProviderHost };

/** CPU milliseconds (user + system) a process has used, from /proc (Linux); NaN elsewhere. */
function cpuOf(pid: number | undefined): number {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
