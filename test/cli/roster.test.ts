// examples/roster under the real CLI (the suite's Vectara emulator, so the rosters here hold Vectara
// accounts only; roster-three-services.test.ts adds Arize and Connect): the program finds
// roster.yaml beside itself, editing the roster between runs gives exactly the expected writes, and
// a bad roster fails the update before any request.
import * as fs from "node:fs";
import * as path from "node:path";
import { CliStack, cliSuite, planOf, repo, summaryOf, writesSince } from "./pulumi-cli";

const suite = cliSuite();
let stack: CliStack;

beforeAll(async () => {
  stack = await CliStack.init(suite, suite.program(path.join(repo, "examples/roster")), "dev");
});

const writeRoster = (text: string) => fs.writeFileSync(path.join(stack.dir, "roster.yaml"), text);

test("a roster.yaml found beside the program deploys its two users", async () => {
  writeRoster(`
people:
  alice@example.com: { vectara: { apiRoles: [corpus_administrator], corpusRoles: { docs: editor } } }
  bob@example.com: { vectara: { corpusRoles: { docs: viewer } } }
`);
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 3 created"]);
  expect(suite.emulator.users().map((u) => u.username).sort()).toEqual(["alice@example.com", "bob@example.com"]);
});

test("joiners are created, movers updated, leavers deleted or disabled per onDelete, and nothing else", async () => {
  writeRoster(`
people:
  alice@example.com: { vectara: { apiRoles: [corpus_administrator], corpusRoles: { docs: editor } } }
  bob@example.com: { vectara: { corpusRoles: { docs: viewer } } }
  carol@example.com: { vectara: { description: Contractor } }
  dan@example.com: { vectara: { onDelete: disable } }
`);
  expect((await stack.up()).code).toBe(0);

  writeRoster(`
people:
  alice@example.com: { vectara: { apiRoles: [corpus_administrator], corpusRoles: { docs: editor } } }
  bob@example.com: { vectara: { corpusRoles: { docs: editor, support: viewer } } }
  dan@example.com: { leaver: true, vectara: { onDelete: disable } }
  Erin@Example.com: { vectara: { username: erin@example.com, corpusRoles: { docs: viewer } } }
`);
  expect(planOf(await stack.preview())).toEqual(["create Erin@Example.com", "delete carol@example.com", "delete dan@example.com", "update bob@example.com"]);
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

test("a bad roster fails the update with every problem's file, line and field, no stack trace, and sends no request", async () => {
  writeRoster("people:\n  alice@example.com:\n    vectara: { apiRoles: [superuser] }\n    slack: {}\n");
  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toContain('roster.yaml:3: vectara.apiRoles (alice@example.com): "superuser" is not a Vectara API role');
  expect(r.stdout + r.stderr).toContain('roster.yaml:4: slack (alice@example.com): unknown service "slack"');
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at .*roster/m); // the problems, not a stack trace
  expect(suite.emulator.requests.length).toBe(from);
});
