// Scans everything that leaves the provider — __provider and outputs in state, host stdout/stderr,
// program output, error messages — for the credentials, through the real provider host.
import * as fs from "node:fs";
import * as path from "node:path";
import { inspect } from "node:util";
import type { Stack } from "../harness/engine";
import { stackEnv, vectaraStack } from "./service-stack";

const { programDir, usersProgram, withUsers } = vectaraStack;

const env = stackEnv(vectaraStack);
const stack = (credentials: Record<string, string>, users: Record<string, unknown>) =>
  env.stack({ "vectara:maxRetries": "3", ...withUsers(users) }, credentials);

function everythingThatLeft(s: Stack, errors: string[]): string[] {
  const stateFile = path.join(env.dir, "state", "state.json");
  return [fs.existsSync(stateFile) ? fs.readFileSync(stateFile, "utf8") : "", s.hostOutput(), s.programOutput(), ...errors];
}

test("an API key appears nowhere: state, __provider, outputs, host output, retries, errors", async () => {
  const key = env.emulator.apiKey;
  const creds = { "vectara:apiKey": key };
  env.emulator.seedUser({ email: "taken@example.com" });
  env.emulator.inject({ kind: "status", status: 429, retryAfter: "1", times: 1 });
  env.emulator.inject({ kind: "status", status: 503, times: 1, match: { method: "PATCH" } });
  const errors: string[] = [];
  const s = stack(creds, { alice: { email: "alice@example.com", enabled: false } });
  const up = await s.up(usersProgram, { programDir });
  expect(up.error).toBeUndefined();
  const conflict = await stack(creds, { alice: { email: "alice@example.com", enabled: false }, taken: { email: "taken@example.com" } }).up(usersProgram, { programDir });
  expect(conflict.error).toMatch(/already exists/);
  errors.push(conflict.error ?? "", inspect(conflict, { depth: 10 }));
  const refresh = await s.refresh({ programDir });
  errors.push(refresh.error ?? "");

  const texts = everythingThatLeft(s, errors);
  expect(texts.join("").length).toBeGreaterThan(1000);
  for (const text of texts) expect(text).not.toContain(key);
  const alice = s.state().resources.find((r) => r.name === "alice")!;
  expect(JSON.stringify(alice.outputs)).not.toContain(key);
  expect(String(alice.inputs.__provider)).not.toContain(key);
});

test("a failing OAuth token request names the token URL and status, never the client secret", async () => {
  const secret = "wrong-secret-" + "x".repeat(20);
  const creds = { "vectara:clientId": env.emulator.clientId, "vectara:clientSecret": secret, "vectara:authUrl": env.emulator.tokenUrl };
  const s = stack(creds, { alice: { email: "alice@example.com" } });
  const up = await s.up(usersProgram, { programDir });
  expect(up.error).toMatch(/OAuth token request failed with 401: POST http:\/\/127\.0\.0\.1:\d+\/oauth2\/token/);
  expect(up.error).toMatch(/invalid_client/);
  for (const text of everythingThatLeft(s, [up.error ?? "", inspect(up, { depth: 10 })])) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(env.emulator.apiKey);
  }
});

test("with a working OAuth client, neither the secret nor a bearer token leaves the provider", async () => {
  const creds = { "vectara:clientId": env.emulator.clientId, "vectara:clientSecret": env.emulator.clientSecret, "vectara:authUrl": env.emulator.tokenUrl };
  const s = stack(creds, { alice: { email: "alice@example.com" } });
  expect((await s.up(usersProgram, { programDir })).error).toBeUndefined();
  const tokens = env.emulator.requests.map((r) => r.headers.authorization).filter((a): a is string => !!a).map((a) => a.replace(/^Bearer /, ""));
  expect(tokens.length).toBeGreaterThan(0);
  for (const text of everythingThatLeft(s, [])) {
    expect(text).not.toContain(env.emulator.clientSecret);
    for (const token of tokens) expect(text).not.toContain(token);
  }
});
