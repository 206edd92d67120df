// ConnectUser through the real @pulumi/pulumi dynamic-provider host (test/harness), against the
// Connect emulator: what `pulumi up`, `refresh` and `destroy` do. Needs `npm run build` first.
import { connectStack, ok, ops, stackEnv } from "./service-stack";

const { example, programDir, usersProgram, withUsers } = connectStack;

const env = stackEnv(connectStack);
const stack = (config?: Record<string, string>) => env.stack(config);
const apiCalls = () => env.emulator.requests.filter((r) => r.path.startsWith("/__api__/")).map((r) => `${r.method} ${r.path}`);
const guidOf = (username: string) => env.emulator.userNamed(username)!.guid;

test("up creates the example's users with the guid as id; a second up changes nothing and calls no API", async () => {
  const first = ok(await stack({ "connect-users:alicePassword": "through-the-looking-glass" }).up(example, { programDir }));
  expect(ops(first)).toEqual(["create alice", "create bob"]);
  expect(env.emulator.userNamed("alice")).toMatchObject({ email: "alice@example.com", first_name: "Alice", user_role: "publisher", confirmed: true });
  expect(first.outputs).toMatchObject({ aliceGuid: guidOf("alice"), aliceRole: "publisher", bobRole: "viewer", bobConfirmed: true });
  const resource = stack().state().resources.find((r) => r.name === "alice");
  expect(resource).toMatchObject({ type: "pulumi-nodejs:dynamic/connect:User", id: guidOf("alice") });

  env.emulator.requests.length = 0;
  const second = ok(await stack({ "connect-users:alicePassword": "through-the-looking-glass" }).up(example, { programDir }));
  expect(ops(second)).toEqual(["same alice", "same bob"]);
  expect(apiCalls()).toEqual([]);
});

test("a username rename updates in place (same guid) with one PUT and a read; locking uses the lock endpoint", async () => {
  ok(await stack().up(example, { programDir }));
  const guid = guidOf("bob");
  env.emulator.requests.length = 0;
  const r = ok(await stack({ "connect-users:bobUsername": "robert", "connect-users:bobLocked": "true" }).up(example, { programDir }));
  expect(ops(r)).toEqual(["same alice", "update bob"]);
  // GET /v1/user: whose key this is (never locked); this emulator's key has no user (404).
  expect(apiCalls()).toEqual(["GET /__api__/v1/user", `PUT /__api__/v1/users/${guid}`, `POST /__api__/v1/users/${guid}/lock`, `GET /__api__/v1/users/${guid}`]);
  expect(env.emulator.user(guid)).toMatchObject({ username: "robert", locked: true });
  expect(stack().state().resources.find((x) => x.name === "bob")).toMatchObject({ id: guid, outputs: { username: "robert", locked: true } });
});

test("refresh notices changes and deletions made on the server, and the next up converges", async () => {
  ok(await stack().up(example, { programDir }));
  env.emulator.patchUser(guidOf("alice"), { user_role: "viewer", first_name: "Ally" });
  env.emulator.deleteUser(guidOf("bob"));

  const refreshed = ok(await stack().refresh({ programDir }));
  expect(ops(refreshed)).toEqual(["refresh-delete bob", "refresh-update alice"]);
  expect(refreshed.steps.find((s) => s.name === "alice")?.changedKeys).toEqual(expect.arrayContaining(["userRole", "firstName"]));

  const converged = ok(await stack().up(example, { programDir }));
  expect(ops(converged)).toEqual(["create bob", "update alice"]);
  expect(env.emulator.userNamed("alice")).toMatchObject({ user_role: "publisher", first_name: "Alice" });
});

test("an existing username is refused unless adoptExisting, which takes the user over", async () => {
  const seeded = env.emulator.seedUser({ username: "dave", user_role: "viewer" });
  const refused = await stack(withUsers({ dave: { username: "dave", userRole: "publisher" } })).up(usersProgram, { programDir });
  expect(refused.error).toMatch(/Connect user dave already exists.*code 8.*set adoptExisting: true/s);
  const adopted = ok(await stack(withUsers({ dave: { username: "dave", userRole: "publisher", adoptExisting: true } })).up(usersProgram, { programDir }));
  expect(ops(adopted)).toEqual(["create dave"]);
  expect(adopted.outputs).toEqual({ guids: { dave: seeded.guid } });
  expect(env.emulator.user(seeded.guid)?.user_role).toBe("publisher");
  expect(ops(ok(await stack().refresh({ programDir })))).toEqual(["refresh-same dave"]);
});

test("destroy locks users (Connect cannot delete them), or leaves those with onDelete: retain", async () => {
  ok(await stack(withUsers({ erin: { username: "erin" }, fred: { username: "fred", onDelete: "retain" } })).up(usersProgram, { programDir }));
  const r = ok(await stack(withUsers({})).destroy({ programDir }));
  expect(ops(r)).toEqual(["delete erin", "delete fred"]);
  expect(env.emulator.userNamed("erin")?.locked).toBe(true);
  expect(env.emulator.userNamed("fred")?.locked).toBe(false);
  expect(apiCalls().filter((c) => c.startsWith("POST") && c.endsWith("/lock"))).toEqual([`POST /__api__/v1/users/${guidOf("erin")}/lock`]);
  expect(stack().state().resources).toEqual([]);
});

test("bad input fails the up with CheckFailures naming the properties, and sends no request", async () => {
  const r = await stack(withUsers({ eve: { username: "eve", userRole: "admin", onDelete: "delete" } })).up(usersProgram, { programDir });
  expect(r.error).toMatch(/userRole: userRole must be one of administrator, publisher, viewer/);
  expect(r.error).toMatch(/onDelete: onDelete cannot be "delete": Connect's API has no endpoint that deletes a user/);
  expect(apiCalls()).toEqual([]);
});
