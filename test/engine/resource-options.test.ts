// Resource options through the harness, as the real CLI handles them (test/cli/cli-options and
// adopt-and-import check the same under the CLI): protect stops a delete, retainOnDelete keeps
// the user, and the `import` option fails for a dynamic resource.
import { ok, ops, stackEnv, vectaraStack } from "./service-stack";

const { programDir, usersProgram, withUsers } = vectaraStack;

const env = stackEnv(vectaraStack);
const up = (users: Record<string, unknown>) => env.stack(withUsers(users)).up(usersProgram, { programDir });
const writes = () => env.emulator.requests.filter((r) => r.method !== "GET" && r.path.startsWith("/v2/")).map((r) => `${r.method} ${r.rawPath}`);

test("protect makes destroy fail and leaves the user alone", async () => {
  ok(await up({ oda: { email: "oda@example.com", options: { protect: true } } }));
  expect(env.stack().state().resources[0]).toMatchObject({ name: "oda", protect: true });
  env.emulator.requests.length = 0;
  const r = await env.stack().destroy({ programDir });
  expect(r.error).toMatch(/resource "urn:pulumi:dev::vectara-users-quickstart::pulumi-nodejs:dynamic\/vectara:User::oda" cannot be deleted\nbecause it is protected/);
  expect(writes()).toEqual([]);
  expect(env.stack().state().resources).toHaveLength(1);
});

test("retainOnDelete drops the user from the stack but keeps the account", async () => {
  ok(await up({ pia: { email: "pia@example.com", options: { retainOnDelete: true } }, quin: { email: "quin@example.com" } }));
  env.emulator.requests.length = 0;
  const r = ok(await up({ quin: { email: "quin@example.com" } }));
  expect(ops(r)).toEqual(["delete pia", "same quin"]);
  expect(writes()).toEqual([]);
  expect(env.emulator.user("pia@example.com")).toBeDefined();
  expect(env.stack().state().resources.map((x) => x.name)).toEqual(["quin"]);
});

test("the import option fails for a dynamic resource, as under the CLI, before any API call", async () => {
  env.emulator.seedUser({ email: "hal@example.com" });
  env.emulator.requests.length = 0;
  const r = await up({ hal: { email: "hal@example.com", options: { import: "hal@example.com" } } });
  expect(r.error).toMatch(/code must be a string, not undefined/);
  expect(env.emulator.requests).toEqual([]);
  expect(env.stack().state().resources).toEqual([]);
});
