// examples/roster through the real provider host, with the Vectara, Arize and Connect emulators
// running: one `pulumi up` creates, updates and offboards across the three services, and editing
// the roster gives exactly the expected writes in each service's request log, and nothing else.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ArizeEmulator } from "../../emulator/arize/server";
import { ConnectEmulator } from "../../emulator/connect/server";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { Stack } from "../harness/engine";
import { ok, ops } from "./service-stack";

const repo = path.resolve(__dirname, "../..");
const program = path.join(repo, "dist/examples/roster/index.js");
const programDir = path.join(repo, "examples/roster");
const project = "access-roster";

let vectara: VectaraEmulator;
let arize: ArizeEmulator;
let connect: ConnectEmulator;
let dir: string;

beforeAll(async () => {
  if (!fs.existsSync(program)) throw new Error(`${program} is missing: run \`npm run build\` first`);
  [vectara, arize, connect] = await Promise.all([VectaraEmulator.start(), ArizeEmulator.start(), ConnectEmulator.start()]);
});
afterAll(() => Promise.all([vectara?.close(), arize?.close(), connect?.close()]));
beforeEach(() => {
  for (const e of [vectara, arize, connect]) e.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-engine-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function upWith(file: string, text: string) {
  fs.writeFileSync(path.join(dir, file), text);
  return new Stack({
    stateDir: path.join(dir, "state"), project, stack: "dev",
    config: {
      [`${project}:roster`]: path.join(dir, file),
      "vectara:apiUrl": vectara.url, "vectara:apiKey": vectara.apiKey,
      "arize:baseUrl": arize.url, "arize:apiKey": arize.apiKey,
      "connect:serverUrl": connect.serverUrl, "connect:apiKey": connect.apiKey,
    },
    secretConfigKeys: ["vectara:apiKey", "arize:apiKey", "connect:apiKey"],
  }).up(program, { programDir });
}
const clearLogs = () => [vectara, arize, connect].forEach((e) => (e.requests.length = 0));
const writes = (e: VectaraEmulator | ArizeEmulator | ConnectEmulator) => e.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`).sort();
const requestCount = () => vectara.requests.length + arize.requests.length + connect.requests.length;

const before = `
defaults:
  vectara: { onDelete: disable }
people:
  alice@example.com:
    name: Alice
    vectara: { apiRoles: [viewer] }
    arize: { role: MEMBER }
    connect: { username: alice, userRole: viewer }
  bob@example.com:
    name: Bob
    vectara: { corpusRoles: { docs: viewer } }
    arize: { role: MEMBER }
    connect: { username: bob, userRole: viewer }
  carol@example.com:
    name: Carol
    vectara:
    arize: { role: ANNOTATOR }
    connect: { username: carol }
  dan@example.com:
    name: Dan
    vectara: { onDelete: delete }
    arize: { role: MEMBER, onDelete: retain }
    connect: { username: dan, userRole: publisher }
`;

// alice moves in Vectara, bob in Arize and Connect; carol is removed, dan marked a leaver; erin joins.
const after = `
defaults:
  vectara: { onDelete: disable }
people:
  alice@example.com:
    name: Alice
    vectara: { apiRoles: [viewer, corpus_viewer] }
    arize: { role: MEMBER }
    connect: { username: alice, userRole: viewer }
  bob@example.com:
    name: Bob
    vectara: { corpusRoles: { docs: viewer } }
    arize: { role: MEMBER, name: Robert, isDeveloper: false }
    connect: { username: bob, userRole: publisher }
  dan@example.com:
    leaver: true
    name: Dan
    vectara: { onDelete: delete }
    arize: { role: MEMBER, onDelete: retain }
    connect: { username: dan, userRole: publisher }
  erin@example.com:
    name: Erin
    vectara: { apiRoles: [corpus_viewer] }
    arize: { role: ANNOTATOR }
    connect: { username: erin, userRole: viewer }
`;

test("one up creates every person's accounts in the three services", async () => {
  const r = ok(await upWith("roster.yaml", before));
  expect(ops(r).filter((o) => o.startsWith("create ") && o.includes("@"))).toHaveLength(12);
  expect(vectara.users().map((u) => [u.username, u.api_roles, u.enabled])).toEqual(expect.arrayContaining([["alice@example.com", ["viewer"], true]]));
  expect(vectara.users()).toHaveLength(4);
  expect(arize.users().map((u) => [u.email, u.name, u.role.name]).sort()).toEqual([
    ["alice@example.com", "Alice", "MEMBER"], ["bob@example.com", "Bob", "MEMBER"], ["carol@example.com", "Carol", "ANNOTATOR"], ["dan@example.com", "Dan", "MEMBER"],
  ]);
  expect(connect.users().map((u) => [u.username, u.email, u.user_role]).sort()).toEqual([
    ["alice", "alice@example.com", "viewer"], ["bob", "bob@example.com", "viewer"], ["carol", "carol@example.com", expect.any(String)], ["dan", "dan@example.com", "publisher"],
  ]);
  expect(r.outputs?.vectaraUsernames).toEqual(["alice@example.com", "bob@example.com", "carol@example.com", "dan@example.com"]);
});

test("a joiner, a mover in each service and two leavers make exactly their writes per service, and nothing else", async () => {
  ok(await upWith("roster.yaml", before));
  const id = (email: string) => arize.userByEmail(email)!.id;
  const guid = (username: string) => connect.userNamed(username)!.guid;
  const [bobId, carolId, danId] = [id("bob@example.com"), id("carol@example.com"), id("dan@example.com")];
  const [bobGuid, carolGuid, danGuid] = [guid("bob"), guid("carol"), guid("dan")];
  clearLogs();

  const r = ok(await upWith("roster.yaml", after));
  expect(ops(r).filter((o) => !o.endsWith("access-roster-dev"))).toEqual([
    "create erin@example.com", "create erin@example.com", "create erin@example.com",
    "delete carol@example.com", "delete carol@example.com", "delete carol@example.com",
    "delete dan@example.com", "delete dan@example.com", "delete dan@example.com",
    "same alice@example.com", "same alice@example.com", "same bob@example.com",
    "update alice@example.com", "update bob@example.com", "update bob@example.com",
  ]);

  // Vectara: erin created; alice's roles; carol disabled (the default onDelete); dan deleted (his own).
  expect(writes(vectara)).toEqual(["DELETE /v2/users/dan%40example.com", "PATCH /v2/users/alice%40example.com", "PATCH /v2/users/carol%40example.com", "POST /v2/users"]);
  expect(vectara.user("alice@example.com")?.api_roles?.slice().sort()).toEqual(["corpus_viewer", "viewer"]);
  expect(vectara.user("carol@example.com")?.enabled).toBe(false);
  expect(vectara.user("dan@example.com")).toBeUndefined();

  // Arize: erin invited; bob renamed and no longer a developer; carol deleted; dan retained (no request).
  expect(writes(arize)).toEqual([`DELETE /v2/users/${carolId}`, `PATCH /v2/users/${bobId}`, "POST /v2/users"]);
  expect(arize.user(bobId)).toMatchObject({ name: "Robert", is_developer: false });
  expect(arize.user(carolId)).toBeUndefined();
  expect(arize.user(danId)).toMatchObject({ email: "dan@example.com" });
  expect(arize.userByEmail("erin@example.com")?.role.name).toBe("ANNOTATOR");

  // Connect: erin created; bob's role; carol and dan locked (Connect cannot delete).
  expect(writes(connect)).toEqual([`POST /__api__/v1/users/${carolGuid}/lock`, `POST /__api__/v1/users/${danGuid}/lock`, "POST /__api__/v1/users", `PUT /__api__/v1/users/${bobGuid}`].sort());
  expect(connect.user(bobGuid)?.user_role).toBe("publisher");
  expect([connect.user(carolGuid)?.locked, connect.user(danGuid)?.locked]).toEqual([true, true]);
  expect(connect.userNamed("erin")).toMatchObject({ email: "erin@example.com", user_role: "viewer" });

  clearLogs();
  const again = ok(await upWith("roster.yaml", after));
  expect(ops(again).filter((o) => !o.startsWith("same "))).toEqual([]);
  expect([...writes(vectara), ...writes(arize), ...writes(connect)]).toEqual([]);
});

test("a bad roster fails before any request to any service, naming every problem with file, line and field", async () => {
  ok(await upWith("roster.yaml", before));
  const users = () => [vectara.users(), arize.users(), connect.users()].map((us) => us.length);
  clearLogs();
  const r = await upWith("roster.yaml", `
people:
  alice@example.com:
    vectara: { apiRoles: [superuser] }
    slack: { role: admin }
  bob@example.com:
    connect: { userRole: viewer }
  Alice@example.com:
    arize: { name: A, role: owner }
`);
  expect(r.error).toBeDefined();
  for (const line of [
    "roster.yaml:4: vectara.apiRoles (alice@example.com): \"superuser\" is not a Vectara API role",
    "roster.yaml:5: slack (alice@example.com): unknown service \"slack\"",
    "roster.yaml:7: connect.username (bob@example.com): is required",
    "roster.yaml:8: email (Alice@example.com): Alice@example.com appears twice (first on line 3)",
  ]) expect(r.error).toContain(line);
  expect(requestCount()).toBe(0);
  expect(ops(r).filter((o) => !o.startsWith("same "))).toEqual([]);
  expect(users()).toEqual([4, 4, 4]);
});

test("a bad CSV roster fails before any request, naming the rows", async () => {
  const r = await upWith("roster.csv", "email,name,vectara.apiRoles,connect.username\nalice@example.com,Alice,viewer,alice\nalice@example.com,Alice,,\n");
  expect(r.error).toContain("roster.csv:3: email (alice@example.com): alice@example.com has two rows (lines 2 and 3)");
  expect(requestCount()).toBe(0);
});

test("the example's roster.yaml deploys, and its roster.csv is the same roster: switching to it writes nothing", async () => {
  const example = (name: string) => fs.readFileSync(path.join(repo, "examples/roster", name), "utf8");
  ok(await upWith("roster.yaml", example("roster.yaml")));
  expect([vectara.users().length, arize.users().length, connect.users().length]).toEqual([2, 1, 2]);
  clearLogs();
  const r = ok(await upWith("roster.csv", example("roster.csv")));
  expect(ops(r).filter((o) => !o.startsWith("same "))).toEqual([]);
  expect([...writes(vectara), ...writes(arize), ...writes(connect)]).toEqual([]);
});

test("a leaver's accounts go by the onDelete last deployed, not one changed in the same edit", async () => {
  ok(await upWith("roster.yaml", "people:\n  dan@example.com:\n    vectara: { onDelete: delete }\n"));
  clearLogs();
  ok(await upWith("roster.yaml", "people:\n  dan@example.com:\n    leaver: true\n    vectara: { onDelete: disable }\n"));
  expect(writes(vectara)).toEqual(["DELETE /v2/users/dan%40example.com"]);
});
