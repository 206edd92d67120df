// Host cold start: the host's own start (spawn → port), then what the first operation costs over a
// warm one. The first call deserializes `__provider` and runs configure (for VectaraUser: loading
// the package and zod; undici loads with the first request). Measured twice on fresh hosts: a
// first Read (a refresh: it also opens the first connection) and a first Check (a preview, which
// sends no request).
import { VectaraEmulator } from "../emulator/vectara/server";
import { startHost, urnOf } from "./env";
import type { Variant } from "./serialize";
import { median, timed } from "./stats";

export interface ColdStartRun { hostStartMs: number; firstMs: number; warmMs: number; extraMs: number; checkExtraMs: number }

/** `node`: the binary that runs the host (another Node.js line); default: the bench's own. */
export async function coldStart(variant: Variant, latencyMs: number, node?: string): Promise<ColdStartRun> {
  const emulator = await VectaraEmulator.start();
  try {
    emulator.inject({ kind: "latency", ms: latencyMs });
    const ids = Array.from({ length: 6 }, (_, i) => emulator.seedUser({ email: `cold${i}@example.com` }).username);
    const reads = await firstAndWarm(variant, emulator, node, (host, provider, i) =>
      host.read(ids[i]!, urnOf(ids[i]!), { __provider: provider }, { email: ids[i]!, __provider: provider }));
    const checks = await firstAndWarm(variant, emulator, node, (host, provider, i) =>
      host.check(urnOf(`new${i}`), {}, { email: `new${i}@example.com`, __provider: provider }));
    return { hostStartMs: reads.startMs, firstMs: reads.firstMs, warmMs: reads.warmMs, extraMs: reads.firstMs - reads.warmMs, checkExtraMs: checks.firstMs - checks.warmMs };
  } finally {
    await emulator.close();
  }
}

type Host = Awaited<ReturnType<typeof startHost>>["host"];

/** On a fresh host: the first call (i = 0), then the median of five more. */
async function firstAndWarm(variant: Variant, emulator: VectaraEmulator, node: string | undefined, call: (host: Host, provider: string, i: number) => Promise<unknown>) {
  const { host, provider, startMs } = await startHost(variant, emulator, { node });
  try {
    const first = await timed(() => call(host, provider, 0));
    const warm: number[] = [];
    for (let i = 1; i < 6; i++) warm.push((await timed(() => call(host, provider, i))).ms);
    return { startMs, firstMs: first.ms, warmMs: median(warm) };
  } finally {
    await host.stop();
  }
}
