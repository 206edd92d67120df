// P3: creates against an API that allows `perSecond` requests a second (token bucket) and answers
// 429 + Retry-After beyond that; 16 operations in flight, as in P1.
import { VectaraEmulator } from "../emulator/vectara/server";
import { startHost, urnOf } from "./env";
import { pool, timed } from "./stats";

export interface RateLimitRun { wallMs: number; failures: number; requests: number; rejected: number; ratio: number; firstError?: string }

export async function rateLimitedCreates(creates: number, perSecond: number, width: number, latencyMs: number): Promise<RateLimitRun> {
  const emulator = await VectaraEmulator.start();
  try {
    const { host, provider } = await startHost("ours", emulator);
    try {
      await host.check(urnOf("warmup"), {}, { email: "warm@example.com", __provider: provider });
      emulator.inject({ kind: "latency", ms: latencyMs });
      emulator.inject({ kind: "rate-limit", perSecond });
      let failures = 0;
      let firstError: string | undefined;
      const names = Array.from({ length: creates }, (_, i) => `rl${i}`);
      const { ms } = await timed(() => pool(names, width, async (name) => {
        try {
          const { inputs } = await host.check(urnOf(name), {}, { email: `${name}@example.com`, __provider: provider });
          await host.create(urnOf(name), inputs);
        } catch (e) {
          failures++;
          firstError ??= (e as Error).message.slice(0, 300);
        }
      }));
      const api = emulator.requests.filter((r) => r.path.startsWith("/v2/"));
      return {
        wallMs: ms, failures, requests: api.length, rejected: api.filter((r) => r.status === 429).length,
        ratio: ms / ((creates / perSecond) * 1000), ...(firstError ? { firstError } : {}),
      };
    } finally {
      await host.stop();
    }
  } finally {
    await emulator.close();
  }
}
