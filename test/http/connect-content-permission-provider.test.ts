// ConnectContentPermission's provider against the Connect emulator over HTTP: grant, change the
// role in place, adopt an existing grant, refresh, revoke, and the documented refusals.
import { callsOf, errorOf, permissionInputs as inputsOf, startAccess } from "./connect-access-setup";
import { harnessSuite } from "./service-setup";

const h = harnessSuite(() => startAccess());
const calls = () => callsOf(h.emulator);

function seed() {
  const owner = h.emulator.seedUser({ username: "owner", user_role: "publisher" });
  const viewer = h.emulator.seedUser({ username: "vic", user_role: "viewer" });
  const publisher = h.emulator.seedUser({ username: "pub", user_role: "publisher" });
  const content = h.emulator.seedContent("dashboard", owner.guid);
  const group = h.emulator.seedGroup("analysts");
  h.emulator.requests.length = 0;
  return { owner, viewer, publisher, content, group };
}

describe("create", () => {
  it("looks for the principal's grant, then POSTs (201); the id is the permission's id", async () => {
    const { viewer, content } = seed();
    const { id, outs } = await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: viewer.guid, principalType: "user", role: "viewer" }));
    const [granted] = h.emulator.permissions(content.guid);
    expect(id).toBe(granted!.id);
    expect(outs).toEqual({ contentGuid: content.guid, principalGuid: viewer.guid, principalType: "user", role: "viewer", adoptExisting: false, permissionId: granted!.id });
    expect(calls()).toEqual(["GET /__api__/v1/content/{guid}/permissions 200", "POST /__api__/v1/content/{guid}/permissions 201"]);
    expect(h.emulator.requests[1]!.body).toEqual({ principal_guid: viewer.guid, principal_type: "user", role: "viewer" });
  });

  it("grants a group", async () => {
    const { group, content } = seed();
    await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: group.guid, principalType: "group", role: "owner" }));
    expect(h.emulator.permissions(content.guid)).toMatchObject([{ principal_guid: group.guid, principal_type: "group", role: "owner" }]);
  });

  it("an existing grant for the principal is an error naming adoptExisting, and nothing is written", async () => {
    const { viewer, content } = seed();
    await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: viewer.guid, principalType: "user", role: "viewer" }));
    h.emulator.requests.length = 0;
    const error = await errorOf(h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: viewer.guid, principalType: "user", role: "viewer" })));
    expect(error.message).toMatch(/user .* on Connect content .* already has a permission \(id 1, role viewer\)/);
    expect(error.message).toContain("adoptExisting: true");
    expect(calls()).toEqual(["GET /__api__/v1/content/{guid}/permissions 200"]);
  });

  it("adoptExisting takes the grant over and converges its role with a PUT", async () => {
    const { publisher, content } = seed();
    await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: publisher.guid, principalType: "user", role: "viewer" }));
    h.emulator.requests.length = 0;
    const { id, outs } = await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: publisher.guid, principalType: "user", role: "owner", adoptExisting: true }));
    expect(id).toBe("1");
    expect(outs.role).toBe("owner");
    expect(calls()).toEqual(["GET /__api__/v1/content/{guid}/permissions 200", "PUT /__api__/v1/content/{guid}/permissions/1 200"]);
  });

  it("a viewer account cannot be an owner: code 33 (403) with its hint", async () => {
    const { viewer, content } = seed();
    const error = await errorOf(h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: viewer.guid, principalType: "user", role: "owner" })));
    expect(error.message).toContain("403");
    expect(error.message).toContain("code 33");
    expect(error.message).toContain("cannot be a content owner");
  });

  it("the content's owner cannot be granted: code 34 (400)", async () => {
    const { owner, content } = seed();
    const error = await errorOf(h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: owner.guid, principalType: "user", role: "viewer" })));
    expect(error.message).toContain("code 34");
  });

  it("an unknown group: code 153 (404)", async () => {
    const { content } = seed();
    const error = await errorOf(h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: "00000000-0000-4000-8000-000000000009", principalType: "group", role: "viewer" })));
    expect(error.message).toContain("code 153");
  });
});

describe("update, read, delete", () => {
  it("changes the role in place with one PUT", async () => {
    const { publisher, content } = seed();
    const { id, outs } = await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: publisher.guid, principalType: "user", role: "viewer" }));
    h.emulator.requests.length = 0;
    const { outs: after } = await h.permission.update(id, outs, inputsOf({ contentGuid: content.guid, principalGuid: publisher.guid, principalType: "user", role: "owner" }));
    expect(after.role).toBe("owner");
    expect(calls()).toEqual(["PUT /__api__/v1/content/{guid}/permissions/1 200"]);
    expect(h.emulator.requests[0]!.body).toEqual({ principal_guid: publisher.guid, principal_type: "user", role: "owner" });
  });

  it("a refresh sees a role changed out of band as drift, and a revoked grant as gone", async () => {
    const { publisher, content } = seed();
    const { id, outs } = await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: publisher.guid, principalType: "user", role: "viewer" }));
    h.emulator.setPermissionRole(content.guid, id, "owner");
    const read = await h.permission.read(id, outs);
    expect(read.props.role).toBe("owner");
    expect(read.inputs).toMatchObject({ role: "owner" });
    h.emulator.setPermissionRole(content.guid, id, undefined);
    expect(await h.permission.read(id, outs)).toEqual({});
    expect(h.logs.some((l) => l.level === "warn" && l.message.includes("no longer exists"))).toBe(true);
  });

  it("a refresh of many grants on one content item reads its permission list once", async () => {
    const { owner, content } = seed();
    const users = Array.from({ length: 12 }, (_, i) => h.emulator.seedUser({ username: `g${i}` }));
    const grants = [];
    for (const u of users) grants.push(await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: u.guid, principalType: "user", role: "viewer" })));
    h.emulator.requests.length = 0;
    const reads = await Promise.all(grants.map((g) => h.permission.read(g.id, g.outs)));
    expect(reads.map((r) => r.props.principalGuid)).toEqual(users.map((u) => u.guid));
    expect(calls()).toEqual(["GET /__api__/v1/content/{guid}/permissions 200"]);
    expect(owner).toBeDefined();
  });

  it("no drift: no inputs recorded", async () => {
    const { publisher, content } = seed();
    const { id, outs } = await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: publisher.guid, principalType: "user", role: "viewer" }));
    const read = await h.permission.read(id, outs);
    expect(read.props).toEqual(outs);
    expect(read.inputs).toBeUndefined();
  });

  it("DELETEs the grant (204); one already gone is done (404)", async () => {
    const { publisher, content } = seed();
    const { id, outs } = await h.permission.create(inputsOf({ contentGuid: content.guid, principalGuid: publisher.guid, principalType: "user", role: "viewer" }));
    h.emulator.requests.length = 0;
    await h.permission.delete(id, outs);
    await h.permission.delete(id, outs);
    expect(h.emulator.permissions(content.guid)).toEqual([]);
    expect(calls()).toEqual(["DELETE /__api__/v1/content/{guid}/permissions/1 204", "DELETE /__api__/v1/content/{guid}/permissions/1 404"]);
  });
});
