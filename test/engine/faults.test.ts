// Faults through the real provider host: up, update and destroy each meet throttling, gateway
// errors, resets and lost answers, and converge with exactly the users the program declares.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator } from "../emulator/server";
import { Stack, formatSteps, type OperationResult } from "../harness/engine";

const repo = path.resolve(__dirname, "../..");
const usersProgram = path.join(repo, "dist/test/harness/fixtures/users/index.js");
const programDir = path.join(repo, "examples/quickstart");
const project = "vectara-users-quickstart";

let emulator: VectaraEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await VectaraEmulator.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-faults-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const stack = (users: Record<string, unknown>) => new Stack({
  stateDir: path.join(dir, "state"), project, stack: "dev",
  config: { "vectara:apiUrl": emulator.url, "vectara:apiKey": emulator.apiKey, "vectara:requestTimeoutMs": "400", [`${project}:users`]: JSON.stringify(users) },
  secretConfigKeys: ["vectara:apiKey"],
});
const ok = (r: OperationResult) => {
  if (r.error) throw new Error(`${r.error}\n${formatSteps(r)}`);
  return r.steps.map((s) => `${s.op} ${s.name}`).sort();
};
const team = (description: string) => Object.fromEntries(["ann", "ben", "cat", "dan"].map((n) => [n, { email: `${n}@example.com`, description }]));
const statuses = () => emulator.requests.map((r) => r.status);

test("up, update and destroy converge through 429, 5xx, resets, slow answers and lost answers", async () => {
  emulator.inject({ kind: "status", status: 429, retryAfter: "1", times: 1, match: { method: "POST" } });
  emulator.inject({ kind: "status", status: 503, times: 1, match: { method: "POST" } });
  emulator.inject({ kind: "drop-after-commit", times: 2, match: { method: "POST" } });
  expect(ok(await stack(team("v1")).up(usersProgram, { programDir }))).toEqual(["create ann", "create ben", "create cat", "create dan"]);
  expect(emulator.users().map((u) => u.username).sort()).toEqual(["ann@example.com", "ben@example.com", "cat@example.com", "dan@example.com"]);

  emulator.inject({ kind: "status", status: 502, times: 2, match: { method: "PATCH" } });
  emulator.inject({ kind: "reset", times: 1, match: { method: "PATCH" } });
  emulator.inject({ kind: "latency", ms: 800, times: 1, match: { method: "PATCH" } });
  expect(ok(await stack(team("v2")).up(usersProgram, { programDir }))).toEqual(["update ann", "update ben", "update cat", "update dan"]);
  expect(emulator.users().map((u) => u.description)).toEqual(["v2", "v2", "v2", "v2"]);

  emulator.inject({ kind: "drop-after-commit", times: 2, match: { method: "DELETE" } });
  emulator.inject({ kind: "status", status: 504, times: 1, match: { method: "DELETE" } });
  expect(ok(await stack(team("v2")).destroy({ programDir }))).toEqual(["delete ann", "delete ben", "delete cat", "delete dan"]);
  expect(emulator.users()).toEqual([]);
  expect(statuses()).toEqual(expect.arrayContaining([429, 503, "dropped", 502, "reset", 504]));
});
