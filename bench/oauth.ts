// P4: how many OAuth token requests `operations` parallel operations cost one provider host.
import { VectaraEmulator } from "../emulator/vectara/server";
import { startHost, urnOf } from "./env";
import { timed } from "./stats";

export interface OAuthRun { tokens: number; failures: number; wallMs: number }

export async function oauthBurst(operations: number, latencyMs: number): Promise<OAuthRun> {
  const emulator = await VectaraEmulator.start();
  try {
    emulator.inject({ kind: "latency", ms: latencyMs });
    const { host, provider } = await startHost("ours", emulator, { oauth: true });
    try {
      const names = Array.from({ length: operations }, (_, i) => `oa${i}`);
      const { ms, value } = await timed(() => Promise.allSettled(names.map(async (name) => {
        const { inputs } = await host.check(urnOf(name), {}, { email: `${name}@example.com`, __provider: provider });
        await host.create(urnOf(name), inputs);
      })));
      return { tokens: emulator.tokensIssued, failures: value.filter((r) => r.status === "rejected").length, wallMs: ms };
    } finally {
      await host.stop();
    }
  } finally {
    await emulator.close();
  }
}
