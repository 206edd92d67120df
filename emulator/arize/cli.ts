/** The Arize emulator on the command line: its flags, how they map to ArizeEmulatorOptions, what it prints. */
import { defineServiceCli, integerFlag, textFlag } from "../core";
import { ArizeEmulator } from "./server";

export const arizeCli = defineServiceCli({
  name: "arize",
  summary: "Arize AX REST API v2: users, organizations, spaces and their members (Bearer keys, cursor paging, problem+json)",
  title: "Arize",
  flags: {
    "api-key": textFlag("KEY", "an account admin's key, sent as Authorization: Bearer (default: random)"),
    "member-api-key": textFlag("KEY", "a key without the admin role: it may not set is_developer (default: random)"),
    "invitation-ttl-ms": integerFlag("N", "how long an invitation stays INVITED before it is EXPIRED, 1–2147483647 (default one week)", 1, 2_147_483_647),
  },
  prints: [
    "API key: the admin key",
    "Member API key: the key without the admin role",
    "ARIZE_BASE_URL: the URL to give the provider (arize:baseUrl) or the official client",
  ],
  async start(values, port) {
    const emulator = await ArizeEmulator.start({
      port,
      apiKey: values["api-key"],
      memberApiKey: values["member-api-key"],
      invitationTtlMs: values["invitation-ttl-ms"],
    });
    return { emulator, lines: [`API key: ${emulator.apiKey}`, `Member API key: ${emulator.memberApiKey}`, `ARIZE_BASE_URL: ${emulator.url}`] };
  },
});
