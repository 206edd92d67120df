// ArizeUser through the real @pulumi/pulumi dynamic-provider host (test/harness), against the
// Arize emulator: what `pulumi up`, `refresh` and `destroy` do. Needs `npm run build` first.
import * as fs from "node:fs";
import * as path from "node:path";
import { arizeStack, ok, ops, stackEnv } from "./service-stack";

const { example, programDir, usersProgram, withUsers } = arizeStack;

const env = stackEnv(arizeStack);
const stack = (config?: Record<string, string>) => env.stack(config);
const apiCalls = () => env.emulator.requests.filter((r) => r.path.startsWith("/v2/")).map((r) => `${r.method} ${r.rawPath}`);
const writes = () => env.emulator.requests.filter((r) => r.path.startsWith("/v2/") && r.method !== "GET");
const byEmail = (email: string) => env.emulator.userByEmail(email);

const alice = { email: "alice@example.com", name: "Alice" };
const bob = { email: "bob@example.com", name: "Bob", role: "annotator" };

test("up creates the example's users, and a second up changes nothing and calls no API", async () => {
  const first = ok(await stack().up(example, { programDir }));
  expect(ops(first)).toEqual(["create analyst", "create annotator", "create lead"]);
  expect(byEmail("lead@example.com")).toMatchObject({ status: "ACTIVE", role: { type: "PREDEFINED", name: "ADMIN" } });
  expect(byEmail("annotator@example.com")).toMatchObject({ status: "INVITED", is_developer: false });
  expect(first.outputs).toMatchObject({ leadId: byEmail("lead@example.com")!.id, analystStatus: "INVITED" });
  const lead = stack().state().resources.find((r) => r.name === "lead");
  expect(lead).toMatchObject({ type: "pulumi-nodejs:dynamic/arize:User", id: byEmail("lead@example.com")!.id });

  env.emulator.requests.length = 0;
  const second = ok(await stack().up(example, { programDir }));
  expect(ops(second)).toEqual(["same analyst", "same annotator", "same lead"]);
  expect(apiCalls()).toEqual([]);
});

test("editing name and isDeveloper updates in place with one PATCH; a changed trigger resends the invitation", async () => {
  ok(await stack(withUsers({ alice: { ...alice, resendInvitationTrigger: "1" }, bob })).up(usersProgram, { programDir }));
  env.emulator.requests.length = 0;
  const r = ok(await stack(withUsers({ alice: { ...alice, name: "Alice B.", isDeveloper: false, resendInvitationTrigger: "2" }, bob })).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["same bob", "update alice"]);
  const id = encodeURIComponent(byEmail("alice@example.com")!.id);
  expect(apiCalls()).toEqual([`PATCH /v2/users/${id}`, `GET /v2/users/${id}`, `POST /v2/users/${id}/resend-invitation`, `GET /v2/users/${id}`]);
  expect(writes()[0]?.body).toEqual({ name: "Alice B.", is_developer: false });
  expect(byEmail("alice@example.com")).toMatchObject({ name: "Alice B.", is_developer: false });
});

test("a changed resendInvitationTrigger on an EXPIRED user renews its invitation by creating it again: no delete, the id follows the answer", async () => {
  ok(await stack(withUsers({ alice: { ...alice, resendInvitationTrigger: "1" } })).up(usersProgram, { programDir }));
  const before = byEmail("alice@example.com")!.id;
  env.emulator.setStatus(before, "EXPIRED");
  env.emulator.requests.length = 0;
  const r = ok(await stack(withUsers({ alice: { ...alice, resendInvitationTrigger: "2" } })).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["update alice"]);
  const id = encodeURIComponent(before);
  expect(apiCalls()).toEqual([`GET /v2/users/${id}`, "POST /v2/users", `GET /v2/users/${id}`]);
  const renewed = byEmail("alice@example.com")!;
  expect(renewed.status).toBe("INVITED");
  const state = stack().state().resources.find((res) => res.name === "alice")!;
  expect(state).toMatchObject({ id: renewed.id, outputs: { userId: renewed.id, status: "INVITED", resendInvitationTrigger: "2" } });
});

test("after a trigger that only resets the password, the state's status is the server's (ACTIVE), not the one stored before", async () => {
  ok(await stack(withUsers({ alice: { ...alice, passwordResetTrigger: "1" } })).up(usersProgram, { programDir }));
  const id = byEmail("alice@example.com")!.id;
  env.emulator.setStatus(id, "ACTIVE");
  ok(await stack(withUsers({ alice: { ...alice, passwordResetTrigger: "2" } })).up(usersProgram, { programDir }));
  expect(stack().state().resources.find((res) => res.name === "alice")?.outputs).toMatchObject({ userId: id, status: "ACTIVE" });
});

test("a role change is refused before any request; after Arize changes it and a refresh, setting it is no change", async () => {
  ok(await stack(withUsers({ alice })).up(usersProgram, { programDir }));
  const id = byEmail("alice@example.com")!.id;
  env.emulator.requests.length = 0;

  const refused = await stack(withUsers({ alice: { ...alice, role: "ADMIN" } })).up(usersProgram, { programDir });
  expect(refused.error).toMatch(/role: role cannot change through the Arize API/);
  expect(env.emulator.requests).toEqual([]);

  env.emulator.setRole(id, "ADMIN");
  env.emulator.setStatus(id, "ACTIVE");
  const refreshed = ok(await stack().refresh({ programDir }));
  expect(refreshed.steps.find((s) => s.name === "alice")?.changedKeys).toEqual(expect.arrayContaining(["role"]));
  expect(stack().state().resources.find((r) => r.name === "alice")?.outputs).toMatchObject({ role: "ADMIN", status: "ACTIVE" });

  env.emulator.requests.length = 0;
  const converged = ok(await stack(withUsers({ alice: { ...alice, role: "admin" } })).up(usersProgram, { programDir }));
  expect(ops(converged)).toEqual(["same alice"]);
  expect(writes()).toEqual([]);
  // And the old role is now the change that is refused.
  const back = await stack(withUsers({ alice })).up(usersProgram, { programDir });
  expect(back.error).toMatch(/this user is ADMIN in the stack, the program says MEMBER/);
});

test("status moving on its own is no diff; a changed inviteMode warns and changes nothing", async () => {
  ok(await stack(withUsers({ alice })).up(usersProgram, { programDir }));
  env.emulator.setStatus(byEmail("alice@example.com")!.id, "ACTIVE");
  ok(await stack().refresh({ programDir }));
  env.emulator.requests.length = 0;
  const s = stack(withUsers({ alice: { ...alice, inviteMode: "TEMPORARY_PASSWORD" } }));
  const r = ok(await s.up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["same alice"]);
  expect(writes()).toEqual([]);
  expect(s.hostOutput()).toContain("inviteMode changed from EMAIL_LINK to TEMPORARY_PASSWORD");
});

test("a new email replaces the user, the new one created before the old one is deleted", async () => {
  ok(await stack(withUsers({ alice })).up(usersProgram, { programDir }));
  const old = byEmail("alice@example.com")!.id;
  env.emulator.requests.length = 0;
  const r = ok(await stack(withUsers({ alice: { ...alice, email: "alice@corp.example.com" } })).up(usersProgram, { programDir }));
  expect(ops(r)).toEqual(["replace alice"]);
  expect(apiCalls()).toEqual(["POST /v2/users", `DELETE /v2/users/${encodeURIComponent(old)}`]);
  expect(env.emulator.users().map((u) => u.email)).toEqual(["alice@corp.example.com"]);
});

test("adoptExisting takes over an existing user and converges its name; without it the error names the flag", async () => {
  env.emulator.seedUser({ email: "alice@example.com", name: "Old name" }, { status: "ACTIVE" });
  const refused = await stack(withUsers({ alice })).up(usersProgram, { programDir });
  expect(refused.error).toMatch(/Arize user alice@example.com already exists .*set adoptExisting: true/s);
  const adopted = ok(await stack(withUsers({ alice: { ...alice, adoptExisting: true } })).up(usersProgram, { programDir }));
  expect(ops(adopted)).toEqual(["create alice"]);
  expect(env.emulator.users()).toHaveLength(1);
  expect(byEmail("alice@example.com")?.name).toBe("Alice");
});

test("destroy deletes users (their emails burnt for good) and leaves retained ones", async () => {
  ok(await stack(withUsers({ alice, bob: { ...bob, onDelete: "retain" } })).up(usersProgram, { programDir }));
  ok(await stack().destroy({ programDir }));
  expect(env.emulator.users().map((u) => u.email)).toEqual(["bob@example.com"]);
  expect(stack().state().resources.filter((r) => r.custom)).toEqual([]);
  const again = await stack(withUsers({ alice })).up(usersProgram, { programDir });
  expect(again.error).toMatch(/can never be invited again/);
});

test("bad inputs fail the check naming the property, with zero requests", async () => {
  const r = await stack(withUsers({ eve: { email: "not-an-email", name: "", role: "OWNER" } })).up(usersProgram, { programDir });
  expect(r.error).toMatch(/email/);
  expect(r.error).toMatch(/name/);
  expect(r.error).toMatch(/role/);
  expect(env.emulator.requests).toEqual([]);
});

test("the temporary password is a secret: encrypted in state.json, absent from host and program output; the key too", async () => {
  const s = stack(withUsers({ alice: { ...alice, inviteMode: "TEMPORARY_PASSWORD" } }));
  ok(await s.up(usersProgram, { programDir }));
  const resource = s.state().resources.find((r) => r.name === "alice")!;
  const password = resource.outputs.temporaryPassword as string;
  expect(password).toEqual(expect.any(String));
  expect(password.length).toBeGreaterThan(8);
  ok(await s.refresh({ programDir }));
  expect(s.state().resources.find((r) => r.name === "alice")!.outputs.temporaryPassword).toBe(password);
  const file = fs.readFileSync(path.join(env.dir, "state", "state.json"), "utf8");
  for (const text of [file, s.hostOutput(), s.programOutput()]) {
    expect(text).not.toContain(password);
    expect(text).not.toContain(env.emulator.apiKey);
  }
  expect(String(resource.inputs.__provider)).toContain("pulumi-saas-users/arize-user");
});
