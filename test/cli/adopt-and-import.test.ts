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

test("adoptExisting takes the user over, converges it, and the next refresh shows no change", async () => {
  const stack = await CliStack.init(suite, dir, "adopt");
  await setUsers(stack, { gil: { email: "gil@example.com", apiRoles: ["viewer"], adoptExisting: true } });
  const from = suite.emulator.requests.length;
  const up = await stack.up();
  expect(up.code).toBe(0);
  expect(summaryOf(up.stdout)).toEqual(["+ 2 created"]);
  expect(writesSince(suite.emulator, from)).toEqual(["POST /v2/users", "PATCH /v2/users/gil%40example.com"]);
  expect(suite.emulator.user("gil@example.com")?.api_roles).toEqual(["viewer"]);
  const refresh = await stack.refresh();
  expect(refresh.code).toBe(0);
  expect(summaryOf(refresh.stdout)).toEqual(["2 unchanged"]);
});
