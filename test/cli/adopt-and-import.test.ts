// Bringing existing users under Pulumi, under the real CLI: adoptExisting works; the `import`
// resource option and `pulumi import` are tried, and what they do is pinned here (docs/cli-tier.md).
import { CliStack, USER, cliSuite, setUsers, summaryOf, usersFixture, writesSince } from "./pulumi-cli";

const suite = cliSuite();
let dir: string;

beforeAll(() => {
  dir = suite.program(usersFixture);
});

test("an existing user is refused without adoptExisting, and the error says how to adopt it", async () => {
  suite.emulator.seedUser({ email: "gil@example.com", api_roles: ["owner"] });
  const stack = await CliStack.init(suite, dir, "refused");
  await setUsers(stack, { gil: { email: "gil@example.com", apiRoles: ["viewer"] } });
  const r = await stack.up();
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(/gil@example.com already exists[\s\S]*adoptExisting: true/);
  expect(suite.emulator.user("gil@example.com")?.api_roles).toEqual(["owner"]);
});

test("an email held under another username is refused with that username and how to adopt it; declaring it adopts with no write", async () => {
  suite.emulator.seedUser({ email: "jdoe@example.com", username: "jdoe", api_roles: ["viewer"] });
  const stack = await CliStack.init(suite, dir, "held-email");
  await setUsers(stack, { jdoe: { email: "jdoe@example.com", apiRoles: ["viewer"], adoptExisting: true } });
  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(/email jdoe@example.com belongs to the existing user jdoe[\s\S]*username: "jdoe" with adoptExisting: true/);
  expect(writesSince(suite.emulator, from)).toEqual(["POST /v2/users"]);

  await setUsers(stack, { jdoe: { email: "jdoe@example.com", username: "jdoe", apiRoles: ["viewer"], adoptExisting: true } });
  const again = suite.emulator.requests.length;
  const up = await stack.up();
  expect(up.code).toBe(0);
  expect(writesSince(suite.emulator, again)).toEqual([]);
  expect(suite.emulator.users().filter((u) => u.email === "jdoe@example.com").map((u) => u.username)).toEqual(["jdoe"]);
});

test("adoptExisting takes the user over, converges it, and the next refresh shows no change", async () => {
  const stack = await CliStack.init(suite, dir, "adopt");
  await setUsers(stack, { gil: { email: "gil@example.com", apiRoles: ["viewer"], adoptExisting: true } });
  const from = suite.emulator.requests.length;
  const up = await stack.up();
  expect(up.code).toBe(0);
  expect(summaryOf(up.stdout)).toEqual(["+ 2 created"]);
  // Looked up before any create: the only write is the PATCH that converges the roles.
  expect(writesSince(suite.emulator, from)).toEqual(["PATCH /v2/users/gil%40example.com"]);
  expect(suite.emulator.user("gil@example.com")?.api_roles).toEqual(["viewer"]);
  const refresh = await stack.refresh();
  expect(refresh.code).toBe(0);
  expect(summaryOf(refresh.stdout)).toEqual(["2 unchanged"]);
});

// Dynamic resources cannot be imported (pulumi#3550): the engine asks the dynamic-provider host to
// Read before the resource has a `__provider`, and the host fails loading the provider's code.
const CANNOT_IMPORT = /code must be a string, not undefined/;

test("the `import` resource option fails for a dynamic resource, before any API call", async () => {
  suite.emulator.seedUser({ email: "hal@example.com", api_roles: ["viewer"] });
  const stack = await CliStack.init(suite, dir, "import-option");
  await setUsers(stack, { hal: { email: "hal@example.com", apiRoles: ["viewer"], options: { import: "hal@example.com" } } });
  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/=\s+pulumi-nodejs:dynamic\/vectara:User hal \*\*importing failed\*\*/);
  expect(r.stdout).toMatch(CANNOT_IMPORT);
  expect(suite.emulator.requests.slice(from)).toEqual([]);
  expect((await stack.resources()).filter((x) => x.type === USER)).toEqual([]);
});

test("`pulumi import` fails the same way", async () => {
  const stack = await CliStack.init(suite, dir, "import-command");
  await setUsers(stack, {});
  const from = suite.emulator.requests.length;
  const r = await stack.pulumi(["import", USER, "hal", "hal@example.com", "--yes"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/error: preview failed: step application failed: code must be a string, not undefined/);
  expect(suite.emulator.requests.slice(from)).toEqual([]);
  expect((await stack.resources()).filter((x) => x.type === USER)).toEqual([]);
});
