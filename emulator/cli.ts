#!/usr/bin/env node
/**
 * pulumi-saas-users-emulator: runs one service's emulator until SIGINT/SIGTERM (`--help` for usage).
 *   pulumi-saas-users-emulator [vectara] [--port N] [--api-key K] [--client-id ID --client-secret S]
 *                              [--latency-ms N] [--duplicate-status 400|409] [--help]
 */
import { runCli } from "./core";
import { DEFAULT_SERVICE, PROGRAM, SERVICES } from "./services";

async function main(): Promise<void> {
  const outcome = await runCli(process.argv.slice(2), {
    program: PROGRAM,
    services: SERVICES,
    defaultService: DEFAULT_SERVICE,
    io: { out: (line) => console.log(line), err: (line) => console.error(line) },
  });
  if ("exitCode" in outcome) {
    process.exitCode = outcome.exitCode;
    return;
  }
  const stop = () => void outcome.emulator.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
