// Replacement under the real CLI, in the order docs/reference/vectara-user.md promises: when the username stays the
// same the old user is deleted first (deleteBeforeReplace: a username is unique); when it changes
// too, the new user is created first and the old one deleted after.
import { CliStack, cliSuite, planOf, setUsers, summaryOf, usersFixture, writesSince } from "./pulumi-cli";

const suite = cliSuite();
let dir: string;

beforeAll(() => {
  dir = suite.program(usersFixture);
});

test("a new email with the username kept replaces the user delete-first", async () => {
  const stack = await CliStack.init(suite, dir, "keep-username");
  await setUsers(stack, { dana: { email: "dana@example.com", username: "dana" } });
  expect((await stack.up()).code).toBe(0);

  await setUsers(stack, { dana: { email: "dana@corp.example.com", username: "dana" } });
  const plan = await stack.preview();
  const replace = plan.steps.find((s) => s.op === "replace");
  expect(replace?.replaceReasons).toEqual(["email"]);
  expect(planOf(plan)).toEqual(["replace dana"]);

  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+-1 replaced", "1 unchanged"]);
  expect(writesSince(suite.emulator, from)).toEqual(["DELETE /v2/users/dana", "POST /v2/users"]);
  expect(suite.emulator.user("dana")?.email).toBe("dana@corp.example.com");
});

test("a new email that is also the username creates the new user first, then deletes the old", async () => {
  const stack = await CliStack.init(suite, dir, "email-username");
  await setUsers(stack, { erin: { email: "erin@example.com" } });
  expect((await stack.up()).code).toBe(0);

  await setUsers(stack, { erin: { email: "erin@corp.example.com" } });
  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+-1 replaced", "1 unchanged"]);
  expect(writesSince(suite.emulator, from)).toEqual(["POST /v2/users", "DELETE /v2/users/erin%40example.com"]);
  expect(suite.emulator.user("erin@example.com")).toBeUndefined();
  expect(suite.emulator.user("erin@corp.example.com")).toBeDefined();
});
