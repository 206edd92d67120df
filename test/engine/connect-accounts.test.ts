// Two Connect servers in one stack, through the real provider host: each ConnectUser names its
// account, whose settings come from its own namespace (connect-staging:*), and moving a user to
// another server replaces it there (create on the new server, lock on the old one).
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConnectEmulator } from "../../emulator/connect/server";
import { connectStack, ok, ops, twoAccounts } from "./service-stack";

const { programDir, usersProgram } = connectStack;
const accounts = twoAccounts(connectStack, { prod: "prod-key", staging: "staging-key" });
const { stack } = accounts;
const writes = (e: ConnectEmulator) => e.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, "{guid}")}`);

test("each user lives on the server its account names; moving it creates it there and locks the old one", async () => {
  const users = { ann: { username: "ann" }, bea: { username: "bea", account: "staging", userRole: "publisher" } };
  expect(ops(ok(await stack(users).up(usersProgram, { programDir })))).toEqual(["create ann", "create bea"]);
  expect(accounts.prod.users().map((u) => u.username)).toEqual(["ann"]);
  expect(accounts.staging.users().map((u) => u.username)).toEqual(["bea"]);
  const state = stack(users).state().resources.filter((r) => r.type === "pulumi-nodejs:dynamic/connect:User");
  expect(new Set(state.map((r) => r.inputs.__provider)).size).toBe(1);
  const stateText = fs.readFileSync(path.join(accounts.dir, "state", "state.json"), "utf8");
  for (const key of [accounts.prod.apiKey, accounts.staging.apiKey]) expect(stateText).not.toContain(key);

  accounts.prod.requests.length = 0;
  accounts.staging.requests.length = 0;
  const moved = { ...users, ann: { username: "ann", account: "staging" } };
  expect(ops(ok(await stack(moved).up(usersProgram, { programDir })))).toEqual(["replace ann", "same bea"]);
  expect(writes(accounts.staging)).toEqual(["POST /__api__/v1/users"]);
  expect(writes(accounts.prod)).toEqual(["POST /__api__/v1/users/{guid}/lock"]);
  expect(accounts.prod.userNamed("ann")?.locked).toBe(true);
  expect(accounts.staging.userNamed("ann")?.locked).toBe(false);
});
