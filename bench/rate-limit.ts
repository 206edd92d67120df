// P3: creates against an API that allows `perSecond` requests a second (token bucket) and answers
// 429 + Retry-After beyond that; 16 operations in flight, as in P1. Any service: the target says
// which emulator, provider module, program directory and inputs.
import { hostedProvider } from "../provider/core/dynamic-loader";
import { ProviderHost } from "../test/harness/host";
import { serializeProvider } from "./serialize";
import { pool, timed } from "./stats";

export interface RateLimitRun { wallMs: number; failures: number; requests: number; rejected: number; ratio: number; firstError?: string }

interface LimitedEmulator {
  requests: Array<{ path: string; status: unknown }>;
  inject(fault: { kind: "latency"; ms: number } | { kind: "rate-limit"; perSecond: number }): void;
  close(): Promise<void>;
}

export interface RateLimitTarget<E extends LimitedEmulator> {
  start(): Promise<E>;
  /** The package module the resource's `__provider` loads, e.g. `pulumi-saas-users/connect-user`. */
  entry: string;
  /** `<namespace>:<Type>`, as in the URN's `pulumi-nodejs:dynamic/<namespace>:<Type>`. */
  type: string;
  programDir: string;
  project: string;
  config(e: E): Record<string, string>;
  secretKeys: string[];
  inputs(i: number): Record<string, unknown>;
  /** Requests that are the API's (not the token endpoint's). */
  apiPath: string;
}

/**
 * `creates` Check→Create through the real host; ratio = wall ÷ (API calls accepted ÷ perSecond),
 * the least time the limit allows for the calls the creates needed.
 */
export async function rateLimitedCreates<E extends LimitedEmulator>(target: RateLimitTarget<E>, creates: number, perSecond: number, width: number, latencyMs: number): Promise<RateLimitRun> {
  const emulator = await target.start();
  const urn = (name: string) => `urn:pulumi:bench::${target.project}::pulumi-nodejs:dynamic/${target.type}::${name}`;
  try {
    const provider = await serializeProvider(hostedProvider(target.entry));
    const host = await ProviderHost.start({ programDir: target.programDir, project: target.project });
    try {
      await host.configure(target.config(emulator), target.secretKeys);
      await host.check(urn("warmup"), {}, { ...target.inputs(-1), __provider: provider });
      emulator.inject({ kind: "latency", ms: latencyMs });
      emulator.inject({ kind: "rate-limit", perSecond });
      const before = emulator.requests.length;
      let failures = 0;
      let firstError: string | undefined;
      const { ms } = await timed(() => pool(Array.from({ length: creates }, (_, i) => i), width, async (i) => {
        try {
          const { inputs } = await host.check(urn(`rl${i}`), {}, { ...target.inputs(i), __provider: provider });
          await host.create(urn(`rl${i}`), inputs);
        } catch (e) {
          failures++;
          firstError ??= (e as Error).message.slice(0, 300);
        }
      }));
      const api = emulator.requests.slice(before).filter((r) => r.path.startsWith(target.apiPath));
      const rejected = api.filter((r) => r.status === 429).length;
      return {
        wallMs: ms, failures, requests: api.length, rejected,
        ratio: ms / (((api.length - rejected) / perSecond) * 1000), ...(firstError ? { firstError } : {}),
      };
    } finally {
      await host.stop();
    }
  } finally {
    await emulator.close();
  }
}
