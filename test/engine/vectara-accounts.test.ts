// Two Vectara accounts in one stack, through the real provider host (test/harness): each resource
// names its account, each account's settings come from its own config namespace, and the
// serialized provider is the same credential-free loader for both.
import * as fs from "node:fs";
import * as path from "node:path";
import type { VectaraEmulator } from "../../emulator/vectara/server";
import { ok, ops, twoAccounts, vectaraStack } from "./service-stack";

const { programDir, usersProgram } = vectaraStack;
const accounts = twoAccounts(vectaraStack, { prod: "zut_prod_key", staging: "zut_staging_key" });
const { stack } = accounts;
const writes = (e: VectaraEmulator) => e.requests.filter((r) => r.path.startsWith("/v2/") && r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`);

test("each user is created in, updated in and deleted from the account it names", async () => {
  const users = {
    ann: { email: "ann@example.com", apiRoles: ["viewer"] },
    bea: { email: "bea@example.com", account: "staging", apiRoles: ["viewer"] },
  };
  expect(ops(ok(await stack(users).up(usersProgram, { programDir })))).toEqual(["create ann", "create bea"]);
  expect(writes(accounts.prod)).toEqual(["POST /v2/users"]);
  expect(writes(accounts.staging)).toEqual(["POST /v2/users"]);
  expect(accounts.prod.user("ann@example.com")).toBeDefined();
  expect(accounts.prod.user("bea@example.com")).toBeUndefined();
  expect(accounts.staging.user("bea@example.com")).toBeDefined();

  const state = stack(users).state().resources.filter((r) => r.type === "pulumi-nodejs:dynamic/vectara:User");
  // One loader for every resource, whatever its account: the account is an input, never captured code.
  expect(new Set(state.map((r) => r.inputs.__provider)).size).toBe(1);
  expect(state.find((r) => r.name === "bea")?.outputs.account).toBe("staging");
  const stateText = fs.readFileSync(path.join(accounts.dir, "state", "state.json"), "utf8");
  for (const secret of [accounts.prod.apiKey, accounts.staging.apiKey]) expect(stateText).not.toContain(secret);

  accounts.prod.requests.length = 0;
  accounts.staging.requests.length = 0;
  const moved = { ...users, bea: { ...users.bea, apiRoles: ["corpus_viewer"] } };
  expect(ops(ok(await stack(moved).up(usersProgram, { programDir })))).toEqual(["same ann", "update bea"]);
  expect(writes(accounts.prod)).toEqual([]);
  expect(writes(accounts.staging)).toEqual(["PATCH /v2/users/bea%40example.com"]);

  accounts.prod.requests.length = 0;
  accounts.staging.requests.length = 0;
  ok(await stack(moved).refresh({ programDir }));
  ok(await stack(moved).destroy({ programDir }));
  expect(writes(accounts.prod)).toEqual(["DELETE /v2/users/ann%40example.com"]);
  expect(writes(accounts.staging)).toEqual(["DELETE /v2/users/bea%40example.com"]);
});

test("moving a user to another account replaces it: created in the new account, deleted from the old", async () => {
  const users = { cy: { email: "cy@example.com" } };
  ok(await stack(users).up(usersProgram, { programDir }));
  accounts.prod.requests.length = 0;
  const r = ok(await stack({ cy: { email: "cy@example.com", account: "staging" } }).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["replace cy"]);
  expect(accounts.staging.user("cy@example.com")).toBeDefined();
  expect(accounts.prod.user("cy@example.com")).toBeUndefined();
  expect(writes(accounts.staging)).toEqual(["POST /v2/users"]);
  expect(writes(accounts.prod)).toEqual(["DELETE /v2/users/cy%40example.com"]);
});

test("an account without settings fails on its first request, naming the namespace to configure", async () => {
  const r = await stack({ dee: { email: "dee@example.com", account: "eu" } }).up(usersProgram, { programDir });
  expect(r.error).toMatch(/pulumi config set vectara-eu:apiKey --secret/);
  expect(writes(accounts.prod)).toEqual([]);
});
