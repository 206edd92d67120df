// ConnectGroupMembership's provider against the Connect emulator over HTTP: add, remove, refresh
// (one group's pages read once for many memberships), and the servers that refuse member changes.
import { callsOf, errorOf, membershipInputs as inputsOf, startAccess, stopAccess } from "./connect-access-setup";
import { harnessSuite } from "./service-setup";

const h = harnessSuite(() => startAccess(), (h) => {
  h.emulator.setMembershipFromProvider(false);
  h.emulator.setGroupsEnabled(true);
});
const calls = () => callsOf(h.emulator);

function seed(n = 1) {
  const group = h.emulator.seedGroup("analysts");
  const users = Array.from({ length: n }, (_, i) => h.emulator.seedUser({ username: `user${String(i).padStart(3, "0")}`, first_name: `U${String(i).padStart(3, "0")}` }));
  return { group, users };
}

describe("create", () => {
  it("POSTs the user's guid (204); the id is <groupGuid>/<userGuid>", async () => {
    const { group, users: [user] } = seed();
    const { id, outs } = await h.membership.create(inputsOf({ groupGuid: group.guid, userGuid: user!.guid }));
    expect(id).toBe(`${group.guid}/${user!.guid}`);
    expect(outs).toEqual({ groupGuid: group.guid, userGuid: user!.guid });
    expect(h.emulator.members(group.guid)).toEqual([user!.guid]);
    expect(calls()).toEqual(["POST /__api__/v1/groups/{guid}/members 204"]);
    expect(h.emulator.requests[0]!.body).toEqual({ user_guid: user!.guid });
  });

  it("a user already a member (409, code 16) is done", async () => {
    const { group, users: [user] } = seed();
    h.emulator.setMember(group.guid, user!.guid, true);
    await h.membership.create(inputsOf({ groupGuid: group.guid, userGuid: user!.guid }));
    expect(calls()).toEqual(["POST /__api__/v1/groups/{guid}/members 409"]);
  });

  it("an unknown group is an error with code 153", async () => {
    const { users: [user] } = seed();
    const error = await errorOf(h.membership.create(inputsOf({ groupGuid: "00000000-0000-4000-8000-000000000009", userGuid: user!.guid })));
    expect(error.message).toContain("404");
    expect(error.message).toContain("code 153");
  });

  it("membership supplied by the authentication provider: the first write says so", async () => {
    const { group, users: [user] } = seed();
    h.emulator.setMembershipFromProvider(true);
    const error = await errorOf(h.membership.create(inputsOf({ groupGuid: group.guid, userGuid: user!.guid })));
    expect(error.message).toContain("on this server the authentication provider supplies group membership, so members cannot be changed through the API (POST /__api__/v1/groups/");
    expect(error.message).toContain("code 132");
    expect(calls()).toEqual(["POST /__api__/v1/groups/{guid}/members 400"]);
  });

  it("groups disabled: the error names Authorization.UserGroups", async () => {
    const { group, users: [user] } = seed();
    h.emulator.setGroupsEnabled(false);
    const error = await errorOf(h.membership.create(inputsOf({ groupGuid: group.guid, userGuid: user!.guid })));
    expect(error.message).toContain("Authorization.UserGroups");
  });
});

describe("read (refresh)", () => {
  it("a refresh of many memberships of one group reads its member pages once", async () => {
    const { group, users } = seed(40);
    for (const u of users) h.emulator.setMember(group.guid, u.guid, true);
    const reads = await Promise.all(users.map((u) => h.membership.read(`${group.guid}/${u.guid}`, { groupGuid: group.guid, userGuid: u.guid })));
    expect(reads.map((r) => r.props?.userGuid)).toEqual(users.map((u) => u.guid));
    expect(calls()).toEqual(["GET /__api__/v1/groups/{guid}/members 200"]);
    expect(h.emulator.requests[0]!.query).toMatchObject({ page_number: "1", page_size: "500" });
  });

  it("a lone read scans the group's pages; a user not listed is gone, with a warning", async () => {
    const { group, users: [user] } = seed();
    expect(await h.membership.read(`${group.guid}/${user!.guid}`, { groupGuid: group.guid, userGuid: user!.guid })).toEqual({});
    expect(h.logs.some((l) => l.level === "warn" && l.message.includes("no longer exists"))).toBe(true);
  });

  it("a second refresh reads afresh: a member removed out of band in between is gone", async () => {
    const { group, users } = seed(10);
    for (const u of users) h.emulator.setMember(group.guid, u.guid, true);
    const readAll = () => Promise.all(users.map((u) => h.membership.read(`${group.guid}/${u.guid}`, { groupGuid: group.guid, userGuid: u.guid })));
    await readAll();
    h.emulator.setMember(group.guid, users[3]!.guid, false);
    const second = await readAll();
    expect(second[3]).toEqual({});
    expect(second.filter((r) => r.props !== undefined)).toHaveLength(9);
  });

  it("a group deleted out of band: the membership is gone", async () => {
    const { group, users: [user] } = seed();
    h.emulator.setMember(group.guid, user!.guid, true);
    h.emulator.deleteGroup(group.guid);
    expect(await h.membership.read(`${group.guid}/${user!.guid}`, { groupGuid: group.guid, userGuid: user!.guid })).toEqual({});
  });

  it("reads pages of 500: 600 members are two page requests", async () => {
    const { group, users } = seed(600);
    for (const u of users) h.emulator.setMember(group.guid, u.guid, true);
    const reads = await Promise.all(users.map((u) => h.membership.read(`${group.guid}/${u.guid}`, { groupGuid: group.guid, userGuid: u.guid })));
    expect(reads.every((r) => r.props !== undefined)).toBe(true);
    expect(calls()).toEqual(["GET /__api__/v1/groups/{guid}/members 200", "GET /__api__/v1/groups/{guid}/members 200"]);
  });

  it("reads from an id alone (import)", async () => {
    const { group, users: [user] } = seed();
    h.emulator.setMember(group.guid, user!.guid, true);
    const read = await h.membership.read(`${group.guid}/${user!.guid}`, {});
    expect(read.props).toEqual({ groupGuid: group.guid, userGuid: user!.guid });
  });
});

describe("delete", () => {
  it("DELETEs the member (204)", async () => {
    const { group, users: [user] } = seed();
    const { outs } = await h.membership.create(inputsOf({ groupGuid: group.guid, userGuid: user!.guid }));
    h.emulator.requests.length = 0;
    await h.membership.delete(`${group.guid}/${user!.guid}`, outs);
    expect(h.emulator.members(group.guid)).toEqual([]);
    expect(calls()).toEqual(["DELETE /__api__/v1/groups/{guid}/members/{guid} 204"]);
  });

  it("a member already removed (404, code 17) is done", async () => {
    const { group, users: [user] } = seed();
    await h.membership.delete(`${group.guid}/${user!.guid}`, { groupGuid: group.guid, userGuid: user!.guid });
    expect(calls()).toEqual(["DELETE /__api__/v1/groups/{guid}/members/{guid} 404"]);
  });

  it("membership supplied by the authentication provider: a removal says so", async () => {
    const { group, users: [user] } = seed();
    h.emulator.setMember(group.guid, user!.guid, true);
    h.emulator.setMembershipFromProvider(true);
    const error = await errorOf(h.membership.delete(`${group.guid}/${user!.guid}`, { groupGuid: group.guid, userGuid: user!.guid }));
    expect(error.message).toContain("Connect refused to remove user");
    expect(error.message).toContain("authentication provider supplies group membership");
  });
});

describe("on an LDAP server", () => {
  it("member changes are refused (the directory supplies them), with the same clear error", async () => {
    await stopAccess(h);
    Object.assign(h, await startAccess({ authKind: "ldap" }));
    const group = h.emulator.seedGroup("analysts");
    const user = h.emulator.seedUser({ username: "lee" });
    const error = await errorOf(h.membership.create(inputsOf({ groupGuid: group.guid, userGuid: user.guid })));
    expect(error.message).toContain("authentication provider supplies group membership");
    await stopAccess(h);
    Object.assign(h, await startAccess());
  });
});
