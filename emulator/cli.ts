#!/usr/bin/env node
/**
 * Runs the emulator until SIGINT/SIGTERM:
 *   node dist/emulator/cli.js [--port N] [--api-key K] [--client-id ID --client-secret S]
 *                                  [--latency-ms N] [--duplicate-status 400|409]
 */
import { parseArgs } from "node:util";
import { VectaraEmulator } from "./vectara/server";

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer, got ${value}`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "api-key": { type: "string" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "latency-ms": { type: "string" },
      "duplicate-status": { type: "string" },
    },
  });
  const duplicateStatus = integer("duplicate-status", values["duplicate-status"]);
  if (duplicateStatus !== undefined && duplicateStatus !== 400 && duplicateStatus !== 409) {
    throw new Error("--duplicate-status must be 400 or 409");
  }
  const latencyMs = integer("latency-ms", values["latency-ms"]);
  const emulator = await VectaraEmulator.start({
    port: integer("port", values.port),
    apiKey: values["api-key"],
    clientId: values["client-id"],
    clientSecret: values["client-secret"],
    duplicateStatus,
  });
  if (latencyMs) emulator.inject({ kind: "latency", ms: latencyMs });
  console.log(`Vectara emulator listening on ${emulator.url}`);
  console.log(`API key: ${emulator.apiKey}`);
  console.log(`Read-only API key: ${emulator.readOnlyApiKey}`);
  console.log(`Client id: ${emulator.clientId}`);
  console.log(`Client secret: ${emulator.clientSecret}`);
  console.log(`Token URL: ${emulator.tokenUrl}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
