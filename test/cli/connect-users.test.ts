// examples/connect-users under the real CLI against the Connect emulator: up, a rename in place,
// drift on refresh, and a destroy that locks (Connect has no delete). Asserted from exit codes,
// summaries, `pulumi stack export` and the emulator's request log.
import { ConnectEmulator } from "../../emulator/connect/server";
import { exampleStack, cliSuite, summaryOf } from "./pulumi-cli";

const suite = cliSuite();
let connect: ConnectEmulator;
const PASSWORD = "cli-tier-alice-password";
const CONNECT_USER = "pulumi-nodejs:dynamic/connect:User";

/** Writes only (no GETs), as `METHOD path`, since `from` in the request log. */
const writes = (from = 0) => connect.requests.slice(from).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`);

beforeAll(async () => {
  connect = await ConnectEmulator.start();
});
const stack = exampleStack(suite, "connect-users", () => ({ "connect:serverUrl": connect.serverUrl, "connect:apiKey": { secret: connect.apiKey }, alicePassword: { secret: PASSWORD } }));
afterAll(() => connect?.close());

test("up creates both users, keeps the password and the API key out of state and output", async () => {
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 3 created"]);
  expect(writes().filter((w) => w.startsWith("POST /__api__/v1/users"))).toEqual(["POST /__api__/v1/users", "POST /__api__/v1/users"]);
  expect(connect.userNamed("alice")).toMatchObject({ email: "alice@example.com", user_role: "publisher", first_name: "Alice" });
  const exported = await stack.exportText();
  for (const secret of [PASSWORD, connect.apiKey]) {
    expect(exported).not.toContain(secret);
    expect(suite.transcript).not.toContain(secret);
  }
  const alice = (await stack.resources()).find((x) => x.type === CONNECT_USER && x.urn.endsWith("::alice"));
  expect(alice?.id).toBe(connect.userNamed("alice")?.guid);
  expect(alice?.outputs).not.toHaveProperty("password");
});

test("a new username is an update in place of the same guid", async () => {
  const guid = connect.userNamed("bob")?.guid;
  await stack.setConfig("bobUsername", "robert");
  const from = connect.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["~ 1 updated", "2 unchanged"]);
  expect(writes(from)).toEqual([`PUT /__api__/v1/users/${guid}`]);
  expect(connect.user(guid!)).toMatchObject({ username: "robert" });
});

test("a role changed on the server shows as drift on refresh, and up puts it back", async () => {
  const guid = connect.userNamed("alice")!.guid;
  connect.patchUser(guid, { user_role: "viewer" });
  const refresh = await stack.refresh("--diff");
  expect(refresh.code).toBe(0);
  expect(refresh.stdout).toMatch(/~ userRole *: "publisher" => "viewer"/);
  const from = connect.requests.length;
  expect((await stack.up()).code).toBe(0);
  expect(writes(from)).toEqual([`PUT /__api__/v1/users/${guid}`]);
  expect(connect.user(guid)?.user_role).toBe("publisher");
});

test("locking the API key's own user fails the up with an error that says so, and sends no lock", async () => {
  const bob = connect.userNamed("robert")!;
  connect.setKeyOwner(bob.guid);
  try {
    await stack.setConfig("bobLocked", "true");
    const from = connect.requests.length;
    const r = await stack.up();
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/refusing to lock Connect user robert \(guid [0-9a-f-]{36}\): it is the API key's own account/);
    expect(writes(from)).toEqual([]);
    expect(connect.user(bob.guid)?.locked).toBe(false);
  } finally {
    connect.setKeyOwner(undefined);
    await stack.setConfig("bobLocked", "false");
  }
});

test("destroy locks the users instead of deleting them", async () => {
  const from = connect.requests.length;
  const r = await stack.destroy();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["- 3 deleted"]);
  expect(writes(from).sort()).toEqual(connect.users().map((u) => `POST /__api__/v1/users/${u.guid}/lock`).sort());
  expect(connect.users().map((u) => u.locked)).toEqual([true, true]);
});
