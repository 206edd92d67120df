// VectaraUser through the real @pulumi/pulumi dynamic-provider host (test/harness), against the
// emulator: what `pulumi up`, `refresh` and `destroy` do. Needs `npm run build` first.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ok, ops, stackEnv, vectaraStack } from "./service-stack";

const { programDir, example: quickstart, usersProgram, withUsers } = vectaraStack;

const env = stackEnv(vectaraStack);
const stack = (config?: Record<string, string>, credentials?: Record<string, string>) => env.stack(config, credentials);
const apiCalls = () => env.emulator.requests.filter((r) => r.path.startsWith("/v2/")).map((r) => `${r.method} ${r.rawPath}`);

const alice = { email: "alice@example.com", apiRoles: ["corpus_administrator"], corpusRoles: [{ corpusKey: "docs", role: "editor" }], description: "Content manager" };
const bob = { email: "bob@example.com", corpusRoles: [{ corpusKey: "docs", role: "viewer" }], onDelete: "disable" };

test("up creates the quickstart's users, and a second up changes nothing and calls no API", async () => {
  const first = ok(await stack().up(quickstart, { programDir }));
  expect(ops(first)).toEqual(["create alice", "create bob"]);
  expect(env.emulator.user("alice@example.com")).toMatchObject({ api_roles: ["corpus_administrator"], corpus_roles: [{ corpus_key: "docs", role: "editor" }], description: "Content manager", enabled: true });
  expect(first.outputs).toMatchObject({ aliceId: expect.stringMatching(/^usr_/), bobUsername: "bob@example.com" });
  const resource = stack().state().resources.find((r) => r.name === "alice");
  expect(resource).toMatchObject({ type: "pulumi-nodejs:dynamic/vectara:User", id: "alice@example.com" });

  env.emulator.requests.length = 0;
  const second = ok(await stack().up(quickstart, { programDir }));
  expect(ops(second)).toEqual(["same alice", "same bob"]);
  expect(apiCalls()).toEqual([]);
});

test("editing enabled, description and roles updates in place with one PATCH each; reordering roles is no change", async () => {
  ok(await stack(withUsers({ alice, bob })).up(usersProgram, { programDir }));
  env.emulator.requests.length = 0;
  const edited = {
    alice: { ...alice, description: "Head of content", apiRoles: ["viewer", "corpus_administrator"] },
    bob: { ...bob, enabled: false, corpusRoles: [{ corpusKey: "docs", role: "viewer" }, { corpusKey: "docs", role: "viewer" }] },
  };
  const r = ok(await stack(withUsers(edited)).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["update alice", "update bob"]);
  expect(apiCalls().sort()).toEqual(["PATCH /v2/users/alice%40example.com", "PATCH /v2/users/bob%40example.com"]);
  expect(env.emulator.user("alice@example.com")).toMatchObject({ description: "Head of content", api_roles: expect.arrayContaining(["viewer", "corpus_administrator"]) });
  expect(env.emulator.user("bob@example.com")?.enabled).toBe(false);

  const shuffled = { ...edited, alice: { ...edited.alice, apiRoles: ["corpus_administrator", "viewer", "viewer"] } };
  expect(ops(ok(await stack(withUsers(shuffled)).up(usersProgram, { programDir })))).toEqual(["same alice", "same bob"]);
});

test("changing the email replaces the user: create-then-delete for a new username, delete-then-create for the same one", async () => {
  const carol = { email: "carol@example.com", username: "carol" };
  ok(await stack(withUsers({ alice, carol })).up(usersProgram, { programDir }));
  const before = env.emulator.user("alice@example.com")?.id;
  env.emulator.requests.length = 0;

  const r = ok(await stack(withUsers({ alice: { ...alice, email: "alice@corp.example.com" }, carol: { ...carol, email: "carol@corp.example.com" } })).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["replace alice", "replace carol"]);
  expect(env.emulator.user("alice@example.com")).toBeUndefined();
  expect(env.emulator.user("alice@corp.example.com")?.id).not.toBe(before);
  expect(env.emulator.user("carol")?.email).toBe("carol@corp.example.com");
  const calls = apiCalls();
  expect(calls.indexOf("POST /v2/users")).toBeLessThan(calls.indexOf("DELETE /v2/users/alice%40example.com"));
  expect(calls.indexOf("DELETE /v2/users/carol")).toBeGreaterThanOrEqual(0);
  expect(env.emulator.requests.find((q) => q.method === "DELETE" && q.path === "/v2/users/carol")!.at)
    .toBeLessThanOrEqual(env.emulator.requests.find((q) => q.method === "POST" && (q.body as { username?: string }).username === "carol")!.at);
  expect(stack().state().resources.map((x) => x.id).sort()).toEqual(["alice@corp.example.com", "carol"]);
});

test("refresh notices out-of-band changes and deletions, and the next up converges", async () => {
  ok(await stack().up(quickstart, { programDir }));
  env.emulator.patchUser("alice@example.com", { api_roles: ["owner"], description: "edited in the console" });
  env.emulator.deleteUser("bob@example.com");

  const refreshed = ok(await stack().refresh({ programDir }));
  expect(refreshed.steps.map((s) => `${s.op} ${s.name}`).sort()).toEqual(["refresh-delete bob", "refresh-update alice"]);
  expect(refreshed.steps.find((s) => s.name === "alice")?.changedKeys).toEqual(expect.arrayContaining(["apiRoles", "description"]));
  expect(stack().state().resources.map((x) => x.name)).toEqual(["alice"]);

  const converged = ok(await stack().up(quickstart, { programDir }));
  expect(ops(converged)).toEqual(["create bob", "update alice"]);
  expect(env.emulator.user("alice@example.com")).toMatchObject({ api_roles: ["corpus_administrator"], description: "Content manager" });
});

test("after a refresh that saw drift, preview names exactly the drifted properties; a refresh without drift leaves the inputs as they were", async () => {
  ok(await stack().up(quickstart, { programDir }));
  const inputs = () => Object.fromEntries(stack().state().resources.map((r) => [r.name, r.inputs]));
  const applied = inputs();
  ok(await stack().refresh({ programDir }));
  expect(inputs()).toEqual(applied);

  env.emulator.patchUser("alice@example.com", { enabled: false, description: "edited in the console" });
  ok(await stack().refresh({ programDir }));
  expect(inputs().alice).toEqual({ ...applied.alice, enabled: false, description: "edited in the console" });
  expect(inputs().bob).toEqual(applied.bob);
  const preview = ok(await stack().preview(quickstart, { programDir }));
  expect(preview.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}: ${s.changedKeys?.join(", ")}`)).toEqual(["update alice: description, enabled"]);

  expect(ops(ok(await stack().up(quickstart, { programDir })))).toEqual(["same bob", "update alice"].sort());
  expect(env.emulator.user("alice@example.com")).toMatchObject({ enabled: true, description: "Content manager" });
  ok(await stack().refresh({ programDir }));
  expect(inputs()).toEqual(applied);
  expect(ops(ok(await stack().preview(quickstart, { programDir })))).toEqual(["same alice", "same bob"]);
});

test("destroy deletes users, or disables those with onDelete: disable", async () => {
  ok(await stack().up(quickstart, { programDir }));
  const r = ok(await stack().destroy({ programDir }));
  expect(ops(r)).toEqual(["delete alice", "delete bob"]);
  expect(env.emulator.user("alice@example.com")).toBeUndefined();
  expect(env.emulator.user("bob@example.com")?.enabled).toBe(false);
  expect(stack().state().resources).toEqual([]);
});

test("removing a user from the program deletes it", async () => {
  ok(await stack(withUsers({ alice, carol: { email: "carol@example.com" } })).up(usersProgram, { programDir }));
  const r = ok(await stack(withUsers({ alice })).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["delete carol", "same alice"]);
  expect(env.emulator.user("carol@example.com")).toBeUndefined();
});

test("bad input fails the up with CheckFailures naming the properties, and sends no request", async () => {
  const r = await stack(withUsers({ eve: { email: "not-an-email", apiRoles: ["corpus_admin"] } })).up(usersProgram, { programDir });
  expect(r.error).toMatch(/email: email must be a valid email address/);
  expect(r.error).toMatch(/apiRoles\[0\]/);
  expect(apiCalls()).toEqual([]);
});

test("an existing user is refused unless adoptExisting, which takes it over", async () => {
  env.emulator.seedUser({ email: "dave@example.com", api_roles: ["owner"] });
  const refused = await stack(withUsers({ dave: { email: "dave@example.com", apiRoles: ["viewer"] } })).up(usersProgram, { programDir });
  expect(refused.error).toMatch(/dave@example.com already exists.*set adoptExisting: true/s);
  const adopted = ok(await stack(withUsers({ dave: { email: "dave@example.com", apiRoles: ["viewer"], adoptExisting: true } })).up(usersProgram, { programDir }));
  expect(ops(adopted)).toEqual(["create dave"]);
  expect(env.emulator.user("dave@example.com")?.api_roles).toEqual(["viewer"]);
  expect(ops(ok(await stack().refresh({ programDir })))).toEqual(["refresh-same dave"]);
});

test("an email held by another username is refused with that username and how to adopt it, and no write; declaring it adopts", async () => {
  env.emulator.seedUser({ email: "jdoe@example.com", username: "jdoe", api_roles: ["viewer"] });
  const refused = await stack(withUsers({ jdoe: { email: "jdoe@example.com", apiRoles: ["viewer"], adoptExisting: true } })).up(usersProgram, { programDir });
  expect(refused.error).toMatch(/cannot create Vectara user jdoe@example.com: email jdoe@example.com belongs to the existing user jdoe/);
  expect(refused.error).toContain('username: "jdoe" with adoptExisting: true');
  expect(env.emulator.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /v2/users 400"]);
  expect(env.emulator.users().map((u) => u.username)).toEqual(["jdoe"]);

  env.emulator.requests.length = 0;
  const adopted = ok(await stack(withUsers({ jdoe: { email: "jdoe@example.com", username: "jdoe", apiRoles: ["viewer"], adoptExisting: true } })).up(usersProgram, { programDir }));
  expect(ops(adopted)).toEqual(["create jdoe"]);
  expect(apiCalls()).toEqual(["GET /v2/users/jdoe"]);
});

test("changing only the username replaces the user delete-first, since the email it keeps is unique", async () => {
  ok(await stack(withUsers({ erin: { email: "erin@example.com" } })).up(usersProgram, { programDir }));
  env.emulator.requests.length = 0;
  const r = ok(await stack(withUsers({ erin: { email: "erin@example.com", username: "erin" } })).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["replace erin"]);
  expect(apiCalls()).toEqual(["DELETE /v2/users/erin%40example.com", "POST /v2/users"]);
  expect(env.emulator.users().map((u) => [u.username, u.email])).toEqual([["erin", "erin@example.com"]]);
});

test("preview checks inputs and changes nothing", async () => {
  const r = ok(await stack().preview(quickstart, { programDir }));
  expect(ops(r)).toEqual(["create alice", "create bob"]);
  expect(env.emulator.users()).toEqual([]);
  expect(apiCalls()).toEqual([]);
});

test("works with OAuth client credentials, fetching one token per host", async () => {
  const oauth = { "vectara:clientId": env.emulator.clientId, "vectara:clientSecret": env.emulator.clientSecret, "vectara:authUrl": env.emulator.tokenUrl };
  ok(await stack({}, oauth).up(quickstart, { programDir }));
  expect(env.emulator.users()).toHaveLength(2);
  expect(env.emulator.tokensIssued).toBe(1);
});

test("no credential reaches state, host output or program output, and __provider stays small", async () => {
  const s = stack({}, { "vectara:apiKey": env.emulator.apiKey, "vectara:clientSecret": "never-used-client-secret" });
  ok(await s.up(quickstart, { programDir }));
  ok(await s.refresh({ programDir }));
  const state = fs.readFileSync(path.join(env.dir, "state", "state.json"), "utf8");
  const provider = String(s.state().resources[0]?.inputs.__provider);
  ok(await s.destroy({ programDir }));
  for (const text of [state, s.hostOutput(), s.programOutput()]) {
    expect(text).not.toContain(env.emulator.apiKey);
    expect(text).not.toContain("never-used-client-secret");
  }
  expect(provider).toContain("pulumi-saas-users/vectara-user");
  expect(provider).not.toMatch(/zod|undici/);
  expect(Buffer.byteLength(provider)).toBeLessThan(1024);
  console.log(`__provider: ${Buffer.byteLength(provider)} bytes per resource`);
});

test("a program directory without the package fails every operation with how to fix it", async () => {
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "no-package-"));
  try {
    const r = await stack().up(quickstart, { programDir: elsewhere });
    expect(r.error).toMatch(/install pulumi-saas-users beside the program: Error: Cannot find module 'pulumi-saas-users\/vectara-user'/);
    expect(r.error).not.toMatch(/is not a function/);
    expect(env.emulator.users()).toEqual([]);
  } finally {
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});
