// Two Connect servers in one stack, through the real provider host: each ConnectUser names its
// account, whose settings come from its own namespace (connect-staging:*), and moving a user to
// another server replaces it there (create on the new server, lock on the old one).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConnectEmulator } from "../../emulator/connect/server";
import { Stack } from "../harness/engine";
import { ok, ops } from "./vectara-stack";
import { programDir, project, usersProgram, withUsers } from "./connect-stack";

let prod: ConnectEmulator;
let staging: ConnectEmulator;
let dir: string;
beforeAll(async () => {
  // Different keys: a request sent with the wrong server's key is refused.
  [prod, staging] = await Promise.all([ConnectEmulator.start({ apiKey: "prod-key" }), ConnectEmulator.start({ apiKey: "staging-key" })]);
});
afterAll(async () => {
  await Promise.all([prod?.close(), staging?.close()]);
});
beforeEach(() => {
  prod.reset();
  staging.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "connect-accounts-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stack = (users: Record<string, unknown>) => new Stack({
  stateDir: path.join(dir, "state"), project, stack: "dev",
  config: {
    "connect:serverUrl": prod.serverUrl, "connect:apiKey": prod.apiKey,
    "connect-staging:serverUrl": staging.serverUrl, "connect-staging:apiKey": staging.apiKey,
    ...withUsers(users),
  },
  secretConfigKeys: ["connect:apiKey", "connect-staging:apiKey"],
});
const writes = (e: ConnectEmulator) => e.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, "{guid}")}`);

test("each user lives on the server its account names; moving it creates it there and locks the old one", async () => {
  const users = { ann: { username: "ann" }, bea: { username: "bea", account: "staging", userRole: "publisher" } };
  expect(ops(ok(await stack(users).up(usersProgram, { programDir })))).toEqual(["create ann", "create bea"]);
  expect(prod.users().map((u) => u.username)).toEqual(["ann"]);
  expect(staging.users().map((u) => u.username)).toEqual(["bea"]);
  const state = stack(users).state().resources.filter((r) => r.type === "pulumi-nodejs:dynamic/connect:User");
  expect(new Set(state.map((r) => r.inputs.__provider)).size).toBe(1);
  const stateText = fs.readFileSync(path.join(dir, "state", "state.json"), "utf8");
  for (const key of [prod.apiKey, staging.apiKey]) expect(stateText).not.toContain(key);

  prod.requests.length = 0;
  staging.requests.length = 0;
  const moved = { ...users, ann: { username: "ann", account: "staging" } };
  expect(ops(ok(await stack(moved).up(usersProgram, { programDir })))).toEqual(["replace ann", "same bea"]);
  expect(writes(staging)).toEqual(["POST /__api__/v1/users"]);
  expect(writes(prod)).toEqual(["POST /__api__/v1/users/{guid}/lock"]);
  expect(prod.userNamed("ann")?.locked).toBe(true);
  expect(staging.userNamed("ann")?.locked).toBe(false);
});
