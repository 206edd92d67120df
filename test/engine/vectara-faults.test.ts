// Faults through the real provider host: up, update and destroy each meet throttling, gateway
// errors, resets and lost answers, and converge with exactly the users the program declares.
import { ok as succeeded, ops, stackEnv, vectaraStack } from "./service-stack";

const { programDir, usersProgram, withUsers } = vectaraStack;

const env = stackEnv(vectaraStack, { perTest: false });
const stack = (users: Record<string, unknown>) => env.stack({ "vectara:requestTimeoutMs": "400", ...withUsers(users) });
const ok = (r: Parameters<typeof succeeded>[0]) => ops(succeeded(r));
const team = (description: string) => Object.fromEntries(["ann", "ben", "cat", "dan"].map((n) => [n, { email: `${n}@example.com`, description }]));
const statuses = () => env.emulator.requests.map((r) => r.status);

test("up, update and destroy converge through 429, 5xx, resets, slow answers and lost answers", async () => {
  env.emulator.inject({ kind: "status", status: 429, retryAfter: "1", times: 1, match: { method: "POST" } });
  env.emulator.inject({ kind: "status", status: 503, times: 1, match: { method: "POST" } });
  env.emulator.inject({ kind: "drop-after-commit", times: 2, match: { method: "POST" } });
  expect(ok(await stack(team("v1")).up(usersProgram, { programDir }))).toEqual(["create ann", "create ben", "create cat", "create dan"]);
  expect(env.emulator.users().map((u) => u.username).sort()).toEqual(["ann@example.com", "ben@example.com", "cat@example.com", "dan@example.com"]);

  env.emulator.inject({ kind: "status", status: 502, times: 2, match: { method: "PATCH" } });
  env.emulator.inject({ kind: "reset", times: 1, match: { method: "PATCH" } });
  env.emulator.inject({ kind: "latency", ms: 800, times: 1, match: { method: "PATCH" } });
  expect(ok(await stack(team("v2")).up(usersProgram, { programDir }))).toEqual(["update ann", "update ben", "update cat", "update dan"]);
  expect(env.emulator.users().map((u) => u.description)).toEqual(["v2", "v2", "v2", "v2"]);

  env.emulator.inject({ kind: "drop-after-commit", times: 2, match: { method: "DELETE" } });
  env.emulator.inject({ kind: "status", status: 504, times: 1, match: { method: "DELETE" } });
  expect(ok(await stack(team("v2")).destroy({ programDir }))).toEqual(["delete ann", "delete ben", "delete cat", "delete dan"]);
  expect(env.emulator.users()).toEqual([]);
  expect(statuses()).toEqual(expect.arrayContaining([429, 503, "dropped", 502, "reset", 504]));
});
