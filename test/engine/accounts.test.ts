// Two Vectara accounts in one stack, through the real provider host (test/harness): each resource
// names its account, each account's settings come from its own config namespace, and the
// serialized provider is the same credential-free loader for both.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { Stack } from "../harness/engine";
import { ok, ops, programDir, project, usersProgram, withUsers } from "./vectara-stack";

let prod: VectaraEmulator;
let staging: VectaraEmulator;
let dir: string;
beforeAll(async () => {
  // Two emulators with different API keys: a request sent with the wrong account's key is refused.
  prod = await VectaraEmulator.start({ apiKey: "zut_prod_key" });
  staging = await VectaraEmulator.start({ apiKey: "zut_staging_key" });
});
afterAll(async () => {
  await prod?.close();
  await staging?.close();
});
beforeEach(() => {
  prod.reset();
  staging.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-accounts-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stack = (users: Record<string, unknown>) => new Stack({
  stateDir: path.join(dir, "state"), project, stack: "dev",
  config: {
    "vectara:apiUrl": prod.url, "vectara:apiKey": prod.apiKey,
    "vectara-staging:apiUrl": staging.url, "vectara-staging:apiKey": staging.apiKey,
    ...withUsers(users),
  },
  secretConfigKeys: ["vectara:apiKey", "vectara-staging:apiKey"],
});
const writes = (e: VectaraEmulator) => e.requests.filter((r) => r.path.startsWith("/v2/") && r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`);

test("each user is created in, updated in and deleted from the account it names", async () => {
  const users = {
    ann: { email: "ann@example.com", apiRoles: ["viewer"] },
    bea: { email: "bea@example.com", account: "staging", apiRoles: ["viewer"] },
  };
  expect(ops(ok(await stack(users).up(usersProgram, { programDir })))).toEqual(["create ann", "create bea"]);
  expect(writes(prod)).toEqual(["POST /v2/users"]);
  expect(writes(staging)).toEqual(["POST /v2/users"]);
  expect(prod.user("ann@example.com")).toBeDefined();
  expect(prod.user("bea@example.com")).toBeUndefined();
  expect(staging.user("bea@example.com")).toBeDefined();

  const state = stack(users).state().resources.filter((r) => r.type === "pulumi-nodejs:dynamic/vectara:User");
  // One loader for every resource, whatever its account: the account is an input, never captured code.
  expect(new Set(state.map((r) => r.inputs.__provider)).size).toBe(1);
  expect(state.find((r) => r.name === "bea")?.outputs.account).toBe("staging");
  const stateText = fs.readFileSync(path.join(dir, "state", "state.json"), "utf8");
  for (const secret of [prod.apiKey, staging.apiKey]) expect(stateText).not.toContain(secret);

  prod.requests.length = 0;
  staging.requests.length = 0;
  const moved = { ...users, bea: { ...users.bea, apiRoles: ["corpus_viewer"] } };
  expect(ops(ok(await stack(moved).up(usersProgram, { programDir })))).toEqual(["same ann", "update bea"]);
  expect(writes(prod)).toEqual([]);
  expect(writes(staging)).toEqual(["PATCH /v2/users/bea%40example.com"]);

  prod.requests.length = 0;
  staging.requests.length = 0;
  ok(await stack(moved).refresh({ programDir }));
  ok(await stack(moved).destroy({ programDir }));
  expect(writes(prod)).toEqual(["DELETE /v2/users/ann%40example.com"]);
  expect(writes(staging)).toEqual(["DELETE /v2/users/bea%40example.com"]);
});

test("moving a user to another account replaces it: created in the new account, deleted from the old", async () => {
  const users = { cy: { email: "cy@example.com" } };
  ok(await stack(users).up(usersProgram, { programDir }));
  prod.requests.length = 0;
  const r = ok(await stack({ cy: { email: "cy@example.com", account: "staging" } }).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["replace cy"]);
  expect(staging.user("cy@example.com")).toBeDefined();
  expect(prod.user("cy@example.com")).toBeUndefined();
  expect(writes(staging)).toEqual(["POST /v2/users"]);
  expect(writes(prod)).toEqual(["DELETE /v2/users/cy%40example.com"]);
});

test("an account without settings fails on its first request, naming the namespace to configure", async () => {
  const r = await stack({ dee: { email: "dee@example.com", account: "eu" } }).up(usersProgram, { programDir });
  expect(r.error).toMatch(/pulumi config set vectara-eu:apiKey --secret/);
  expect(writes(prod)).toEqual([]);
});
