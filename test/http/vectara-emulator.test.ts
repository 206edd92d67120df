/**
 * The Vectara emulator over real HTTP, with no provider code: what it answers must be what the
 * official Vectara spec (subset committed in test/conformance/specs/) declares, plus the choices
 * in emulator/vectara/choices.ts.
 */
import { request } from "undici";
import { emulatorSuite, expectNotFound, expectUnserved, type Answer } from "./emulator-client";
import { VectaraEmulator } from "../../emulator/vectara/server";

const suite = emulatorSuite();
const call = suite.call;
let emu: VectaraEmulator;
beforeAll(() => {
  emu = suite.emulator();
});
const agent = suite.agent;

const at = (username: string) => `/v2/users/${encodeURIComponent(username)}`;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function withEmulator(opts: Parameters<typeof VectaraEmulator.start>[0], body: (e: VectaraEmulator) => Promise<void>) {
  const other = await VectaraEmulator.start(opts);
  try {
    await body(other);
  } finally {
    await other.close();
  }
}

describe("users lifecycle", () => {
  it("creates (201), reads (200), updates (200) and deletes (204) a user with the spec's field names", async () => {
    const created = await call("POST", "/v2/users", {
      body: {
        email: "alice@example.com",
        username: "alice",
        description: "first",
        api_roles: ["administrator"],
        corpus_roles: [{ corpus_key: "docs", role: "viewer" }],
        agent_roles: [{ agent_key: "agt_1", role: "agent_user" }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers["content-type"]).toBe("application/json");
    expect(Object.keys(created.body)).toEqual([
      "id", "email", "username", "enabled", "description", "created_at", "updated_at",
      "api_roles", "corpus_roles", "agent_roles", "api_policy", "one_time_code", "one_time_code_link",
    ]);
    expect(created.body).toMatchObject({ email: "alice@example.com", username: "alice", enabled: true, description: "first" });
    expect(created.body.id).toMatch(/^usr_.+/);
    expect(created.body.created_at).toMatch(ISO);
    expect(created.body.updated_at).toBe(created.body.created_at);

    const read = await call("GET", "/v2/users/alice");
    expect(read.status).toBe(200);
    const { one_time_code, one_time_code_link, ...user } = created.body;
    expect(typeof one_time_code).toBe("string");
    expect(typeof one_time_code_link).toBe("string");
    expect(read.body).toEqual(user);

    const patched = await call("PATCH", "/v2/users/alice", { body: { enabled: false, api_roles: ["viewer"], description: "second" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: user.id, enabled: false, api_roles: ["viewer"], description: "second", corpus_roles: user.corpus_roles });
    expect(patched.body.created_at).toBe(user.created_at);
    expect(Date.parse(patched.body.updated_at)).toBeGreaterThan(Date.parse(user.updated_at));

    const deleted = await call("DELETE", "/v2/users/alice");
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(deleted.headers["content-type"]).toBeUndefined();
    expect((await call("GET", "/v2/users/alice")).status).toBe(404);
  });

  it("defaults the username to the email, omits an absent description and always returns the role arrays", async () => {
    const { body } = await call("POST", "/v2/users", { body: { email: "bob@example.com" } });
    expect(body.username).toBe("bob@example.com");
    expect(body).not.toHaveProperty("description");
    expect(body).toMatchObject({ api_roles: [], corpus_roles: [], agent_roles: [] });
  });

  it("ignores email and username in a PATCH, replaces sent role arrays and keeps the others", async () => {
    emu.seedUser({ email: "c@example.com", api_roles: ["owner", "viewer"], corpus_roles: [{ corpus_key: "k", role: "editor" }] });
    const { status, body } = await call("PATCH", at("c@example.com"), {
      body: { email: "new@example.com", username: "renamed", api_roles: ["corpus_viewer"] },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ email: "c@example.com", username: "c@example.com", api_roles: ["corpus_viewer"] });
    expect(body.corpus_roles).toEqual([{ corpus_key: "k", role: "editor" }]);
    expect(emu.user("renamed")).toBeUndefined();
  });

  it("answers a duplicate username with 400 and field_errors.username", async () => {
    emu.seedUser({ email: "d@example.com", username: "dup" });
    const { status, body } = await call("POST", "/v2/users", { body: { email: "other@example.com", username: "dup" } });
    expect(status).toBe(400);
    expect(body.field_errors.username).toMatch(/dup/);
    expect(body.request_id).toEqual(expect.any(String));
    expect(emu.users()).toHaveLength(1);
  });

  it("answers a duplicate username with 409 and an Error body when configured", async () => {
    await withEmulator({ duplicateStatus: 409 }, async (other) => {
      other.seedUser({ email: "d@example.com" });
      const { status, body } = await call("POST", "/v2/users", { on: other, body: { email: "d@example.com" } });
      expect(status).toBe(409);
      expect(body).toEqual({ messages: [expect.stringMatching(/d@example.com/)], request_id: expect.any(String) });
    });
  });

  it.each([400, 409] as const)("refuses a second user with a taken email, whatever its case and username (answered %i)", async (duplicateStatus) => {
    await withEmulator({ duplicateStatus }, async (other) => {
      other.seedUser({ email: "jdoe@example.com", username: "jdoe" });
      const { status, body } = await call("POST", "/v2/users", { on: other, body: { email: "JDoe@Example.com" } });
      expect(status).toBe(duplicateStatus);
      expect(body.messages).toEqual(["A user with email JDoe@Example.com already exists"]);
      if (duplicateStatus === 400) expect(Object.keys(body.field_errors)).toEqual(["email"]);
      expect(other.users().map((u) => u.username)).toEqual(["jdoe"]);
      expect(() => other.seedUser({ email: "jdoe@EXAMPLE.com", username: "other" })).toThrow(/email jdoe@EXAMPLE.com exists/);
    });
  });

  it("frees an email when its user is deleted, so a replacement can take it", async () => {
    emu.seedUser({ email: "moves@example.com", username: "old-name" });
    expect((await call("POST", "/v2/users", { body: { email: "moves@example.com", username: "new-name" } })).status).toBe(400);
    expect((await call("DELETE", at("old-name"))).status).toBe(204);
    expect((await call("POST", "/v2/users", { body: { email: "moves@example.com", username: "new-name" } })).status).toBe(201);
  });

  it("resets a password with a one-time code", async () => {
    emu.seedUser({ email: "e@example.com" });
    const { status, body } = await call("POST", `${at("e@example.com")}/reset_password`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["one_time_code", "one_time_code_link"]);
  });
});

describe("errors", () => {
  it.each([
    ["GET", "/v2/users/nobody"],
    ["PATCH", "/v2/users/nobody"],
    ["DELETE", "/v2/users/nobody"],
    ["POST", "/v2/users/nobody/reset_password"],
  ] as const)("answers %s %s with a NotFoundError naming the user and the request id", async (method, path) => {
    await expectNotFound(call, method, path, "nobody");
  });

  it.each([
    ["GET", "/v2/users/alice/extra"],
    ["PUT", "/v2/users/alice"],
    ["DELETE", "/v2/users"],
    ["GET", "/v2/users/"],
    ["GET", "/elsewhere"],
  ] as const)("answers %s %s, which the spec does not define, with 404", async (method, path) => {
    emu.seedUser({ email: "a@example.com", username: "alice" });
    await expectUnserved(call, method, path);
  });

  it.each([
    ["no API key", null],
    ["a wrong API key", "zut_wrong"],
  ])("answers 401 with an Error body to %s", async (_, key) => {
    const res = await call("GET", "/v2/users", { key });
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toEqual(expect.any(String));
    expect(res.body).toEqual({ messages: [expect.any(String)], request_id: res.headers["x-request-id"] });
  });

  it("answers 403 to writes with the read-only key but lets it read", async () => {
    emu.seedUser({ email: "r@example.com" });
    const key = emu.readOnlyApiKey;
    expect((await call("GET", "/v2/users", { key })).status).toBe(200);
    expect((await call("GET", at("r@example.com"), { key })).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", "/v2/users", { email: "w@example.com" }],
      ["PATCH", at("r@example.com"), { enabled: false }],
      ["DELETE", at("r@example.com"), undefined],
      ["POST", `${at("r@example.com")}/reset_password`, undefined],
    ] as const) {
      const res = await call(method, path, { key, body });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ messages: [expect.any(String)], request_id: expect.any(String) });
    }
    expect(emu.users()).toEqual([expect.objectContaining({ email: "r@example.com", enabled: true })]);
  });

  it.each([
    ["a missing email", "email", {}],
    ["a malformed email", "email", { email: "not-an-email" }],
    ["an email without a domain dot", "email", { email: "a@localhost" }],
    ["a 256-character description", "description", { email: "v@example.com", description: "x".repeat(256) }],
    ["a 129-character username", "username", { email: "v@example.com", username: "u".repeat(129) }],
    ["the unknown api role corpus_admin", "api_roles", { email: "v@example.com", api_roles: ["corpus_admin"] }],
    ["a corpus role without corpus_key", "corpus_roles", { email: "v@example.com", corpus_roles: [{ role: "viewer" }] }],
    ["an unknown corpus role", "corpus_roles", { email: "v@example.com", corpus_roles: [{ corpus_key: "k", role: "reader" }] }],
    ["an unknown agent role", "agent_roles", { email: "v@example.com", agent_roles: [{ agent_key: "a", role: "agent_owner" }] }],
    ["a null description", "description", { email: "v@example.com", description: null }],
  ])("rejects a create with %s: 400 with field_errors.%s", async (_, field, body) => {
    const res = await call("POST", "/v2/users", { body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.field_errors)).toEqual([field]);
    expect(res.body.messages.length).toBeGreaterThan(0);
    expect(res.body.request_id).toBe(res.headers["x-request-id"]);
    expect(emu.users()).toEqual([]);
  });

  it("validates a PATCH like a create", async () => {
    emu.seedUser({ email: "p@example.com" });
    const res = await call("PATCH", at("p@example.com"), { body: { enabled: "yes", api_roles: ["query_writer"] } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.field_errors).sort()).toEqual(["api_roles", "enabled"]);
  });

  it("takes any email the spec's format: email takes, a domain label over 63 characters included (RFC 5322 sets no limit)", async () => {
    const res = await call("POST", "/v2/users", { body: { email: `a@${"x".repeat(64)}.example.com` } });
    expect(res.status).toBe(201);
  });

  it("counts maxLength in characters, not UTF-16 units", async () => {
    const res = await call("POST", "/v2/users", { body: { email: "u@example.com", description: "😀".repeat(255) } });
    expect(res.status).toBe(201);
  });

  it.each([["{not json"], ["[1, 2]"], ["null"]])("rejects the body %s with a BadRequestError", async (body) => {
    const res = await call("POST", "/v2/users", { body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ field_errors: {}, messages: [expect.any(String)], request_id: expect.any(String) });
  });

  it.each([
    ["Request-Timeout", "0"],
    ["Request-Timeout", "soon"],
    ["Request-Timeout-Millis", "-5"],
  ])("rejects %s: %s with 400", async (name, value) => {
    const res = await call("GET", "/v2/users", { headers: { [name]: value } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.field_errors)).toEqual([name]);
  });

  it("accepts valid Request-Timeout and Request-Timeout-Millis headers", async () => {
    const res = await call("GET", "/v2/users", { headers: { "Request-Timeout": "30", "Request-Timeout-Millis": "30000" } });
    expect(res.status).toBe(200);
  });
});

describe("listing", () => {
  const seed = (n: number) => Array.from({ length: n }, (_, i) => emu.seedUser({ email: `user${i}@example.com` }).username);

  it("pages through 25 users with limit and page_key, each seen once, the last page without page_key", async () => {
    const all = seed(25);
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let pageKey: string | undefined;
    do {
      const query = new URLSearchParams({ limit: "7", ...(pageKey && { page_key: pageKey }) });
      const { status, body } = await call("GET", `/v2/users?${query}`);
      expect(status).toBe(200);
      seen.push(...body.users.map((u: { username: string }) => u.username));
      pageSizes.push(body.users.length);
      pageKey = body.metadata.page_key;
    } while (pageKey !== undefined);
    expect(pageSizes).toEqual([7, 7, 7, 4]);
    expect(seen).toEqual(all);
  });

  it("returns 10 users by default and no page_key when a page ends exactly at the last user", async () => {
    seed(20);
    const first = await call("GET", "/v2/users");
    expect(first.body.users).toHaveLength(10);
    const second = await call("GET", `/v2/users?page_key=${encodeURIComponent(first.body.metadata.page_key)}`);
    expect(second.body.users).toHaveLength(10);
    expect(second.body.metadata).toEqual({});
  });

  it("returns api_policy derived from the roles, following every change", async () => {
    emu.seedUser({ email: "pol@example.com", api_roles: ["corpus_viewer"], corpus_roles: [{ corpus_key: "docs", role: "owner" }] });
    const { body } = await call("GET", at("pol@example.com"));
    expect(body.api_policy.name).toBe("corpus_viewer");
    expect(body.api_policy.allowed_operations).toMatchObject({
      getUser: { allow_any_resource: true },
      getCorpus: { allow_any_resource: true },
      deleteCorpus: { allow_any_resource: false, allowed_resources: { "path.corpus_key": ["docs"] } },
    });
    expect(body.api_policy.allowed_operations).not.toHaveProperty("createUser");
    const patched = await call("PATCH", at("pol@example.com"), { body: { api_roles: ["administrator"], corpus_roles: [] } });
    expect(patched.body.api_policy.name).toBe("administrator");
    expect(patched.body.api_policy.allowed_operations.createUser).toEqual({ allow_any_resource: true });
    const none = emu.seedUser({ email: "none@example.com" });
    expect(none.api_policy).toEqual({ name: "none", allowed_operations: {} });
  });

  it("filters by corpus_key", async () => {
    emu.seedCorpus({ key: "docs" });
    emu.seedUser({ email: "a@example.com", corpus_roles: [{ corpus_key: "docs", role: "viewer" }] });
    emu.seedUser({ email: "b@example.com", corpus_roles: [{ corpus_key: "other", role: "owner" }] });
    emu.seedUser({ email: "c@example.com", corpus_roles: [{ corpus_key: "docs", role: "editor" }] });
    const { body } = await call("GET", "/v2/users?corpus_key=docs");
    expect(body.users.map((u: { email: string }) => u.email)).toEqual(["a@example.com", "c@example.com"]);
  });

  it("answers 404 NotFoundError naming a corpus_key that names no corpus, even when roles name it", async () => {
    emu.seedUser({ email: "a@example.com", corpus_roles: [{ corpus_key: "gone", role: "viewer" }] });
    const res = await call("GET", "/v2/users?corpus_key=gone");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ id: "gone", messages: ["Corpus gone not found"], request_id: expect.any(String) });
    emu.seedCorpus({ key: "empty" });
    expect(await call("GET", "/v2/users?corpus_key=empty")).toMatchObject({ status: 200, body: { users: [] } });
  });

  it("validates the query before looking the corpus up (400 before 404)", async () => {
    expect((await call("GET", "/v2/users?corpus_key=nope&limit=0")).status).toBe(400);
  });

  it.each([
    ["limit=0"],
    ["limit=101"],
    ["limit=ten"],
    ["limit=1&limit=2"],
    ["page_key=not-a-key"],
    [`page_key=${Buffer.from('{"offset":-1}').toString("base64")}`],
    ["corpus_key=bad!"],
    [`corpus_key=${"k".repeat(51)}`],
  ])("rejects the query %s with 400", async (query) => {
    const res = await call("GET", `/v2/users?${query}`);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.field_errors)).toHaveLength(1);
  });
});

describe("usernames in the path", () => {
  it.each(["a/b", "a+b", "first last", "x@y.com", "ünï"])("reaches user %j through its percent-encoded path and logs the raw path", async (username) => {
    emu.seedUser({ email: "someone@example.com", username });
    emu.seedUser({ email: "decoy@example.com", username: "a" });
    const path = at(username);
    const res = await call("GET", path);
    expect(res.status).toBe(200);
    expect(res.body.username).toBe(username);
    expect(emu.requests.at(-1)).toMatchObject({ rawPath: path, path });
  });

  it("keeps query strings in rawPath but not in path", async () => {
    await call("GET", "/v2/users?limit=5&corpus_key=a%3Db");
    expect(emu.requests.at(-1)).toMatchObject({ rawPath: "/v2/users?limit=5&corpus_key=a%3Db", path: "/v2/users", query: { limit: "5", corpus_key: "a=b" } });
  });

  it("reads a literal + in the path as itself, not as a space", async () => {
    emu.seedUser({ email: "p@example.com", username: "a+b" });
    expect((await call("GET", "/v2/users/a+b")).body.username).toBe("a+b");
  });

  it("never routes a path with extra segments to another user or operation", async () => {
    emu.seedUser({ email: "a@example.com", username: "a" });
    emu.seedUser({ email: "ab@example.com", username: "a/b" });
    emu.seedUser({ email: "r@example.com", username: "a/reset_password" });
    expect((await call("GET", "/v2/users/a/b")).status).toBe(404);
    expect((await call("DELETE", "/v2/users/a/b")).status).toBe(404);
    expect((await call("DELETE", "/v2/users/a/reset_password")).status).toBe(404);
    expect(emu.users()).toHaveLength(3);
  });

  it("answers a malformed percent-encoding with 404", async () => {
    const res = await call("GET", "/v2/users/%E0%A4%A");
    expect(res.status).toBe(404);
    expect(res.body.id).toBe("%E0%A4%A");
  });
});

describe("OAuth client credentials", () => {
  async function token(on: VectaraEmulator, fields: Record<string, string>, json = false) {
    const res = await request(on.tokenUrl, {
      method: "POST",
      headers: { "content-type": json ? "application/json" : "application/x-www-form-urlencoded" },
      body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
      dispatcher: agent,
    });
    return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
  }
  const grant = (on: VectaraEmulator) => ({ grant_type: "client_credentials", client_id: on.clientId, client_secret: on.clientSecret });
  const bearer = (t: unknown) => ({ key: null, headers: { authorization: `Bearer ${String(t)}` } });

  it("answers a form-encoded token request with a Bearer token that authorises API calls", async () => {
    const { status, body } = await token(emu, grant(emu));
    expect(status).toBe(200);
    expect(body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 1800 });
    expect(emu.tokensIssued).toBe(1);
    expect((await call("GET", "/v2/users", bearer(body.access_token))).status).toBe(200);
    expect((await call("POST", "/v2/users", { ...bearer(body.access_token), body: { email: "t@example.com" } })).status).toBe(201);
  });

  it("in usersAuth: oauth, refuses API keys on every users operation with 403 and says OAuth is required; corpora still take them", async () => {
    await withEmulator({ usersAuth: "oauth" }, async (other) => {
      other.seedUser({ email: "u@example.com" });
      const refusals = [
        await call("GET", "/v2/users", { on: other }),
        await call("POST", "/v2/users", { on: other, body: { email: "n@example.com" } }),
        await call("GET", at("u@example.com"), { on: other }),
        await call("PATCH", at("u@example.com"), { on: other, body: { enabled: false } }),
        await call("DELETE", at("u@example.com"), { on: other }),
        await call("POST", `${at("u@example.com")}/reset_password`, { on: other }),
        await call("GET", "/v2/users", { on: other, key: other.readOnlyApiKey }),
      ];
      for (const res of refusals) {
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ messages: ["User management operations require OAuth authentication, not API keys."], request_id: expect.any(String) });
      }
      expect(other.users().map((u) => [u.email, u.enabled])).toEqual([["u@example.com", true]]);
      expect((await call("POST", "/v2/corpora", { on: other, body: { key: "docs" } })).status).toBe(201);
      expect((await call("GET", "/v2/corpora/docs", { on: other })).status).toBe(200);
      expect((await call("GET", "/v2/userz", { on: other })).status).toBe(404);

      const { body } = await token(other, grant(other));
      expect((await call("GET", "/v2/users", { on: other, ...bearer(body.access_token) })).status).toBe(200);
      expect((await call("PATCH", at("u@example.com"), { on: other, ...bearer(body.access_token), body: { enabled: false } })).status).toBe(200);
      // A token wins even beside a key, as in the default mode.
      expect((await call("GET", "/v2/users", { on: other, headers: { authorization: `Bearer ${String(body.access_token)}` } })).status).toBe(200);
    });
  });

  it("accepts a JSON token request, as the spec's /oauth/token path describes", async () => {
    expect((await token(emu, grant(emu), true)).status).toBe(200);
  });

  it("refuses a wrong client secret with 401 invalid_client and issues nothing", async () => {
    const { status, body } = await token(emu, { ...grant(emu), client_secret: "wrong" });
    expect(status).toBe(401);
    expect(body).toEqual({ error: "invalid_client", error_description: expect.any(String) });
    expect(emu.tokensIssued).toBe(0);
  });

  it("refuses a grant type other than client_credentials", async () => {
    const { status, body } = await token(emu, { ...grant(emu), grant_type: "password" });
    expect(status).toBe(400);
    expect(body.error).toBe("unsupported_grant_type");
  });

  it("answers 401 to a token that expired or was never issued", async () => {
    await withEmulator({ tokenTtlSeconds: 1 }, async (other) => {
      const { body } = await token(other, grant(other));
      expect(body.expires_in).toBe(1);
      expect((await call("GET", "/v2/users", { on: other, ...bearer(body.access_token) })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await call("GET", "/v2/users", { on: other, ...bearer(body.access_token) })).status).toBe(401);
      expect((await call("GET", "/v2/users", { on: other, ...bearer("made-up") })).status).toBe(401);
    });
  });

  it("logs token requests alongside API requests", async () => {
    await token(emu, grant(emu));
    expect(emu.requests).toEqual([expect.objectContaining({ method: "POST", path: "/oauth2/token", status: 200 })]);
  });
});

describe("faults", () => {
  it("answers an injected status with Retry-After and an Error body, without applying the request, once", async () => {
    emu.inject({ kind: "status", status: 503, retryAfter: "2", match: { method: "POST" } });
    const faulted = await call("POST", "/v2/users", { body: { email: "f@example.com" } });
    expect(faulted.status).toBe(503);
    expect(faulted.headers["retry-after"]).toBe("2");
    expect(faulted.body).toEqual({ messages: [expect.any(String)], request_id: expect.any(String) });
    expect(emu.users()).toEqual([]);
    expect((await call("POST", "/v2/users", { body: { email: "f@example.com" } })).status).toBe(201);
  });

  it("only affects requests its match selects, as many times as asked", async () => {
    emu.inject({ kind: "status", status: 500, times: 2, match: { method: "get", pathPrefix: "/v2/users/x" } });
    expect((await call("GET", "/v2/users")).status).toBe(200);
    expect((await call("GET", "/v2/users/x1")).status).toBe(500);
    expect((await call("GET", "/v2/users/x2")).status).toBe(500);
    expect((await call("GET", "/v2/users/x3")).status).toBe(404);
  });

  it("delays every answer by the injected latency", async () => {
    emu.inject({ kind: "latency", ms: 150 });
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      expect((await call("GET", "/v2/users")).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    }
  });

  it("applies a create but drops the connection before answering on drop-after-commit", async () => {
    emu.inject({ kind: "drop-after-commit" });
    await expect(call("POST", "/v2/users", { body: { email: "g@example.com" } })).rejects.toMatchObject({ code: "UND_ERR_SOCKET" });
    expect(emu.user("g@example.com")).toBeDefined();
    expect(emu.requests.map((r) => r.status)).toEqual(["dropped"]);
    expect((await call("GET", at("g@example.com"))).status).toBe(200);
  });

  it("resets the connection before applying anything on reset", async () => {
    emu.inject({ kind: "reset" });
    await expect(call("POST", "/v2/users", { body: { email: "h@example.com" } })).rejects.toMatchObject({ code: "UND_ERR_SOCKET" });
    expect(emu.users()).toEqual([]);
    expect(emu.requests).toEqual([expect.objectContaining({ status: "reset", body: { email: "h@example.com" } })]);
  });

  it("answers 429 with Retry-After in whole seconds once the rate limit's budget is spent", async () => {
    emu.inject({ kind: "rate-limit", perSecond: 3 });
    const statuses: number[] = [];
    let limited: Answer | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await call("GET", "/v2/users");
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(limited?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(limited?.body).toEqual({ messages: [expect.any(String)], request_id: expect.any(String) });
  });
});

describe("out-of-band changes and reset", () => {
  it("shows users seeded, patched and deleted out of band", async () => {
    const seeded = emu.seedUser({ email: "o@example.com" }, { enabled: false });
    expect((await call("GET", at("o@example.com"))).body).toEqual(seeded);
    const patched = emu.patchUser("o@example.com", { description: "edited in the console" });
    expect(patched.updated_at > seeded.updated_at).toBe(true);
    expect((await call("GET", at("o@example.com"))).body.description).toBe("edited in the console");
    expect(emu.deleteUser("o@example.com")).toBe(true);
    expect((await call("GET", at("o@example.com"))).status).toBe(404);
    expect(() => emu.patchUser("o@example.com", {})).toThrow(/no user/);
    expect(() => emu.seedUser({ email: "bad" })).toThrow(/email/);
  });

  it("reset() forgets users, the request log, faults and tokens", async () => {
    emu.seedUser({ email: "z@example.com" });
    emu.inject({ kind: "status", status: 500, times: 5 });
    await call("GET", "/v2/users");
    emu.reset();
    expect(emu.users()).toEqual([]);
    expect(emu.requests).toEqual([]);
    expect(emu.tokensIssued).toBe(0);
    expect((await call("GET", "/v2/users")).status).toBe(200);
  });
});
