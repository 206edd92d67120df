// The Arize emulator's access rules, over plain HTTP, before any provider relies on them: the
// upserts, the role as an object, the not-in-organization 400, the ANNOTATOR rule both ways, the
// non-member DELETE 404, the cascades (organization → spaces, organization membership → space
// memberships, user → every membership), role bindings for space members, and the name filters.
import { ArizeEmulator } from "../../emulator/arize/server";

let e: ArizeEmulator;
beforeAll(async () => {
  e = await ArizeEmulator.start();
});
afterAll(() => e.close());
beforeEach(() => e.reset());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(e.url + path, {
    method, headers: { authorization: `Bearer ${e.apiKey}`, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: text ? JSON.parse(text) : undefined };
}
const enc = encodeURIComponent;
const role = (name: string) => ({ type: "PREDEFINED", name });
const addOrg = (org: string, user: string, r = "MEMBER") => call("POST", `/v2/organizations/${enc(org)}/users`, { user_id: user, role: role(r) });
const addSpace = (space: string, user: string, r = "MEMBER") => call("POST", `/v2/spaces/${enc(space)}/users`, { user_id: user, role: role(r) });

function world() {
  const org = e.seedOrganization("Research");
  const space = e.seedSpace(org.id, "Evals");
  const user = e.seedUser({ email: "ann@example.com", name: "Ann" });
  const annotator = e.seedUser({ email: "lab@example.com", name: "Lab", role: "ANNOTATOR" });
  return { org, space, user, annotator };
}

test("adding an organization member is an upsert: 200 both times, the role replaced, the same membership id", async () => {
  const { org, user } = world();
  const first = await addOrg(org.id, user.id);
  expect(first).toMatchObject({ status: 200, body: { user_id: user.id, organization_id: org.id, role: role("MEMBER") } });
  const second = await addOrg(org.id, user.id, "READ_ONLY");
  expect(second).toMatchObject({ status: 200, body: { id: first.body.id, role: role("READ_ONLY") } });
});

test("a role given as the prose's string, or an unknown field, is a 400 problem", async () => {
  const { org, user } = world();
  for (const body of [{ user_id: user.id, role: "MEMBER" }, { user_id: user.id, role: role("OWNER") }, { user_id: user.id, role: role("MEMBER"), extra: 1 }]) {
    const r = await call("POST", `/v2/organizations/${enc(org.id)}/users`, body);
    expect(r.status).toBe(400);
    expect(r.type).toContain("application/problem+json");
  }
});

test("a space refuses a user who is not in its organization (400), and takes them once they are", async () => {
  const { org, space, user } = world();
  const refused = await addSpace(space.id, user.id);
  expect(refused).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/not a member of the organization of space/) } });
  await addOrg(org.id, user.id);
  expect(await addSpace(space.id, user.id, "ADMIN")).toMatchObject({ status: 200, body: { space_id: space.id, user_id: user.id, role: role("ADMIN") } });
  expect((await addSpace(space.id, user.id, "MEMBER")).body.role).toEqual(role("MEMBER"));
});

test("the ANNOTATOR rule, both ways, in organizations and spaces: 400", async () => {
  const { org, space, user, annotator } = world();
  expect((await addOrg(org.id, annotator.id, "MEMBER")).status).toBe(400);
  expect((await addOrg(org.id, user.id, "ANNOTATOR")).status).toBe(400);
  expect((await addOrg(org.id, annotator.id, "ANNOTATOR")).status).toBe(200);
  expect((await addOrg(org.id, user.id, "ADMIN")).status).toBe(200);
  expect((await addSpace(space.id, annotator.id, "READ_ONLY")).status).toBe(400);
  expect((await addSpace(space.id, user.id, "ANNOTATOR")).status).toBe(400);
  expect((await addSpace(space.id, annotator.id, "ANNOTATOR")).status).toBe(200);
});

test("unknown organization, space or user: 404", async () => {
  const { org, space, user } = world();
  expect((await addOrg("T3JnOjk5", user.id)).status).toBe(404);
  expect((await addSpace("U3BhY2U6OTk=", user.id)).status).toBe(404);
  expect((await addOrg(org.id, "VXNlcjo5OQ==")).status).toBe(404);
  expect((await call("GET", `/v2/spaces/${enc(space.id)}x`)).status).toBe(404);
});

test("DELETE of a space member: 204, then 404 for a non-member; of an organization member, also leaves its spaces", async () => {
  const { org, space, user } = world();
  await addOrg(org.id, user.id);
  await addSpace(space.id, user.id);
  expect((await call("DELETE", `/v2/spaces/${enc(space.id)}/users/${enc(user.id)}`)).status).toBe(204);
  expect((await call("DELETE", `/v2/spaces/${enc(space.id)}/users/${enc(user.id)}`)).status).toBe(404);
  await addSpace(space.id, user.id);
  expect((await call("DELETE", `/v2/organizations/${enc(org.id)}/users/${enc(user.id)}`)).status).toBe(204);
  expect(e.spaceMember(space.id, user.id)).toBeUndefined();
  expect((await call("DELETE", `/v2/organizations/${enc(org.id)}/users/${enc(user.id)}`)).status).toBe(404);
});

test("a user's delete cascades to all their memberships and role bindings; an organization's delete to its spaces", async () => {
  const { org, space, user } = world();
  await addOrg(org.id, user.id);
  await addSpace(space.id, user.id);
  expect((await call("DELETE", `/v2/users/${enc(user.id)}`)).status).toBe(204);
  expect(e.organizationMember(org.id, user.id)).toBeUndefined();
  expect((await call("GET", "/v2/role-bindings?resource_type=SPACE")).body.role_bindings).toEqual([]);
  e.deleteOrganization(org.id);
  expect((await call("GET", `/v2/spaces/${enc(space.id)}`)).status).toBe(404);
  expect((await call("GET", `/v2/organizations/${enc(org.id)}`)).status).toBe(404);
});

test("space members are role bindings on the space, whose role is a predefined role named as the membership's", async () => {
  const { org, space, user } = world();
  await addOrg(org.id, user.id);
  const member = (await addSpace(space.id, user.id, "READ_ONLY")).body;
  const list = await call("GET", `/v2/role-bindings?resource_type=SPACE&user_id=${enc(user.id)}`);
  expect(list.body).toEqual({ role_bindings: [expect.objectContaining({ id: member.id, user_id: user.id, resource_type: "SPACE", resource_id: space.id })], pagination: { has_more: false } });
  const r = await call("GET", `/v2/roles/${enc(list.body.role_bindings[0].role_id)}`);
  expect(r.body).toMatchObject({ name: "READ_ONLY", is_predefined: true });
  expect((await call("GET", "/v2/role-bindings?resource_type=PROJECT")).body.role_bindings).toEqual([]);
  expect((await call("GET", "/v2/role-bindings")).status).toBe(400);
  expect((await call("GET", "/v2/role-bindings?resource_type=ORG")).status).toBe(400);
});

test("list filters: organization and space names match case-insensitive substrings; spaces by org_id; cursor pages", async () => {
  const a = e.seedOrganization("Research");
  const b = e.seedOrganization("Research Ops");
  e.seedSpace(a.id, "Evals");
  e.seedSpace(b.id, "Evals");
  e.seedSpace(b.id, "Prod evals");
  expect((await call("GET", "/v2/organizations?name=research")).body.organizations.map((o: { name: string }) => o.name)).toEqual(["Research", "Research Ops"]);
  expect((await call("GET", "/v2/spaces?name=EVALS")).body.spaces).toHaveLength(3);
  expect((await call("GET", `/v2/spaces?name=evals&org_id=${enc(a.id)}`)).body.spaces).toHaveLength(1);
  const page = await call("GET", "/v2/spaces?limit=2");
  expect(page.body.pagination).toEqual({ has_more: true, next_cursor: expect.any(String) });
  const rest = await call("GET", `/v2/spaces?limit=2&cursor=${enc(page.body.pagination.next_cursor)}`);
  expect(rest.body).toMatchObject({ spaces: [expect.objectContaining({ name: "Prod evals" })], pagination: { has_more: false } });
  expect(() => e.seedSpace(a.id, "Evals")).toThrow(/unique per organization/);
  expect(() => e.seedOrganization("Research")).toThrow(/unique in the account/);
});
