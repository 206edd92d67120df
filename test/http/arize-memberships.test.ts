// ArizeOrganizationMembership and ArizeSpaceMembership against the emulator over real HTTP: the
// upserts, a role change in place, delete (404 → done) and retain, what a refresh sees, and the
// documented 400s with messages that name the rule and the organization.
import { orgMemberInputs, spaceMemberInputs, startArizeAccess } from "./arize-access-setup";
import { harnessSuite } from "./service-setup";

const h = harnessSuite(() => startArizeAccess());

function world() {
  const org = h.emulator.seedOrganization("Research");
  const space = h.emulator.seedSpace(org.id, "Evals");
  const user = h.emulator.seedUser({ email: "ann@example.com", name: "Ann" });
  const annotator = h.emulator.seedUser({ email: "lab@example.com", name: "Labeller", role: "ANNOTATOR" });
  return { org, space, user, annotator };
}
const writes = (from: number) => h.emulator.requests.slice(from).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

describe("ArizeOrganizationMembership", () => {
  test("create adds the user with the role as an object, and answers the id <organizationId>:<userId>", async () => {
    const { org, user } = world();
    const { id, outs } = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "member" }));
    expect(id).toBe(`${org.id}:${user.id}`);
    expect(outs).toEqual({ organizationId: org.id, userId: user.id, role: "MEMBER", onDelete: "delete", membershipId: expect.any(String) });
    expect(h.emulator.organizationMember(org.id, user.id)?.role).toEqual({ type: "PREDEFINED", name: "MEMBER" });
    expect(h.emulator.requests.at(-1)!.body).toEqual({ user_id: user.id, role: { type: "PREDEFINED", name: "MEMBER" } });
  });

  test("create takes over an existing membership (the POST is an upsert) and sets its role", async () => {
    const { org, user } = world();
    h.emulator.setOrganizationMember(org.id, user.id, "READ_ONLY");
    await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "ADMIN" }));
    expect(h.emulator.organizationMember(org.id, user.id)?.role.name).toBe("ADMIN");
  });

  test("a role change updates in place with one POST; onDelete alone sends nothing", async () => {
    const { org, user } = world();
    const { id, outs } = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "MEMBER" }));
    const before = h.emulator.requests.length;
    const updated = await h.orgMembers.update(id, outs, orgMemberInputs({ organizationId: org.id, userId: user.id, role: "READ_ONLY" }));
    expect(updated.outs).toMatchObject({ role: "READ_ONLY", membershipId: outs.membershipId });
    expect(writes(before)).toEqual([`POST /v2/organizations/${encodeURIComponent(org.id)}/users`]);
    const again = h.emulator.requests.length;
    await h.orgMembers.update(id, updated.outs, orgMemberInputs({ organizationId: org.id, userId: user.id, role: "READ_ONLY", onDelete: "retain" }));
    expect(h.emulator.requests.length).toBe(again);
  });

  test("delete removes the user from the organization and its spaces; a second delete (404) is done", async () => {
    const { org, space, user } = world();
    const { id, outs } = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "MEMBER" }));
    h.emulator.setSpaceMember(space.id, user.id, "MEMBER");
    await h.orgMembers.delete(id, outs);
    expect(h.emulator.organizationMember(org.id, user.id)).toBeUndefined();
    expect(h.emulator.spaceMember(space.id, user.id)).toBeUndefined();
    await h.orgMembers.delete(id, outs);
    expect(h.emulator.requests.at(-1)!.status).toBe(404);
  });

  test("retain leaves the membership and sends nothing", async () => {
    const { org, user } = world();
    const { id, outs } = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "MEMBER", onDelete: "retain" }));
    const before = h.emulator.requests.length;
    await h.orgMembers.delete(id, outs);
    expect(h.emulator.requests.length).toBe(before);
    expect(h.emulator.organizationMember(org.id, user.id)).toBeDefined();
  });

  describe("refresh", () => {
    test("sees the organization and the user, and keeps the state as it is", async () => {
      const { org, user } = world();
      const { id, outs } = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "MEMBER" }));
      const before = h.emulator.requests.length;
      expect(await h.orgMembers.read(id, outs)).toEqual({ id, props: outs });
      expect(h.emulator.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET /v2/organizations/${encodeURIComponent(org.id)}`, `GET /v2/users/${encodeURIComponent(user.id)}`,
      ]);
    });

    test("cannot see a membership removed or a role changed in the console: the API has no read of one", async () => {
      const { org, user } = world();
      const { id, outs } = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "MEMBER" }));
      h.emulator.setOrganizationMember(org.id, user.id, "ADMIN");
      expect((await h.orgMembers.read(id, outs)).props).toEqual(outs);
      h.emulator.removeOrganizationMember(org.id, user.id);
      expect((await h.orgMembers.read(id, outs)).props).toEqual(outs);
    });

    test("the organization deleted: gone, with a warning", async () => {
      const { org, user } = world();
      const { id, outs } = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "MEMBER" }));
      h.emulator.deleteOrganization(org.id);
      expect(await h.orgMembers.read(id, outs)).toEqual({});
      expect(h.logs.map((l) => l.message)).toEqual([expect.stringMatching(/the organization no longer exists; refresh removes it/)]);
    });

    test("the user deleted: gone (a user delete cascades to memberships)", async () => {
      const { org, user } = world();
      const { id, outs } = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "MEMBER" }));
      h.emulator.deleteUser(user.id);
      expect(await h.orgMembers.read(id, outs)).toEqual({});
      expect(h.emulator.organizationMember(org.id, user.id)).toBeUndefined();
    });

    test("from the id alone (get), it answers the organization and the user", async () => {
      const { org, user } = world();
      expect((await h.orgMembers.read(`${org.id}:${user.id}`, {})).props).toEqual({ organizationId: org.id, userId: user.id, onDelete: "delete" });
    });
  });

  describe("the API's 400s and 404s, explained", () => {
    test("an ANNOTATOR account given another role: the error names the rule, the request and the way out", async () => {
      const { org, annotator } = world();
      const error = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: annotator.id, role: "MEMBER" })).then(() => new Error("no error"), (e: Error) => e);
      expect(error.message).toMatch(new RegExp(`Arize user ${annotator.id.replace(/[=+/]/g, ".")} has the account role ANNOTATOR, so it can hold only the ANNOTATOR organization role, not MEMBER \\(POST /v2/organizations/\\S+/users answered 400\\)`));
      expect(error.message).toMatch(/request_id \S+/);
      expect(error.message).toMatch(/hint: set role: "ANNOTATOR"/);
    });

    test("ANNOTATOR for an account that is not one: the error names the rule", async () => {
      const { org, user } = world();
      const error = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "ANNOTATOR" })).then(() => new Error("no error"), (e: Error) => e);
      expect(error.message).toMatch(/only an Arize user whose account role is ANNOTATOR can hold the ANNOTATOR organization role; user \S+ is MEMBER \(POST \S+ answered 400\)/);
    });

    test("an ANNOTATOR account as ANNOTATOR is accepted", async () => {
      const { org, annotator } = world();
      await expect(h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: annotator.id, role: "ANNOTATOR" }))).resolves.toBeDefined();
    });

    test("an unknown organization: 404 with a hint naming the inputs", async () => {
      const { user } = world();
      const error = await h.orgMembers.create(orgMemberInputs({ organizationId: "T3JnOjk5", userId: user.id, role: "MEMBER" })).then(() => new Error("no error"), (e: Error) => e);
      expect(error.message).toMatch(/404: POST \/v2\/organizations\/T3JnOjk5\/users.*hint: check organizationId and userId/s);
    });
  });
});

describe("ArizeSpaceMembership", () => {
  async function member(role = "MEMBER") {
    const w = world();
    h.emulator.setOrganizationMember(w.org.id, w.user.id, "MEMBER");
    const created = await h.spaceMembers.create(spaceMemberInputs({ spaceId: w.space.id, userId: w.user.id, role }));
    return { ...w, ...created };
  }

  test("create adds the user to the space (an upsert) and answers the id <spaceId>:<userId>", async () => {
    const { space, user, id, outs } = await member("read_only");
    expect(id).toBe(`${space.id}:${user.id}`);
    expect(outs).toEqual({ spaceId: space.id, userId: user.id, role: "READ_ONLY", onDelete: "delete", membershipId: expect.any(String) });
    expect(h.emulator.spaceMember(space.id, user.id)?.role).toEqual({ type: "PREDEFINED", name: "READ_ONLY" });
    await h.spaceMembers.create(spaceMemberInputs({ spaceId: space.id, userId: user.id, role: "ADMIN" }));
    expect(h.emulator.spaceMember(space.id, user.id)?.role.name).toBe("ADMIN");
  });

  test("a role change updates in place with one POST", async () => {
    const { space, user, id, outs } = await member();
    const before = h.emulator.requests.length;
    const { outs: after } = await h.spaceMembers.update(id, outs, spaceMemberInputs({ spaceId: space.id, userId: user.id, role: "ADMIN" }));
    expect(after.role).toBe("ADMIN");
    expect(writes(before)).toEqual([`POST /v2/spaces/${encodeURIComponent(space.id)}/users`]);
  });

  test("delete removes the membership; a non-member's 404 is done; retain sends nothing", async () => {
    const { space, user, id, outs } = await member();
    await h.spaceMembers.delete(id, outs);
    expect(h.emulator.spaceMember(space.id, user.id)).toBeUndefined();
    await h.spaceMembers.delete(id, outs);
    expect(h.emulator.requests.at(-1)!.status).toBe(404);
    const before = h.emulator.requests.length;
    await h.spaceMembers.delete(id, { ...outs, onDelete: "retain" });
    expect(h.emulator.requests.length).toBe(before);
  });

  describe("refresh, through the role bindings listed by user and resource type SPACE", () => {
    test("no change: one list and one role read, the state unchanged", async () => {
      const { user, id, outs } = await member();
      const before = h.emulator.requests.length;
      expect(await h.spaceMembers.read(id, outs)).toEqual({ id, props: outs });
      const [list, role, ...rest] = h.emulator.requests.slice(before);
      expect(list).toMatchObject({ method: "GET", path: "/v2/role-bindings", query: { resource_type: "SPACE", user_id: user.id } });
      expect(role!.path).toMatch(/^\/v2\/roles\//);
      expect(rest).toEqual([]);
    });

    test("a role changed in the console is drift: the new role, and the inputs a next up would change back", async () => {
      const { space, user, id, outs } = await member();
      h.emulator.setSpaceMember(space.id, user.id, "READ_ONLY");
      const read = await h.spaceMembers.read(id, outs);
      expect(read.props).toMatchObject({ role: "READ_ONLY" });
      expect(read.inputs).toMatchObject({ role: "READ_ONLY" });
    });

    test.each([
      ["removed from the space", (w: { space: { id: string }; user: { id: string } }) => h.emulator.removeSpaceMember(w.space.id, w.user.id)],
      ["removed from the organization", (w: { org: { id: string }; user: { id: string } }) => h.emulator.removeOrganizationMember(w.org.id, w.user.id)],
      ["the user deleted", (w: { user: { id: string } }) => h.emulator.deleteUser(w.user.id)],
      ["the space deleted", (w: { space: { id: string } }) => h.emulator.deleteSpace(w.space.id)],
      ["the organization deleted", (w: { org: { id: string } }) => h.emulator.deleteOrganization(w.org.id)],
    ] as const)("%s: gone, with a warning", async (_what, change) => {
      const w = await member();
      change(w as never);
      expect(await h.spaceMembers.read(w.id, w.outs)).toEqual({});
      expect(h.logs.map((l) => l.message)).toEqual([expect.stringMatching(/no longer exists .*refresh removes it/)]);
    });

    test("finds the binding past the first page of the user's bindings", async () => {
      const w = world();
      h.emulator.setOrganizationMember(w.org.id, w.user.id, "MEMBER");
      for (let i = 0; i < 120; i++) h.emulator.setSpaceMember(h.emulator.seedSpace(w.org.id, `s${i}`).id, w.user.id, "MEMBER");
      const { id, outs } = await h.spaceMembers.create(spaceMemberInputs({ spaceId: w.space.id, userId: w.user.id, role: "ADMIN" }));
      const before = h.emulator.requests.length;
      expect((await h.spaceMembers.read(id, outs)).props).toEqual(outs);
      expect(h.emulator.requests.slice(before).filter((r) => r.path === "/v2/role-bindings")).toHaveLength(2);
    });

    test("from the id alone (get)", async () => {
      const { space, user, id } = await member("ADMIN");
      expect((await h.spaceMembers.read(id, {})).props).toMatchObject({ spaceId: space.id, userId: user.id, role: "ADMIN" });
    });
  });

  describe("the API's 400s, explained", () => {
    test("a user not in the space's organization: says exactly that, naming the organization", async () => {
      const { org, space, user } = world();
      const error = await h.spaceMembers.create(spaceMemberInputs({ spaceId: space.id, userId: user.id, role: "MEMBER" })).then(() => new Error("no error"), (e: Error) => e);
      expect(error.message).toContain(`Arize user ${user.id} is not a member of organization "Research" (${org.id}), to which space "Evals" belongs, so it cannot join space ${space.id} (POST /v2/spaces/${encodeURIComponent(space.id)}/users answered 400)`);
      expect(error.message).toMatch(/request_id \S+/);
      expect(error.message).toMatch(/hint: add the user to that organization first \(an ArizeOrganizationMembership/);
      expect(h.emulator.spaceMember(space.id, user.id)).toBeUndefined();
    });

    test("the ANNOTATOR rule, both ways, named", async () => {
      const { org, space, user, annotator } = world();
      h.emulator.setOrganizationMember(org.id, user.id, "MEMBER");
      h.emulator.setOrganizationMember(org.id, annotator.id, "ANNOTATOR");
      const a = await h.spaceMembers.create(spaceMemberInputs({ spaceId: space.id, userId: annotator.id, role: "READ_ONLY" })).then(() => new Error("no error"), (e: Error) => e);
      expect(a.message).toMatch(/has the account role ANNOTATOR, so it can hold only the ANNOTATOR space role, not READ_ONLY/);
      const b = await h.spaceMembers.create(spaceMemberInputs({ spaceId: space.id, userId: user.id, role: "ANNOTATOR" })).then(() => new Error("no error"), (e: Error) => e);
      expect(b.message).toMatch(/only an Arize user whose account role is ANNOTATOR can hold the ANNOTATOR space role; user \S+ is MEMBER/);
      await expect(h.spaceMembers.create(spaceMemberInputs({ spaceId: space.id, userId: annotator.id, role: "ANNOTATOR" }))).resolves.toBeDefined();
    });
  });
});
