import * as fs from "node:fs";
import * as path from "node:path";
import { ProviderHost } from "../test/harness/host";
import type { VectaraEmulator } from "../emulator/vectara/server";
import { providerSource, type Variant } from "./serialize";

/** The repository root, whether this runs from bench/ (ts) or dist/bench/ (compiled). */
export const repo = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");
/** A program directory that has the package installed beside it (scripts/link-self.js). */
export const programDir = path.join(repo, "examples/quickstart");
export const project = "vectara-bench";
export const userType = "pulumi-nodejs:dynamic/vectara:User";
export const urnOf = (name: string) => `urn:pulumi:bench::${project}::${userType}::${name}`;

export interface Credentials { oauth?: boolean }

export interface HostTweaks extends Credentials {
  /** Extra environment for the host process (e.g. NODE_OPTIONS for a CPU profile). */
  env?: Record<string, string>;
  /** Node flags for the host process (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** The `node` binary that runs the host (another Node.js line); default: the bench's own. */
  node?: string;
}

/** Stack config for VectaraUser against the emulator, secrets named as the engine would wrap them. */
export function stackConfig(emulator: VectaraEmulator, { oauth = false }: Credentials = {}): { config: Record<string, string>; secretKeys: string[] } {
  const credentials: Record<string, string> = oauth
    ? { "vectara:clientId": emulator.clientId, "vectara:clientSecret": emulator.clientSecret, "vectara:authUrl": emulator.tokenUrl }
    : { "vectara:apiKey": emulator.apiKey };
  return { config: { "vectara:apiUrl": emulator.url, ...credentials }, secretKeys: vectaraSecretKeys };
}

export const vectaraSecretKeys = ["vectara:apiKey", "vectara:clientSecret"];

export interface StartedHost { host: ProviderHost; provider: string; startMs: number }

/** Hosts not stopped yet, so that the run's watchdog can stop them if the run overruns. */
const live = new Set<ProviderHost>();

export async function stopLiveHosts(): Promise<void> {
  await Promise.allSettled([...live].map((h) => h.stop()));
}

/**
 * Last resort for the watchdog: SIGTERM this process's own child processes (hosts and program
 * runners that the harness's Stack started), found through /proc. Linux only; elsewhere a no-op.
 */
export function stopChildren(): void {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return;
  }
  for (const pid of entries) {
    try {
      const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
      if (ppid === process.pid) process.kill(Number(pid), "SIGTERM");
    } catch {
      // gone already, or not ours to read
    }
  }
}

/**
 * Starts the real dynamic-provider host and configures it the way the engine does. The reference
 * provider reads its endpoint and key from the environment, so the host gets them there.
 */
export async function startHost(variant: Variant, emulator: VectaraEmulator, creds: HostTweaks = {}): Promise<StartedHost> {
  const provider = await providerSource(variant);
  const t0 = performance.now();
  const host = await ProviderHost.start({ programDir, project, env: { BENCH_API_URL: emulator.url, BENCH_API_KEY: emulator.apiKey, ...creds.env }, nodeArgs: creds.nodeArgs, node: creds.node });
  const startMs = performance.now() - t0;
  live.add(host);
  const stop = host.stop.bind(host);
  host.stop = () => {
    live.delete(host);
    return stop();
  };
  const { config, secretKeys } = stackConfig(emulator, creds);
  await host.configure(config, secretKeys);
  return { host, provider, startMs };
}
