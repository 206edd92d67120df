// ConnectGroup's provider against the Connect emulator over HTTP: create, rename in place, adopt,
// delete or retain, refresh (gone, renamed), the LDAP path, groups disabled, a taken name.
import { callsOf, errorOf, groupInputs as inputsOf, startAccess, stopAccess, type AccessHarness } from "./connect-access-setup";
import { harnessSuite } from "./service-setup";

const h = harnessSuite(() => startAccess(), (h) => h.emulator.setGroupsEnabled(true));
const calls = () => callsOf(h.emulator);

describe("create", () => {
  it("POSTs the name (answers 200) and the id is the group's guid", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    const group = h.emulator.groups()[0]!;
    expect(id).toBe(group.guid);
    expect(outs).toEqual({ name: "analysts", guid: group.guid, memberCount: 0, adoptExisting: false, onDelete: "delete" });
    expect(calls()).toEqual(["POST /__api__/v1/groups 200"]);
    expect(h.emulator.requests[0]!.body).toEqual({ name: "analysts" });
  });

  it("sets an owner with a PATCH after the create, since POST takes none", async () => {
    const owner = h.emulator.seedUser({ username: "pat", user_role: "publisher" });
    const { outs } = await h.group.create(inputsOf({ name: "analysts", ownerGuid: owner.guid }));
    expect(outs.ownerGuid).toBe(owner.guid);
    expect(calls()).toEqual(["POST /__api__/v1/groups 200", "PATCH /__api__/v1/groups/{guid} 200"]);
    expect(h.emulator.requests[1]!.body).toEqual({ owner_guid: owner.guid });
  });

  it("keeps a created group in state when its owner is refused (a viewer): a partial create", async () => {
    const viewer = h.emulator.seedUser({ username: "vic", user_role: "viewer" });
    const error = await errorOf(h.group.create({ ...inputsOf({ name: "analysts", ownerGuid: viewer.guid }), __provider: "loader" }));
    const group = h.emulator.groups()[0]!;
    expect(error.message).toMatch(/^created Connect group analysts but could not apply its settings: .*400: PATCH \/__api__\/v1\/groups\//);
    expect(error.id).toBe(group.guid);
    expect(error.properties).toMatchObject({ name: "analysts", guid: group.guid, __provider: "loader" });
  });

  it("refuses a taken name (409, code 15) with an error naming adoptExisting", async () => {
    h.emulator.seedGroup("analysts");
    const error = await errorOf(h.group.create(inputsOf({ name: "analysts" })));
    expect(error.message).toContain("Connect group analysts already exists (POST /__api__/v1/groups answered 409)");
    expect(error.message).toContain("code 15");
    expect(error.message).toContain("adoptExisting: true");
    expect(error.code).toBe("CONFLICT");
  });

  it("adopts the group of exactly that name with adoptExisting, after one lookup and no write", async () => {
    h.emulator.seedGroup("analysts-eu");
    const existing = h.emulator.seedGroup("analysts");
    const { id } = await h.group.create(inputsOf({ name: "analysts", adoptExisting: true }));
    expect(id).toBe(existing.guid);
    expect(calls()).toEqual(["GET /__api__/v1/groups 200"]);
    expect(h.emulator.requests[0]!.query.prefix).toBe("analysts");
  });

  it("adopts and converges the owner", async () => {
    const owner = h.emulator.seedUser({ username: "pat", user_role: "publisher" });
    const existing = h.emulator.seedGroup("analysts");
    const { outs } = await h.group.create(inputsOf({ name: "analysts", ownerGuid: owner.guid, adoptExisting: true }));
    expect(outs.ownerGuid).toBe(owner.guid);
    expect(h.emulator.group(existing.guid)!.owner_guid).toBe(owner.guid);
  });

  it("a group disabled server: the error names Authorization.UserGroups", async () => {
    h.emulator.setGroupsEnabled(false);
    const error = await errorOf(h.group.create(inputsOf({ name: "analysts" })));
    expect(error.message).toContain("user groups are disabled on this Connect server (Authorization.UserGroups is false): POST /__api__/v1/groups answered 400");
    expect(error.message).toContain("UserGroups = true");
    expect(calls()).toEqual(["POST /__api__/v1/groups 400"]);
  });
});

describe("on an LDAP server", () => {
  let ldap: AccessHarness;
  beforeAll(async () => {
    await stopAccess(h);
    ldap = await startAccess({ authKind: "ldap" });
  });
  afterAll(async () => {
    await stopAccess(ldap);
    Object.assign(h, await startAccess());
  });

  it("imports the directory's group through the remote search and PUT with its temp_ticket", async () => {
    ldap.emulator.addDirectoryGroup("analysts");
    ldap.emulator.addDirectoryGroup("analysts-eu");
    const { id, outs } = await ldap.group.create(inputsOf({ name: "analysts" }));
    expect(outs.name).toBe("analysts");
    expect(ldap.emulator.group(id)!.name).toBe("analysts");
    expect(callsOf(ldap.emulator)).toEqual(["POST /__api__/v1/groups 400", "GET /__api__/v1/groups/remote 200", "PUT /__api__/v1/groups 200"]);
    expect(Object.keys(ldap.emulator.requests[2]!.body as object)).toEqual(["temp_ticket"]);
  });

  it("a group the directory does not have is an error saying so", async () => {
    ldap.emulator.reset();
    const error = await errorOf(ldap.group.create(inputsOf({ name: "nobody" })));
    expect(error.message).toContain("no group named nobody in the Connect server's directory (LDAP)");
  });

  it("a rename is refused with an error saying the directory owns the name", async () => {
    ldap.emulator.reset();
    ldap.emulator.addDirectoryGroup("analysts");
    const { id, outs } = await ldap.group.create(inputsOf({ name: "analysts" }));
    const error = await errorOf(ldap.group.update(id, outs, inputsOf({ name: "analysts-2" })));
    expect(error.message).toContain("Connect refused to change name of group analysts: its authentication provider owns them");
    expect(error.message).toContain("code 132");
  });
});

describe("update", () => {
  it("renames in place with one PATCH of the name only", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    h.emulator.requests.length = 0;
    const { outs: after } = await h.group.update(id, outs, inputsOf({ name: "data-team" }));
    expect(after.name).toBe("data-team");
    expect(h.emulator.group(id)!.name).toBe("data-team");
    expect(calls()).toEqual(["PATCH /__api__/v1/groups/{guid} 200"]);
    expect(h.emulator.requests[0]!.body).toEqual({ name: "data-team" });
  });

  it("a rename onto a taken name fails with code 15", async () => {
    h.emulator.seedGroup("data-team");
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    const error = await errorOf(h.group.update(id, outs, inputsOf({ name: "data-team" })));
    expect(error.message).toContain("409");
    expect(error.message).toContain("code 15");
  });

  it("a change of kept settings only sends nothing", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    h.emulator.requests.length = 0;
    const { outs: after } = await h.group.update(id, outs, inputsOf({ name: "analysts", onDelete: "retain" }));
    expect(after.onDelete).toBe("retain");
    expect(calls()).toEqual([]);
  });
});

describe("read (refresh)", () => {
  it("a group deleted out of band is gone, with a warning", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    h.emulator.deleteGroup(id);
    expect(await h.group.read(id, outs)).toEqual({});
    expect(h.logs.some((l) => l.level === "warn" && l.message.includes("Connect group analysts no longer exists"))).toBe(true);
  });

  it("a group renamed out of band shows the new name and records it as drift", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    h.emulator.renameGroup(id, "renamed");
    const read = await h.group.read(id, outs);
    expect(read.props.name).toBe("renamed");
    expect(read.inputs).toMatchObject({ name: "renamed" });
  });

  it("no drift: no inputs recorded", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    const read = await h.group.read(id, outs);
    expect(read.props).toEqual(outs);
    expect(read.inputs).toBeUndefined();
  });
});

describe("delete", () => {
  it("deletes the group (204)", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    h.emulator.requests.length = 0;
    await h.group.delete(id, outs);
    expect(h.emulator.group(id)).toBeUndefined();
    expect(calls()).toEqual(["DELETE /__api__/v1/groups/{guid} 204"]);
  });

  it("a group already gone is done (404)", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts" }));
    h.emulator.deleteGroup(id);
    await h.group.delete(id, outs);
  });

  it("onDelete: retain leaves the group and sends nothing", async () => {
    const { id, outs } = await h.group.create(inputsOf({ name: "analysts", onDelete: "retain" }));
    h.emulator.requests.length = 0;
    await h.group.delete(id, outs);
    expect(h.emulator.group(id)).toBeDefined();
    expect(calls()).toEqual([]);
  });
});
