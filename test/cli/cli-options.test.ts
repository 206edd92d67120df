// CLI flags and resource options the harness does not have, under the real CLI: up --refresh,
// --target, --parallel 1, and the protect and retainOnDelete resource options.
import { CliStack, cliSuite, setUsers, summaryOf, usersFixture, writesSince } from "./pulumi-cli";

const suite = cliSuite();
let dir: string;
const urn = (stack: CliStack, name: string) => `urn:pulumi:${stack.name}::vectara-cli-users::pulumi-nodejs:dynamic/vectara:User::${name}`;

beforeAll(() => {
  dir = suite.program(usersFixture);
});

async function usersStack(name: string, users: Record<string, unknown>): Promise<CliStack> {
  const stack = await CliStack.init(suite, dir, name);
  await setUsers(stack, users);
  const up = await stack.up();
  if (up.code !== 0) throw new Error(up.stdout + up.stderr);
  return stack;
}

test("up --refresh reads the drift first and converges it in the same run", async () => {
  const stack = await usersStack("refresh", { ivy: { email: "ivy@example.com", description: "Support" } });
  suite.emulator.patchUser("ivy@example.com", { description: "Changed in the console" });
  const from = suite.emulator.requests.length;
  const r = await stack.up("--refresh");
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["~ 1 updated", "1 unchanged"]);
  expect(writesSince(suite.emulator, from)).toEqual(["PATCH /v2/users/ivy%40example.com"]);
  expect(suite.emulator.user("ivy@example.com")?.description).toBe("Support");
});

test("up --target changes only the targeted user", async () => {
  const stack = await usersStack("target", { jan: { email: "jan@example.com" }, kay: { email: "kay@example.com" } });
  await setUsers(stack, { jan: { email: "jan@example.com", description: "New" }, kay: { email: "kay@example.com", description: "New" } });
  const from = suite.emulator.requests.length;
  const r = await stack.up("--target", urn(stack, "jan"));
  expect(r.code).toBe(0);
  expect(writesSince(suite.emulator, from)).toEqual(["PATCH /v2/users/jan%40example.com"]);
  expect(suite.emulator.user("kay@example.com")?.description).toBeUndefined();
});

test("up --parallel 1 sends one create at a time", async () => {
  const stack = await CliStack.init(suite, dir, "parallel");
  await setUsers(stack, Object.fromEntries(["lea", "max", "ned"].map((n) => [n, { email: `${n}@example.com` }])));
  suite.emulator.inject({ kind: "latency", ms: 300, match: { method: "POST" } });
  try {
    const from = suite.emulator.requests.length;
    const r = await stack.up("--parallel", "1");
    expect(r.code).toBe(0);
    const posts = suite.emulator.requests.slice(from).filter((q) => q.method === "POST");
    expect(posts).toHaveLength(3);
    // Each POST waits 300 ms in the emulator: serial ones arrive at least that far apart.
    for (let i = 1; i < posts.length; i++) expect(posts[i]!.at - posts[i - 1]!.at).toBeGreaterThanOrEqual(290);
  } finally {
    suite.emulator.clearFaults();
  }
});

test("protect makes destroy fail and leaves the user alone", async () => {
  const stack = await usersStack("protect", { oda: { email: "oda@example.com", options: { protect: true } } });
  const from = suite.emulator.requests.length;
  const r = await stack.destroy();
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(/resource "?urn:pulumi:protect::vectara-cli-users::pulumi-nodejs:dynamic\/vectara:User::oda"? cannot be deleted[\s\S]*protect/);
  expect(writesSince(suite.emulator, from)).toEqual([]);
  expect(suite.emulator.user("oda@example.com")).toBeDefined();
  expect((await stack.user("oda"))?.protect).toBe(true);
});

test("retainOnDelete drops the user from the stack but keeps the account", async () => {
  const stack = await usersStack("retain", { pia: { email: "pia@example.com", options: { retainOnDelete: true } }, quin: { email: "quin@example.com" } });
  await setUsers(stack, { quin: { email: "quin@example.com" } });
  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["- 1 deleted", "2 unchanged"]);
  expect(writesSince(suite.emulator, from)).toEqual([]);
  expect(suite.emulator.user("pia@example.com")).toBeDefined();
  expect(await stack.user("pia")).toBeUndefined();
});
