// Host cold start: the host's own start (spawn → port), then what the first operation costs over a
// warm one. The first call deserializes `__provider`, runs configure (for VectaraUser: loading the
// package, zod and undici) and opens the first connection.
import { VectaraEmulator } from "../emulator/vectara/server";
import { startHost, urnOf } from "./env";
import type { Variant } from "./serialize";
import { median, timed } from "./stats";

export interface ColdStartRun { hostStartMs: number; firstMs: number; warmMs: number; extraMs: number }

export async function coldStart(variant: Variant, latencyMs: number): Promise<ColdStartRun> {
  const emulator = await VectaraEmulator.start();
  try {
    emulator.inject({ kind: "latency", ms: latencyMs });
    const ids = Array.from({ length: 6 }, (_, i) => emulator.seedUser({ email: `cold${i}@example.com` }).username);
    const { host, provider, startMs } = await startHost(variant, emulator);
    try {
      const read = (id: string) => timed(() => host.read(id, urnOf(id), { __provider: provider }, { email: id, __provider: provider }));
      const first = await read(ids[0]!);
      const warm: number[] = [];
      for (const id of ids.slice(1)) warm.push((await read(id)).ms);
      const warmMs = median(warm);
      return { hostStartMs: startMs, firstMs: first.ms, warmMs, extraMs: first.ms - warmMs };
    } finally {
      await host.stop();
    }
  } finally {
    await emulator.close();
  }
}
