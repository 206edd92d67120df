// The Arize emulator's own rules, over plain HTTP: Bearer keys, problem+json errors, cursor paging
// and filters, create idempotency on email, terminal delete, statuses moving on their own.
import { setTimeout } from "node:timers/promises";
import { ArizeEmulator } from "../../emulator/arize/server";

let e: ArizeEmulator;
beforeAll(async () => {
  e = await ArizeEmulator.start({ invitationTtlMs: 200 });
});
afterAll(() => e.close());
beforeEach(() => e.reset());

async function call(method: string, path: string, body?: unknown, key = e.apiKey) {
  const res = await fetch(e.url + path, {
    method, headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
const create = (email: string, extra: Record<string, unknown> = {}) =>
  call("POST", "/v2/users", { name: "N", email, role: { type: "PREDEFINED", name: "MEMBER" }, invite_mode: "EMAIL_LINK", ...extra });

test("no or a wrong key is a 401 problem with a Bearer challenge", async () => {
  const r = await call("GET", "/v2/users", undefined, "wrong");
  expect(r.status).toBe(401);
  expect(r.type).toContain("application/problem+json");
  expect(r.body).toMatchObject({ title: "Unauthorized", status: 401 });
  expect(r.headers.get("www-authenticate")).toBe('Bearer realm="arize"');
});

test("create answers 201 with invite_mode, 200 for an existing invite, 409 for an active user", async () => {
  const first = await create("a@example.com", { invite_mode: "TEMPORARY_PASSWORD" });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ email: "a@example.com", status: "INVITED", invite_mode: "TEMPORARY_PASSWORD", temporary_password: expect.any(String), is_developer: true });
  const again = await create("A@example.com");
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  expect(again.body).not.toHaveProperty("temporary_password");
  e.setStatus(first.body.id, "ACTIVE");
  expect((await create("a@example.com")).status).toBe(409);
});

test("with NONE the user is active at once, and any existing email is a 409", async () => {
  expect((await create("s@example.com", { invite_mode: "NONE" })).body.status).toBe("ACTIVE");
  await create("i@example.com");
  expect((await create("i@example.com", { invite_mode: "NONE" })).status).toBe(409);
});

test("delete is terminal: 204, then GET 404, DELETE 204 again, and the email is a 409 for ever", async () => {
  const { body } = await create("d@example.com");
  const path = `/v2/users/${encodeURIComponent(body.id)}`;
  expect((await call("DELETE", path)).status).toBe(204);
  expect((await call("GET", path)).status).toBe(404);
  expect((await call("DELETE", path)).status).toBe(204);
  const again = await create("D@example.com");
  expect(again.status).toBe(409);
  expect(again.body.detail).toContain("cannot be invited again");
  expect((await call("GET", "/v2/users")).body.users).toEqual([]);
});

test("an invitation expires on its own, and a create re-invites it (201, same id)", async () => {
  const { body } = await create("x@example.com");
  await setTimeout(250);
  expect((await call("GET", `/v2/users/${encodeURIComponent(body.id)}`)).body.status).toBe("EXPIRED");
  const again = await create("x@example.com", { name: "New" });
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ id: body.id, name: "New", status: "INVITED" });
});

test("update needs a field, refuses a blank name, and is_developer needs an admin key", async () => {
  const { body } = await create("u@example.com");
  const path = `/v2/users/${encodeURIComponent(body.id)}`;
  expect((await call("PATCH", path, {})).status).toBe(400);
  expect((await call("PATCH", path, { name: "  " })).status).toBe(400);
  expect((await call("PATCH", path, { is_developer: false }, e.memberApiKey)).status).toBe(403);
  expect((await call("PATCH", path, { name: "Renamed" }, e.memberApiKey)).body.name).toBe("Renamed");
  expect((await call("PATCH", path, { is_developer: false })).body.is_developer).toBe(false);
});

test("resend works while invited, reset once active", async () => {
  const { body } = await create("r@example.com");
  const path = `/v2/users/${encodeURIComponent(body.id)}`;
  expect((await call("POST", `${path}/resend-invitation`)).status).toBe(204);
  expect((await call("POST", `${path}/reset-password`)).status).toBe(400);
  e.setStatus(body.id, "ACTIVE");
  expect((await call("POST", `${path}/resend-invitation`)).status).toBe(400);
  expect((await call("POST", `${path}/reset-password`)).status).toBe(204);
});

test("resend is refused for an EXPIRED user (only INVITED may be resent); creating the user again renews the invitation", async () => {
  const { body } = await create("x@example.com");
  const path = `/v2/users/${encodeURIComponent(body.id)}`;
  e.setStatus(body.id, "EXPIRED");
  const refused = await call("POST", `${path}/resend-invitation`);
  expect(refused.status).toBe(400);
  expect(refused.body.detail).toMatch(/The invitation has expired; create the user again to send a new one \(status EXPIRED\)/);
  const renewed = await create("x@example.com");
  expect([renewed.status, renewed.body.status]).toEqual([201, "INVITED"]);
  expect((await call("POST", `${path}/resend-invitation`)).status).toBe(204);
});

test("list pages with a cursor, filters by email substring and repeated status, oldest first", async () => {
  for (let i = 0; i < 5; i++) await create(`p${i}@example.com`);
  e.setStatus(e.users()[1]!.id, "ACTIVE");
  const first = await call("GET", "/v2/users?limit=2");
  expect(first.body.users.map((u: { email: string }) => u.email)).toEqual(["p0@example.com", "p1@example.com"]);
  expect(first.body.pagination).toEqual({ next_cursor: expect.any(String), has_more: true });
  const last = await call("GET", `/v2/users?limit=4&cursor=${encodeURIComponent(first.body.pagination.next_cursor)}`);
  expect(last.body.users).toHaveLength(3);
  expect(last.body.pagination).toEqual({ has_more: false });
  expect((await call("GET", "/v2/users?email=P3%40")).body.users.map((u: { email: string }) => u.email)).toEqual(["p3@example.com"]);
  expect((await call("GET", "/v2/users?status=ACTIVE")).body.users).toHaveLength(1);
  expect((await call("GET", "/v2/users?status=ACTIVE&status=INVITED")).body.users).toHaveLength(5);
  expect((await call("GET", "/v2/users?status=active")).status).toBe(400);
  expect((await call("GET", "/v2/users?limit=101")).status).toBe(400);
  expect((await call("GET", "/v2/users?cursor=nope")).status).toBe(400);
});

test("a CUSTOM role is not supported yet (422); an unknown field is a 400", async () => {
  expect((await create("c@example.com", { role: { type: "CUSTOM", id: "Um9sZTox" } })).status).toBe(422);
  expect((await create("c@example.com", { surname: "x" })).status).toBe(400);
});
