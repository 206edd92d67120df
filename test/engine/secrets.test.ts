// Scans everything that leaves the provider — __provider and outputs in state, host stdout/stderr,
// program output, error messages — for the credentials, through the real provider host.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inspect } from "node:util";
import { VectaraEmulator } from "../emulator/server";
import { Stack } from "../harness/engine";

const repo = path.resolve(__dirname, "../..");
const usersProgram = path.join(repo, "dist/test/harness/fixtures/users/index.js");
const programDir = path.join(repo, "examples/quickstart");
const project = "vectara-users-quickstart";

let emulator: VectaraEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await VectaraEmulator.start();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-secrets-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function stack(credentials: Record<string, string>, users: Record<string, unknown>): Stack {
  return new Stack({
    stateDir: path.join(dir, "state"), project, stack: "dev",
    config: { "vectara:apiUrl": emulator.url, "vectara:maxRetries": "3", ...credentials, [`${project}:users`]: JSON.stringify(users) },
    secretConfigKeys: ["vectara:apiKey", "vectara:clientSecret"],
  });
}

function everythingThatLeft(s: Stack, errors: string[]): string[] {
  const stateFile = path.join(dir, "state", "state.json");
  return [fs.existsSync(stateFile) ? fs.readFileSync(stateFile, "utf8") : "", s.hostOutput(), s.programOutput(), ...errors];
}

test("an API key appears nowhere: state, __provider, outputs, host output, retries, errors", async () => {
  const key = emulator.apiKey;
  const creds = { "vectara:apiKey": key };
  emulator.seedUser({ email: "taken@example.com" });
  emulator.inject({ kind: "status", status: 429, retryAfter: "1", times: 1 });
  emulator.inject({ kind: "status", status: 503, times: 1, match: { method: "PATCH" } });
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
  const creds = { "vectara:clientId": emulator.clientId, "vectara:clientSecret": secret, "vectara:authUrl": emulator.tokenUrl };
  const s = stack(creds, { alice: { email: "alice@example.com" } });
  const up = await s.up(usersProgram, { programDir });
  expect(up.error).toMatch(/OAuth token request failed with 401: POST http:\/\/127\.0\.0\.1:\d+\/oauth2\/token/);
  expect(up.error).toMatch(/invalid_client/);
  for (const text of everythingThatLeft(s, [up.error ?? "", inspect(up, { depth: 10 })])) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(emulator.apiKey);
  }
});

test("with a working OAuth client, neither the secret nor a bearer token leaves the provider", async () => {
  const creds = { "vectara:clientId": emulator.clientId, "vectara:clientSecret": emulator.clientSecret, "vectara:authUrl": emulator.tokenUrl };
  const s = stack(creds, { alice: { email: "alice@example.com" } });
  expect((await s.up(usersProgram, { programDir })).error).toBeUndefined();
  const tokens = emulator.requests.map((r) => r.headers.authorization).filter((a): a is string => !!a).map((a) => a.replace(/^Bearer /, ""));
  expect(tokens.length).toBeGreaterThan(0);
  for (const text of everythingThatLeft(s, [])) {
    expect(text).not.toContain(emulator.clientSecret);
    for (const token of tokens) expect(text).not.toContain(token);
  }
});
