// examples/roster under the real CLI with all three services' emulators: one `pulumi up` creates
// each person's Vectara, Arize and Connect accounts; editing the roster (a joiner, a mover in each
// service, a removed person, a leaver) makes exactly the expected writes in each service and
// nothing else, with the delete policy last deployed; the up after it writes nothing anywhere.
import * as fs from "node:fs";
import * as path from "node:path";
import { ArizeEmulator } from "../../emulator/arize/server";
import { ConnectEmulator } from "../../emulator/connect/server";
import { CliStack, cliSuite, repo, summaryOf } from "./pulumi-cli";

const suite = cliSuite();
let stack: CliStack;
let arize: ArizeEmulator;
let connect: ConnectEmulator;

beforeAll(async () => {
  [arize, connect] = await Promise.all([ArizeEmulator.start(), ConnectEmulator.start()]);
  stack = await CliStack.init(suite, suite.program(path.join(repo, "examples/roster")), "three", {
    "arize:baseUrl": arize.url, "connect:serverUrl": connect.serverUrl,
  });
  await stack.setConfig("arize:apiKey", arize.apiKey, { secret: true });
  await stack.setConfig("connect:apiKey", connect.apiKey, { secret: true });
});
afterAll(() => Promise.all([arize?.close(), connect?.close()]));

const writeRoster = (text: string) => fs.writeFileSync(path.join(stack.dir, "roster.yaml"), text);
const writes = (requests: Array<{ method: string; rawPath: string }>) => requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`).sort();
const logs = () => [suite.emulator.requests, arize.requests, connect.requests];
const clearLogs = () => logs().forEach((l) => (l.length = 0));

test("one up creates every person's accounts in Vectara, Arize and Connect", async () => {
  writeRoster(`
people:
  alice@example.com:
    name: Alice
    vectara: { apiRoles: [viewer] }
    arize: { role: MEMBER }
    connect: { username: alice, userRole: viewer }
  bob@example.com:
    name: Bob
    vectara: { onDelete: disable }
    arize: { role: ANNOTATOR }
    connect: { username: bob, userRole: viewer }
  carol@example.com:
    name: Carol
    vectara:
    arize: { role: MEMBER }
    connect: { username: carol, userRole: publisher }
`);
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 10 created"]);
  expect(suite.emulator.users().map((u) => u.username).sort()).toEqual(["alice@example.com", "bob@example.com", "carol@example.com"]);
  expect(suite.emulator.user("alice@example.com")?.api_roles).toEqual(["viewer"]);
  expect(arize.users().map((u) => [u.email, u.name, u.role.name]).sort()).toEqual([
    ["alice@example.com", "Alice", "MEMBER"], ["bob@example.com", "Bob", "ANNOTATOR"], ["carol@example.com", "Carol", "MEMBER"],
  ]);
  expect(connect.users().map((u) => [u.username, u.email, u.user_role]).sort()).toEqual([
    ["alice", "alice@example.com", "viewer"], ["bob", "bob@example.com", "viewer"], ["carol", "carol@example.com", "publisher"],
  ]);
});

test("a joiner, movers, a removed person and a leaver make exactly their writes per service; the onDelete last deployed applies", async () => {
  const bobId = arize.userByEmail("bob@example.com")!.id;
  const carolId = arize.userByEmail("carol@example.com")!.id;
  const guid = (username: string) => connect.userNamed(username)!.guid;
  const [aliceGuid, bobGuid, carolGuid] = [guid("alice"), guid("bob"), guid("carol")];
  clearLogs();
  // alice moves in Vectara and Connect, bob leaves, carol is removed from the roster, dan joins.
  // bob's Arize onDelete: retain arrives in the same edit that offboards him, so it is not seen:
  // his account goes by the policy last deployed (docs/roster.md says so), and is deleted.
  writeRoster(`
people:
  alice@example.com:
    name: Alice
    vectara: { apiRoles: [viewer, corpus_viewer] }
    arize: { role: MEMBER }
    connect: { username: alice, userRole: publisher }
  bob@example.com:
    leaver: true
    name: Bob
    vectara: { onDelete: disable }
    arize: { role: ANNOTATOR, onDelete: retain }
    connect: { username: bob, userRole: viewer }
  dan@example.com:
    name: Dan
    arize: { role: MEMBER }
`);
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 1 created", "~ 2 updated", "- 6 deleted", "9 changes. 2 unchanged"]);
  const [vectaraLog, arizeLog, connectLog] = logs();
  expect(writes(vectaraLog!)).toEqual(["DELETE /v2/users/carol%40example.com", "PATCH /v2/users/alice%40example.com", "PATCH /v2/users/bob%40example.com"]);
  expect(suite.emulator.user("bob@example.com")?.enabled).toBe(false);
  expect(writes(arizeLog!)).toEqual([`DELETE /v2/users/${bobId}`, `DELETE /v2/users/${carolId}`, "POST /v2/users"].sort());
  expect(arize.user(bobId)).toBeUndefined();
  expect(writes(connectLog!)).toEqual([`POST /__api__/v1/users/${bobGuid}/lock`, `POST /__api__/v1/users/${carolGuid}/lock`, `PUT /__api__/v1/users/${aliceGuid}`].sort());
  expect(connect.user(aliceGuid)?.user_role).toBe("publisher");

  clearLogs();
  const again = await stack.up();
  expect(again.code).toBe(0);
  expect(summaryOf(again.stdout)).toEqual(["5 unchanged"]);
  expect(logs().flatMap(writes)).toEqual([]);
});
