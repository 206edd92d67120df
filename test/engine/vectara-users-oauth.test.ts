// An account whose users endpoints refuse API keys (the emulator's usersAuth: "oauth", as Vectara's
// users documentation says), through the real provider host. Needs `npm run build` first.
import * as fs from "node:fs";
import * as path from "node:path";
import { ok, ops, stackEnv, vectaraStack } from "./service-stack";

const { programDir, example: quickstart } = vectaraStack;

const env = stackEnv(vectaraStack, { emulator: { usersAuth: "oauth" } });
const oauth = () => ({ "vectara:clientId": env.emulator.clientId, "vectara:clientSecret": env.emulator.clientSecret, "vectara:authUrl": env.emulator.tokenUrl });

test("with an API key the up fails with a hint naming the OAuth client's keys and no secret; the same program then works with OAuth", async () => {
  const refused = await env.stack().up(quickstart, { programDir });
  expect(refused.error).toMatch(/403: POST \/v2\/users — User management operations require OAuth authentication, not API keys/);
  expect(refused.error).toMatch(/hint: Vectara's user management requires OAuth, not API keys .*set vectara:clientId and vectara:clientSecret/);
  expect(env.emulator.users()).toEqual([]);

  env.emulator.requests.length = 0;
  const s = env.stack({}, oauth());
  const up = ok(await s.up(quickstart, { programDir }));
  expect(ops(up)).toEqual(["create alice", "create bob"]);
  expect(env.emulator.users().map((u) => u.username).sort()).toEqual(["alice@example.com", "bob@example.com"]);
  expect(env.emulator.requests.filter((r) => r.path.startsWith("/v2/users")).every((r) => r.headers.authorization?.startsWith("Bearer ") && !r.headers["x-api-key"])).toBe(true);

  const state = fs.readFileSync(path.join(env.dir, "state", "state.json"), "utf8");
  for (const text of [refused.error ?? "", state, s.hostOutput(), s.programOutput()]) {
    expect(text).not.toContain(env.emulator.apiKey);
    expect(text).not.toContain(env.emulator.clientSecret);
  }
});

test("with both configured the API key is used, the host warns, and the 403's hint says to unset the key", async () => {
  const s = env.stack({}, { "vectara:apiKey": env.emulator.apiKey, ...oauth() });
  const r = await s.up(quickstart, { programDir });
  expect(r.error).toMatch(/vectara:clientId and vectara:clientSecret are set but unused: unset vectara:apiKey/);
  expect(s.hostOutput() + (r.error ?? "")).not.toContain(env.emulator.clientSecret);
});
