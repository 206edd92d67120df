// The Connect emulator's groups, members and content-permission endpoints over plain HTTP, as any
// client sees them: the documented rules (docs/access-design.md) and the choices (choices.ts).
import { ConnectEmulator } from "../../emulator/connect/server";
import { runCli } from "../../emulator/core/cli";
import { DEFAULT_SERVICE, PROGRAM, SERVICES } from "../../emulator/services";
import { emulatorSuite } from "./emulator-suite";

const emu = emulatorSuite(() => ConnectEmulator.start(), (emu) => {
  emu.setGroupsEnabled(true);
  emu.setMembershipFromProvider(false);
});

async function call(method: string, path: string, opts: { body?: unknown; on?: ConnectEmulator; key?: string } = {}) {
  const target = opts.on ?? emu;
  const res = await fetch(`${target.url}/__api__${path}`, {
    method, headers: { "content-type": "application/json", authorization: `Key ${opts.key ?? target.apiKey}` }, body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text === "" ? undefined : JSON.parse(text) };
}

describe("groups", () => {
  it("create answers 200 with {guid, name, owner_guid, gid, member_count}; a taken name is 409 code 15; an empty one 400 code 14", async () => {
    const created = await call("POST", "/v1/groups", { body: { name: "analysts" } });
    expect(created).toMatchObject({ status: 200, body: { name: "analysts", owner_guid: null, gid: null, member_count: 0 } });
    expect(await call("POST", "/v1/groups", { body: { name: "analysts" } })).toMatchObject({ status: 409, body: { code: 15 } });
    expect(await call("POST", "/v1/groups", { body: { name: "" } })).toMatchObject({ status: 400, body: { code: 14 } });
    expect(await call("POST", "/v1/groups", { body: { name: "x", owner_guid: "y" } })).toMatchObject({ status: 400 });
  });

  it("PATCH renames and sets an owner; a viewer cannot own a group; an unknown group is 404 code 153", async () => {
    const { body: group } = await call("POST", "/v1/groups", { body: { name: "analysts" } });
    const pub = emu.seedUser({ username: "pub", user_role: "publisher" });
    const viewer = emu.seedUser({ username: "vic" });
    expect(await call("PATCH", `/v1/groups/${group.guid}`, { body: { name: "data", owner_guid: pub.guid } })).toMatchObject({ status: 200, body: { name: "data", owner_guid: pub.guid } });
    expect((await call("PATCH", `/v1/groups/${group.guid}`, { body: { owner_guid: viewer.guid } })).status).toBe(400);
    expect(await call("GET", "/v1/groups/00000000-0000-4000-8000-000000000009")).toMatchObject({ status: 404, body: { code: 153 } });
  });

  it("lists with page_number paging (default 20) and a prefix", async () => {
    for (let i = 0; i < 25; i++) emu.seedGroup(`g${String(i).padStart(2, "0")}`);
    const first = await call("GET", "/v1/groups");
    expect(first.body).toMatchObject({ current_page: 1, total: 25 });
    expect(first.body.results).toHaveLength(20);
    expect((await call("GET", "/v1/groups?page_number=2")).body.results).toHaveLength(5);
    expect((await call("GET", "/v1/groups?prefix=g1")).body.results.map((g: { name: string }) => g.name)).toHaveLength(10);
  });

  it("groups disabled: every groups and members operation is 400 naming Authorization.UserGroups", async () => {
    const group = emu.seedGroup("analysts");
    emu.setGroupsEnabled(false);
    for (const [method, path] of [["GET", "/v1/groups"], ["POST", "/v1/groups"], ["GET", `/v1/groups/${group.guid}`], ["PATCH", `/v1/groups/${group.guid}`], ["GET", `/v1/groups/${group.guid}/members`]] as const) {
      const res = await call(method, path, { body: method === "GET" ? undefined : { name: "x" } });
      expect(res).toMatchObject({ status: 400, body: { error: expect.stringContaining("Authorization.UserGroups") } });
    }
  });

  it("the remote search is LDAP only (132 elsewhere); a password server refuses PUT /v1/groups with 119", async () => {
    expect(await call("GET", "/v1/groups/remote?prefix=a")).toMatchObject({ status: 400, body: { code: 132 } });
    expect(await call("PUT", "/v1/groups", { body: { temp_ticket: "t" } })).toMatchObject({ status: 400, body: { code: 119 } });
  });

  it("an LDAP server: POST is 120; the remote search gives tickets; PUT imports; a bad ticket is 127; members are 132", async () => {
    const ldap = await ConnectEmulator.start({ authKind: "ldap" });
    try {
      ldap.addDirectoryGroup("engineering");
      expect(await call("POST", "/v1/groups", { on: ldap, body: { name: "engineering" } })).toMatchObject({ status: 400, body: { code: 120 } });
      const found = await call("GET", "/v1/groups/remote?prefix=eng", { on: ldap });
      expect(found.body.results).toEqual([{ name: "engineering", guid: null, temp_ticket: expect.any(String) }]);
      const imported = await call("PUT", "/v1/groups", { on: ldap, body: { temp_ticket: found.body.results[0].temp_ticket } });
      expect(imported).toMatchObject({ status: 200, body: { name: "engineering" } });
      expect(await call("PUT", "/v1/groups", { on: ldap, body: { temp_ticket: "nope" } })).toMatchObject({ status: 400, body: { code: 127 } });
      expect(await call("GET", `/v1/groups/${imported.body.guid}/members`, { on: ldap })).toMatchObject({ status: 400, body: { code: 132 } });
      expect(await call("PATCH", `/v1/groups/${imported.body.guid}`, { on: ldap, body: { name: "eng" } })).toMatchObject({ status: 400, body: { code: 132 } });
    } finally {
      await ldap.close();
    }
  });
});

describe("members", () => {
  it("add is 204, again 409 code 16; remove is 204, again 404 code 17; the list pages by 10 by default", async () => {
    const group = emu.seedGroup("analysts");
    const users = Array.from({ length: 12 }, (_, i) => emu.seedUser({ username: `u${i}` }));
    for (const u of users) expect((await call("POST", `/v1/groups/${group.guid}/members`, { body: { user_guid: u.guid } })).status).toBe(204);
    expect(await call("POST", `/v1/groups/${group.guid}/members`, { body: { user_guid: users[0]!.guid } })).toMatchObject({ status: 409, body: { code: 16 } });
    const page = await call("GET", `/v1/groups/${group.guid}/members`);
    expect(page.body).toMatchObject({ current_page: 1, total: 12 });
    expect(page.body.results).toHaveLength(10);
    expect((await call("GET", `/v1/groups/${group.guid}`)).body.member_count).toBe(12);
    expect((await call("DELETE", `/v1/groups/${group.guid}/members/${users[0]!.guid}`)).status).toBe(204);
    expect(await call("DELETE", `/v1/groups/${group.guid}/members/${users[0]!.guid}`)).toMatchObject({ status: 404, body: { code: 17 } });
    expect(await call("POST", `/v1/groups/${group.guid}/members`, { body: { user_guid: "00000000-0000-4000-8000-000000000009" } })).toMatchObject({ status: 404, body: { code: 9 } });
  });

  it("membership supplied by the authentication provider: add and remove are 400 code 132; the list still answers", async () => {
    const group = emu.seedGroup("analysts");
    const user = emu.seedUser({ username: "u" });
    emu.setMembershipFromProvider(true);
    expect(await call("POST", `/v1/groups/${group.guid}/members`, { body: { user_guid: user.guid } })).toMatchObject({ status: 400, body: { code: 132 } });
    expect(await call("DELETE", `/v1/groups/${group.guid}/members/${user.guid}`)).toMatchObject({ status: 400, body: { code: 132 } });
    expect((await call("GET", `/v1/groups/${group.guid}/members`)).status).toBe(200);
  });
});

describe("content permissions", () => {
  it("POST upserts by principal: 201 new, 200 updated; the list is not paged; PUT and DELETE by id", async () => {
    const owner = emu.seedUser({ username: "owner", user_role: "publisher" });
    const pub = emu.seedUser({ username: "pub", user_role: "publisher" });
    const content = emu.seedContent("dash", owner.guid);
    const at = `/v1/content/${content.guid}/permissions`;
    const created = await call("POST", at, { body: { principal_guid: pub.guid, principal_type: "user", role: "viewer" } });
    expect(created).toEqual({ status: 201, body: { id: "1", content_guid: content.guid, principal_guid: pub.guid, principal_type: "user", role: "viewer" } });
    expect(await call("POST", at, { body: { principal_guid: pub.guid, principal_type: "user", role: "owner" } })).toMatchObject({ status: 200, body: { id: "1", role: "owner" } });
    expect((await call("GET", at)).body).toHaveLength(1);
    expect(await call("PUT", `${at}/1`, { body: { role: "viewer" } })).toMatchObject({ status: 200, body: { role: "viewer" } });
    expect((await call("PUT", `${at}/1`, { body: { principal_guid: owner.guid, role: "viewer" } })).status).toBe(400);
    expect((await call("DELETE", `${at}/1`)).status).toBe(204);
    expect((await call("GET", `${at}/1`)).status).toBe(404);
  });

  it("refuses a bad principal type (152), a role outside viewer|owner, the content's owner (34), a viewer as owner (33), unknown principals (9, 153) and content (404)", async () => {
    const owner = emu.seedUser({ username: "owner", user_role: "publisher" });
    const viewer = emu.seedUser({ username: "vic" });
    const content = emu.seedContent("dash", owner.guid);
    const at = `/v1/content/${content.guid}/permissions`;
    expect(await call("POST", at, { body: { principal_guid: viewer.guid, principal_type: "team", role: "viewer" } })).toMatchObject({ status: 400, body: { code: 152 } });
    expect((await call("POST", at, { body: { principal_guid: viewer.guid, principal_type: "user", role: "editor" } })).status).toBe(400);
    expect(await call("POST", at, { body: { principal_guid: owner.guid, principal_type: "user", role: "viewer" } })).toMatchObject({ status: 400, body: { code: 34 } });
    expect(await call("POST", at, { body: { principal_guid: viewer.guid, principal_type: "user", role: "owner" } })).toMatchObject({ status: 403, body: { code: 33 } });
    expect(await call("POST", at, { body: { principal_guid: "00000000-0000-4000-8000-000000000009", principal_type: "user", role: "viewer" } })).toMatchObject({ status: 404, body: { code: 9 } });
    expect(await call("POST", at, { body: { principal_guid: "00000000-0000-4000-8000-000000000009", principal_type: "group", role: "viewer" } })).toMatchObject({ status: 404, body: { code: 153 } });
    expect((await call("GET", "/v1/content/00000000-0000-4000-8000-000000000009/permissions")).status).toBe(404);
  });
});

test("the command's flags switch groups off and make membership provider-supplied", async () => {
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  const outcome = await runCli(["connect", "--groups", "off", "--group-membership", "provider"], { program: PROGRAM, services: SERVICES, defaultService: DEFAULT_SERVICE, io });
  if (!("emulator" in outcome)) throw new Error(out.join("\n"));
  const started = outcome.emulator as ConnectEmulator;
  try {
    expect((await call("GET", "/v1/groups", { on: started })).status).toBe(400);
    started.setGroupsEnabled(true);
    const group = started.seedGroup("g");
    const user = started.seedUser({ username: "u" });
    expect(await call("POST", `/v1/groups/${group.guid}/members`, { on: started, body: { user_guid: user.guid } })).toMatchObject({ status: 400, body: { code: 132 } });
  } finally {
    await started.close();
  }
});
