// ConnectGroup, ConnectGroupMembership and ConnectContentPermission through the real
// @pulumi/pulumi dynamic-provider host (test/harness), against the Connect emulator: up, no-op,
// update, refresh, destroy, and bad input with zero requests. Needs `npm run build` first.
import * as path from "node:path";
import { connectStack, ok, ops, stackEnv } from "./service-stack";

const program = path.resolve(__dirname, "../../dist/test/harness/fixtures/connect-access/index.js");
const { programDir, project } = connectStack;
const env = stackEnv(connectStack);
const config = (o: { groups?: object; memberships?: object; permissions?: object }) => ({
  [`${project}:groups`]: JSON.stringify(o.groups ?? {}),
  [`${project}:memberships`]: JSON.stringify(o.memberships ?? {}),
  [`${project}:permissions`]: JSON.stringify(o.permissions ?? {}),
});
const stack = (o: Parameters<typeof config>[0] = {}) => env.stack(config(o));
const apiCalls = () => env.emulator.requests.filter((r) => r.path.startsWith("/__api__/")).map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{guid}")}`);

function seed() {
  const owner = env.emulator.seedUser({ username: "owner", user_role: "publisher" });
  const ann = env.emulator.seedUser({ username: "ann", user_role: "publisher" });
  const bob = env.emulator.seedUser({ username: "bob" });
  const content = env.emulator.seedContent("dashboard", owner.guid);
  return { owner, ann, bob, content };
}

/** One group, analysts, with ann and bob, and a viewer grant for ann on the dashboard (seeded). */
function analystsWithAnnAndBob() {
  const { ann, bob, content } = seed();
  return {
    ann, bob, content,
    groups: { analysts: { name: "analysts" } },
    memberships: { "analysts-ann": { group: "analysts", userGuid: ann.guid }, "analysts-bob": { group: "analysts", userGuid: bob.guid } },
    permissions: { "dashboard-ann": { contentGuid: content.guid, principalGuid: ann.guid, principalType: "user", role: "viewer" } },
  };
}

test("up creates a group, its members and a group grant; a second up changes nothing and calls no API", async () => {
  const { ann, bob, content } = seed();
  const declared = {
    groups: { analysts: { name: "analysts", ownerGuid: ann.guid } },
    memberships: { "analysts-ann": { group: "analysts", userGuid: ann.guid }, "analysts-bob": { group: "analysts", userGuid: bob.guid } },
    permissions: { "dashboard-analysts": { contentGuid: content.guid, group: "analysts", principalType: "group", role: "viewer" } },
  };
  const first = ok(await stack(declared).up(program, { programDir }));
  expect(ops(first).sort()).toEqual(["create analysts", "create analysts-ann", "create analysts-bob", "create dashboard-analysts"]);
  const group = env.emulator.groups()[0]!;
  expect(group).toMatchObject({ name: "analysts", owner_guid: ann.guid, member_count: 2 });
  expect(env.emulator.permissions(content.guid)).toMatchObject([{ principal_guid: group.guid, principal_type: "group", role: "viewer" }]);
  const state = stack().state().resources;
  expect(state.find((r) => r.name === "analysts")).toMatchObject({ type: "pulumi-nodejs:dynamic/connect:Group", id: group.guid });
  expect(state.find((r) => r.name === "analysts-ann")).toMatchObject({ type: "pulumi-nodejs:dynamic/connect:GroupMembership", id: `${group.guid}/${ann.guid}` });
  expect(state.find((r) => r.name === "dashboard-analysts")).toMatchObject({ type: "pulumi-nodejs:dynamic/connect:ContentPermission", id: "1" });

  env.emulator.requests.length = 0;
  const second = ok(await stack(declared).up(program, { programDir }));
  expect(ops(second).every((o) => o.startsWith("same "))).toBe(true);
  expect(apiCalls()).toEqual([]);
});

test("a rename and a role change update in place; a member removed from the program is removed", async () => {
  const base = analystsWithAnnAndBob();
  const { content } = base;
  ok(await stack(base).up(program, { programDir }));
  const guid = env.emulator.groups()[0]!.guid;
  env.emulator.requests.length = 0;
  const changed = {
    groups: { analysts: { name: "data-team" } },
    memberships: { "analysts-ann": base.memberships["analysts-ann"] },
    permissions: { "dashboard-ann": { ...base.permissions["dashboard-ann"], role: "owner" } },
  };
  const r = ok(await stack(changed).up(program, { programDir }));
  expect(ops(r).sort()).toEqual(["delete analysts-bob", "same analysts-ann", "update analysts", "update dashboard-ann"]);
  expect(apiCalls().sort()).toEqual(["DELETE /__api__/v1/groups/{guid}/members/{guid}", "PATCH /__api__/v1/groups/{guid}", "PUT /__api__/v1/content/{guid}/permissions/1"]);
  expect(env.emulator.group(guid)).toMatchObject({ name: "data-team", member_count: 1 });
  expect(env.emulator.permissions(content.guid)[0]!.role).toBe("owner");
});

test("refresh notices a renamed group, a removed member and a revoked grant, and the next up converges", async () => {
  const declared = analystsWithAnnAndBob();
  const { bob, content } = declared;
  ok(await stack(declared).up(program, { programDir }));
  const guid = env.emulator.groups()[0]!.guid;
  env.emulator.renameGroup(guid, "renamed");
  env.emulator.setMember(guid, bob.guid, false);
  env.emulator.setPermissionRole(content.guid, "1", undefined);

  const refreshed = ok(await stack(declared).refresh({ programDir }));
  expect(ops(refreshed).sort()).toEqual(["refresh-delete analysts-bob", "refresh-delete dashboard-ann", "refresh-same analysts-ann", "refresh-update analysts"]);

  const converged = ok(await stack(declared).up(program, { programDir }));
  expect(ops(converged).filter((o) => !o.startsWith("same")).sort()).toEqual(["create analysts-bob", "create dashboard-ann", "update analysts"]);
  expect(env.emulator.group(guid)).toMatchObject({ name: "analysts", member_count: 2 });
  expect(env.emulator.permissions(content.guid)).toHaveLength(1);
});

test("destroy removes grants, members and groups; a group with onDelete: retain stays", async () => {
  const { ann, content } = seed();
  ok(await stack({
    groups: { analysts: { name: "analysts" }, kept: { name: "kept", onDelete: "retain" } },
    memberships: { "analysts-ann": { group: "analysts", userGuid: ann.guid } },
    permissions: { "dashboard-analysts": { contentGuid: content.guid, group: "analysts", principalType: "group", role: "viewer" } },
  }).up(program, { programDir }));
  const r = ok(await stack().destroy({ programDir }));
  expect(ops(r).sort()).toEqual(["delete analysts", "delete analysts-ann", "delete dashboard-analysts", "delete kept"]);
  expect(env.emulator.groups().map((g) => g.name)).toEqual(["kept"]);
  expect(env.emulator.permissions(content.guid)).toEqual([]);
  expect(stack().state().resources).toEqual([]);
});

test("bad input fails the up with CheckFailures naming the properties, and sends no request", async () => {
  const r = await stack({
    groups: { bad: { name: "", onDelete: "lock" } },
    permissions: { grant: { contentGuid: "dashboard", principalGuid: "00000000-0000-4000-8000-000000000001", principalType: "team", role: "editor" } },
  }).up(program, { programDir });
  expect(r.error).toMatch(/name: name cannot be empty/);
  expect(r.error).toMatch(/onDelete: onDelete must be "delete" or "retain"/);
  expect(r.error).toMatch(/contentGuid: contentGuid must be a Connect guid/);
  expect(r.error).toMatch(/principalType: principalType must be "user" or "group"/);
  expect(r.error).toMatch(/role: role must be "viewer" or "owner"/);
  expect(apiCalls()).toEqual([]);
});

test("an existing group name is refused unless adoptExisting, which takes the group over", async () => {
  const seeded = env.emulator.seedGroup("ops");
  const refused = await stack({ groups: { ops: { name: "ops" } } }).up(program, { programDir });
  expect(refused.error).toMatch(/Connect group ops already exists.*code 15.*set adoptExisting: true/s);
  const adopted = ok(await stack({ groups: { ops: { name: "ops", adoptExisting: true } } }).up(program, { programDir }));
  expect(adopted.outputs).toMatchObject({ groupGuids: { ops: seeded.guid } });
  expect(ops(ok(await stack({ groups: { ops: { name: "ops", adoptExisting: true } } }).refresh({ programDir })))).toEqual(["refresh-same ops"]);
});

test("a server with user groups disabled: the up fails with an error naming Authorization.UserGroups", async () => {
  env.emulator.setGroupsEnabled(false);
  try {
    const r = await stack({ groups: { ops: { name: "ops" } } }).up(program, { programDir });
    expect(r.error).toMatch(/user groups are disabled on this Connect server \(Authorization\.UserGroups is false\)/);
  } finally {
    env.emulator.setGroupsEnabled(true);
  }
});
