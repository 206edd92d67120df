// examples/roster under the real CLI: the program finds roster.yaml beside itself, and editing the
// roster between runs gives exactly the expected writes.
import * as fs from "node:fs";
import * as path from "node:path";
import { CliStack, cliSuite, planOf, repo, summaryOf, writesSince } from "./pulumi-cli";

const suite = cliSuite();
let stack: CliStack;

beforeAll(async () => {
  stack = await CliStack.init(suite, suite.program(path.join(repo, "examples/roster")), "dev");
});

const writeRoster = (text: string) => fs.writeFileSync(path.join(stack.dir, "roster.yaml"), text);

test("the example's own roster.yaml, found beside the program, deploys its two users", async () => {
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 3 created"]);
  expect(suite.emulator.users().map((u) => u.username).sort()).toEqual(["alice@example.com", "bob@example.com"]);
});

test("joiners are created, movers updated, leavers deleted or disabled per onDelete, and nothing else", async () => {
  writeRoster(`
users:
  alice@example.com: { apiRoles: [corpus_administrator], corpusRoles: { docs: editor } }
  bob@example.com: { corpusRoles: { docs: viewer } }
  carol@example.com: { description: Contractor }
  dan@example.com: { onDelete: disable }
`);
  expect((await stack.up()).code).toBe(0);

  writeRoster(`
users:
  alice@example.com: { apiRoles: [corpus_administrator], corpusRoles: { docs: editor } }
  bob@example.com: { corpusRoles: { docs: editor, support: viewer } }
  erin@example.com: { email: Erin@Example.com, corpusRoles: { docs: viewer } }
`);
  expect(planOf(await stack.preview())).toEqual(["create erin@example.com", "delete carol@example.com", "delete dan@example.com", "update bob@example.com"]);
  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 1 created", "~ 1 updated", "- 2 deleted", "4 changes. 2 unchanged"]);
  expect(writesSince(suite.emulator, from).sort()).toEqual(["DELETE /v2/users/carol%40example.com", "PATCH /v2/users/bob%40example.com", "PATCH /v2/users/dan%40example.com", "POST /v2/users"]);
  expect(suite.emulator.user("bob@example.com")?.corpus_roles).toEqual(expect.arrayContaining([{ corpus_key: "docs", role: "editor" }, { corpus_key: "support", role: "viewer" }]));
  expect(suite.emulator.user("carol@example.com")).toBeUndefined();
  expect(suite.emulator.user("dan@example.com")?.enabled).toBe(false);
  expect(suite.emulator.user("erin@example.com")?.email).toBe("Erin@Example.com");
});
