/** The Vectara emulator on the command line: its flags, how they map to EmulatorOptions, what it prints. */
import { choiceFlag, defineServiceCli, integerFlag, textFlag } from "../core";
import { VectaraEmulator } from "./server";

export const vectaraCli = defineServiceCli({
  name: "vectara",
  summary: "Vectara REST API v2: users, corpora and the OAuth2 token endpoint",
  title: "Vectara",
  flags: {
    "api-key": textFlag("KEY", "the full-access key, sent as x-api-key (default: a random zut_… key)"),
    "read-only-api-key": textFlag("KEY", "a key that may only GET (default: a random zqt_… key)"),
    "client-id": textFlag("ID", "the OAuth2 client id (default: random)"),
    "client-secret": textFlag("SECRET", "the OAuth2 client secret (default: random)"),
    "token-ttl-seconds": integerFlag("N", "lifetime of issued tokens, 1–86400 (default 1800)", 1, 86_400),
    "duplicate-status": choiceFlag("STATUS", "the answer to creating a taken username or email: 400 or 409 (default 400)", [400, 409] as const),
    "users-auth": choiceFlag("MODE", "credentials /v2/users accepts: any, or oauth (API keys get 403, as Vectara's users docs say; default any)", ["any", "oauth"] as const),
  },
  prints: [
    "API key: the full-access key",
    "Read-only API key: the key that may only GET",
    "Client id: the OAuth2 client id",
    "Client secret: the OAuth2 client secret",
    "Token URL: the OAuth2 token endpoint (client credentials)",
  ],
  async start(values, port) {
    const emulator = await VectaraEmulator.start({
      port,
      apiKey: values["api-key"],
      readOnlyApiKey: values["read-only-api-key"],
      clientId: values["client-id"],
      clientSecret: values["client-secret"],
      tokenTtlSeconds: values["token-ttl-seconds"],
      duplicateStatus: values["duplicate-status"],
      usersAuth: values["users-auth"],
    });
    const lines = [
      `API key: ${emulator.apiKey}`,
      `Read-only API key: ${emulator.readOnlyApiKey}`,
      `Client id: ${emulator.clientId}`,
      `Client secret: ${emulator.clientSecret}`,
      `Token URL: ${emulator.tokenUrl}`,
    ];
    return { emulator, lines };
  },
});
