// The fault matrix for ConnectGroup, ConnectGroupMembership and ConnectContentPermission: every
// lifecycle operation against every failure a SaaS API produces (the faults.test.ts pattern).
// Each cell must converge: one group after a lost create, a repeated member add or removal done,
// one grant after a lost POST (an upsert).
import { setTimeout } from "node:timers/promises";
import type { Fault } from "../../emulator/core/faults";
import { faultKinds } from "./fault-kinds";
import { groupInputs, membershipInputs, permissionInputs, startAccess, stopAccess } from "./connect-access-setup";
import { harnessSuite } from "./service-setup";

const h = harnessSuite(() => startAccess({}, { "connect:requestTimeoutMs": "300" }));

type Op = "create" | "read" | "update" | "delete";
const cellsOf = (operations: Array<[Op, string, string]>) =>
  operations.flatMap(([op, method, pathPrefix]) => faultKinds.map(([fault, make]) => [op, fault, method, pathPrefix, make] as const));

async function injectAndCount<T>(method: string, pathPrefix: string, make: () => Omit<Fault, "match">, run: () => Promise<T>): Promise<T> {
  const fault = { ...make(), match: { method, pathPrefix } } as Fault;
  h.emulator.inject(fault);
  const before = h.emulator.requests.length;
  const result = await run();
  // A slow attempt the client gave up on still lands on the server later: let it, then look again.
  if (fault.kind === "latency") await setTimeout(fault.ms + 100);
  const attempts = h.emulator.requests.slice(before).filter((r) => r.method === method && r.path.startsWith(pathPrefix));
  expect(attempts.length).toBeGreaterThanOrEqual(2);
  return result;
}

describe("ConnectGroup", () => {
  const cells = cellsOf([["create", "POST", "/__api__/v1/groups"], ["read", "GET", "/__api__/v1/groups/"], ["update", "PATCH", "/__api__/v1/groups/"], ["delete", "DELETE", "/__api__/v1/groups/"]]);
  test.each(cells)("%s converges after %s", async (op, _fault, method, pathPrefix, make) => {
    const created = op === "create" ? undefined : await h.group.create(groupInputs({ name: "faulty" }));
    await injectAndCount(method, pathPrefix, make, async () => {
      if (op === "create") expect((await h.group.create(groupInputs({ name: "faulty" }))).outs).toMatchObject({ name: "faulty" });
      else if (op === "read") expect((await h.group.read(created!.id, created!.outs)).props).toMatchObject({ name: "faulty" });
      else if (op === "update") expect((await h.group.update(created!.id, created!.outs, groupInputs({ name: "renamed" }))).outs.name).toBe("renamed");
      else await h.group.delete(created!.id, created!.outs);
    });
    expect(h.emulator.groups()).toHaveLength(op === "delete" ? 0 : 1);
  });
});

describe("ConnectGroupMembership", () => {
  const cells = cellsOf([["create", "POST", "/__api__/v1/groups/"], ["read", "GET", "/__api__/v1/groups/"], ["delete", "DELETE", "/__api__/v1/groups/"]]);
  test.each(cells)("%s converges after %s", async (op, _fault, method, pathPrefix, make) => {
    const group = h.emulator.seedGroup("faulty");
    const user = h.emulator.seedUser({ username: "member" });
    const inputs = membershipInputs({ groupGuid: group.guid, userGuid: user.guid });
    const created = op === "create" ? undefined : await h.membership.create(inputs);
    await injectAndCount(method, pathPrefix, make, async () => {
      if (op === "create") await h.membership.create(inputs);
      else if (op === "read") expect((await h.membership.read(created!.id, created!.outs)).props).toMatchObject({ userGuid: user.guid });
      else await h.membership.delete(created!.id, created!.outs);
    });
    expect(h.emulator.members(group.guid)).toEqual(op === "delete" ? [] : [user.guid]);
  });
});

describe("ConnectContentPermission", () => {
  const cells = cellsOf([["create", "POST", "/__api__/v1/content/"], ["read", "GET", "/__api__/v1/content/"], ["update", "PUT", "/__api__/v1/content/"], ["delete", "DELETE", "/__api__/v1/content/"]]);
  test.each(cells)("%s converges after %s", async (op, _fault, method, pathPrefix, make) => {
    const owner = h.emulator.seedUser({ username: "owner", user_role: "publisher" });
    const user = h.emulator.seedUser({ username: "grantee", user_role: "publisher" });
    const content = h.emulator.seedContent("dashboard", owner.guid);
    const inputs = (role: string) => permissionInputs({ contentGuid: content.guid, principalGuid: user.guid, principalType: "user", role });
    const created = op === "create" ? undefined : await h.permission.create(inputs("viewer"));
    await injectAndCount(method, pathPrefix, make, async () => {
      if (op === "create") expect((await h.permission.create(inputs("viewer"))).outs).toMatchObject({ role: "viewer" });
      else if (op === "read") expect((await h.permission.read(created!.id, created!.outs)).props).toMatchObject({ role: "viewer" });
      else if (op === "update") expect((await h.permission.update(created!.id, created!.outs, inputs("owner"))).outs.role).toBe("owner");
      else await h.permission.delete(created!.id, created!.outs);
    });
    expect(h.emulator.permissions(content.guid)).toHaveLength(op === "delete" ? 0 : 1);
  });
});

test("a lost group import on an LDAP server is recognised as our own create, not a conflict", async () => {
  const ldap = await startAccess({ authKind: "ldap" }, { "connect:requestTimeoutMs": "300" });
  try {
    ldap.emulator.addDirectoryGroup("dir");
    ldap.emulator.inject({ kind: "drop-after-commit", match: { method: "PUT", pathPrefix: "/__api__/v1/groups" } });
    const { id } = await ldap.group.create(groupInputs({ name: "dir" }));
    expect(ldap.emulator.groups().map((g) => g.guid)).toEqual([id]);
  } finally {
    await stopAccess(ldap);
    h.configure({ "connect:requestTimeoutMs": "300" });
  }
});
