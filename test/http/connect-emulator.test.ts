// The Connect emulator over plain HTTP, as any client sees it: Key auth, {code, error} bodies,
// page-number paging, PUT answering EditableUser, the lock action, no DELETE, LDAP imports, and
// its command line.
import { ConnectEmulator } from "../../emulator/connect/server";
import { runCli } from "../../emulator/core/cli";
import { DEFAULT_SERVICE, PROGRAM, SERVICES } from "../../emulator/services";
import { emulatorSuite } from "./emulator-suite";

const emu = emulatorSuite(() => ConnectEmulator.start());

async function call(method: string, path: string, opts: { body?: unknown; key?: string | null; on?: ConnectEmulator } = {}) {
  const target = opts.on ?? emu;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.key !== null) headers.authorization = `Key ${opts.key ?? target.apiKey}`;
  const res = await fetch(`${target.url}/__api__${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}

test("Authorization: Key is required; anything else is a 401 APIError with a Key challenge", async () => {
  expect((await call("GET", "/v1/users")).status).toBe(200);
  for (const key of [null, "wrong"]) {
    const res = await call("GET", "/v1/users", { key });
    expect(res).toMatchObject({ status: 401, body: { code: 0, error: "Invalid API key.", payload: null } });
    expect(res.headers.get("www-authenticate")).toBe('Key realm="connect"');
  }
});

test("create answers 200 with the User; a taken username is 409 code 8; a short password code 6", async () => {
  const created = await call("POST", "/v1/users", { body: { username: "ann", email: "ann@example.com" } });
  expect(created).toMatchObject({ status: 200, body: { username: "ann", email: "ann@example.com", user_role: "viewer", locked: false, confirmed: true, active_time: null } });
  expect(created.body.guid).toMatch(/^[0-9a-f-]{36}$/);
  expect(await call("POST", "/v1/users", { body: { username: "ann" } })).toMatchObject({ status: 409, body: { code: 8 } });
  expect(await call("POST", "/v1/users", { body: { username: "bo", password: "12345" } })).toMatchObject({ status: 400, body: { code: 6 } });
  expect(await call("POST", "/v1/users", { body: { username: "bo", userRole: "viewer" } })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/userRole/) } });
});

test("PUT answers an EditableUser, not the whole user; there is no DELETE; unknown guids are 404 code 9, malformed ones code 261", async () => {
  const user = emu.seedUser({ username: "cy", email: "cy@example.com" });
  const put = await call("PUT", `/v1/users/${user.guid}`, { body: { first_name: "Cy" } });
  expect(put).toEqual({ status: 200, headers: expect.anything(), body: { email: "cy@example.com", username: "cy", first_name: "Cy", user_role: "viewer", updated_time: expect.any(String) } });
  expect(await call("DELETE", `/v1/users/${user.guid}`)).toMatchObject({ status: 404, body: { code: 4 } });
  expect(await call("GET", "/v1/users/6f300623-1e0c-48e6-a473-ddf630c0c0c3")).toMatchObject({ status: 404, body: { code: 9 } });
  expect(await call("GET", "/v1/users/not-a-guid")).toMatchObject({ status: 400, body: { code: 261 } });
});

test("lock: 200 with no body, idempotent; the last administrator cannot be locked or demoted (61); seats (64)", async () => {
  const admin = emu.seedUser({ username: "root", user_role: "administrator" });
  const user = emu.seedUser({ username: "dee" });
  expect(await call("POST", `/v1/users/${user.guid}/lock`, { body: { locked: true } })).toMatchObject({ status: 200, body: undefined });
  expect((await call("POST", `/v1/users/${user.guid}/lock`, { body: { locked: true } })).status).toBe(200);
  expect(emu.user(user.guid)?.locked).toBe(true);
  expect(await call("POST", `/v1/users/${admin.guid}/lock`, { body: { locked: true } })).toMatchObject({ status: 400, body: { code: 61 } });
  expect(await call("PUT", `/v1/users/${admin.guid}`, { body: { user_role: "viewer" } })).toMatchObject({ status: 400, body: { code: 61 } });
  emu.setSeats(1);
  expect(await call("POST", `/v1/users/${user.guid}/lock`, { body: { locked: false } })).toMatchObject({ status: 400, body: { code: 64 } });
  expect(await call("POST", "/v1/users", { body: { username: "eve" } })).toMatchObject({ status: 400, body: { code: 64 } });
  emu.setSeats(undefined);
});

test("a publisher's key may read; its role assignments are 23 and its locks 49", async () => {
  const user = emu.seedUser({ username: "fay" });
  const key = emu.publisherApiKey;
  expect((await call("GET", "/v1/users", { key })).status).toBe(200);
  expect(await call("PUT", `/v1/users/${user.guid}`, { key, body: { user_role: "publisher" } })).toMatchObject({ status: 403, body: { code: 23 } });
  expect(await call("POST", `/v1/users/${user.guid}/lock`, { key, body: { locked: true } })).toMatchObject({ status: 403, body: { code: 49 } });
});

test("page-number paging: page_size up to 500, from page 1, with the total; a prefix answers its first page only", async () => {
  for (let i = 0; i < 12; i++) emu.seedUser({ username: `u${String(i).padStart(2, "0")}`, user_role: i % 3 === 0 ? "publisher" : "viewer" });
  const page = async (q: string) => (await call("GET", `/v1/users?${q}`)).body;
  expect(await page("page_size=5&page_number=3")).toMatchObject({ results: [{ username: "u10" }, { username: "u11" }], current_page: 3, total: 12 });
  expect((await page("page_size=501")).code).toBe(0);
  expect((await page("user_role=publisher|administrator")).total).toBe(4);
  expect((await page("prefix=u1&page_size=1&page_number=2")).results.map((u: { username: string }) => u.username)).toEqual(["u10"]);
  expect((await page("account_status=locked")).total).toBe(0);
});

describe("an LDAP server", () => {
  let ldap: ConnectEmulator;
  beforeAll(async () => {
    ldap = await ConnectEmulator.start({ authKind: "ldap" });
  });
  afterAll(() => ldap.close());

  it("refuses a push with 120, imports by ticket, and refuses edits of the directory's fields (36, 46)", async () => {
    ldap.addDirectoryUser({ username: "gus", email: "gus@corp.example.com" });
    expect(await call("POST", "/v1/users", { on: ldap, body: { username: "gus" } })).toMatchObject({ status: 400, body: { code: 120 } });
    const search = await call("GET", "/v1/users/remote?prefix=gu", { on: ldap });
    expect(search.body).toMatchObject({ results: [{ username: "gus", guid: null, temp_ticket: expect.any(String) }], current_page: 1, total: 1 });
    expect(await call("PUT", "/v1/users", { on: ldap, body: { temp_ticket: "nope" } })).toMatchObject({ status: 400, body: { code: 127 } });
    const imported = await call("PUT", "/v1/users", { on: ldap, body: { temp_ticket: search.body.results[0].temp_ticket } });
    expect(imported).toMatchObject({ status: 200, body: { username: "gus", email: "gus@corp.example.com" } });
    expect(await call("PUT", "/v1/users", { on: ldap, body: { temp_ticket: search.body.results[0].temp_ticket } })).toMatchObject({ status: 409, body: { code: 8 } });
    const at = `/v1/users/${imported.body.guid}`;
    expect(await call("PUT", at, { on: ldap, body: { username: "gus2" } })).toMatchObject({ status: 400, body: { code: 36 } });
    expect(await call("PUT", at, { on: ldap, body: { email: "x@example.com" } })).toMatchObject({ status: 400, body: { code: 46 } });
    expect((await call("PUT", at, { on: ldap, body: { email: "gus@corp.example.com", user_role: "publisher" } })).status).toBe(200);
  });

  it("a password server refuses an import with 119", async () => {
    expect(await call("PUT", "/v1/users", { body: { temp_ticket: "t" } })).toMatchObject({ status: 400, body: { code: 119 } });
  });
});

test("the command runs the connect emulator: --help lists its flags, and flags reach the emulator", async () => {
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  const options = { program: PROGRAM, services: SERVICES, defaultService: DEFAULT_SERVICE, io };
  expect(await runCli(["connect", "--help"], options)).toEqual({ exitCode: 0 });
  for (const flag of ["--api-key KEY", "--publisher-api-key KEY", "--auth-kind KIND", "--seats N"]) expect(out.join("\n")).toContain(flag);
  out.length = 0;
  const outcome = await runCli(["connect", "--api-key", "k1", "--auth-kind", "ldap", "--seats", "2"], options);
  if (!("emulator" in outcome)) throw new Error(out.join("\n"));
  try {
    const started = outcome.emulator as ConnectEmulator;
    expect(started.authKind).toBe("ldap");
    expect(out).toEqual(expect.arrayContaining([expect.stringMatching(/^Connect emulator listening on http:\/\/127\.0\.0\.1:\d+$/), `API key: k1`, `Server URL: ${started.serverUrl}`]));
    expect((await call("POST", "/v1/users", { on: started, key: "k1", body: { username: "x" } })).body.code).toBe(120);
  } finally {
    await outcome.emulator.close();
  }
});
