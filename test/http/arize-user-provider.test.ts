// ArizeUser's provider against the Arize emulator over HTTP: what each lifecycle call sends, and
// what each answer means (201 ours, 200 an existing invite, 409 an existing or burnt email).
import type { UserInputs } from "../../provider/arize/users/schema";
import { checkedInputs, providerSuite } from "./service-setup";

const arizeInputs = checkedInputs<UserInputs>("arize", "ArizeUser");

const h = providerSuite("arize", "ArizeUser");
beforeEach(() => h.emulator.reset());

const apiRequests = () => h.emulator.requests.filter((r) => r.path.startsWith("/v2/"));
const calls = () => apiRequests().map((r) => `${r.method} ${r.rawPath} ${r.status}`);
const alice = { email: "alice@example.com", name: "Alice" };

describe("create", () => {
  it("POSTs the inputs in the API's names, enums uppercase, with a Bearer key, and returns the server's view", async () => {
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, role: "admin" }));
    expect(id).toBe(outs.userId);
    expect(h.emulator.user(id)).toBeDefined();
    expect(outs).toMatchObject({ ...alice, role: "ADMIN", isDeveloper: true, inviteMode: "EMAIL_LINK", status: "INVITED", adoptExisting: false, onDelete: "delete" });
    expect(outs.createdAt).toEqual(expect.any(String));
    expect(outs).not.toHaveProperty("temporaryPassword");
    expect(calls()).toEqual(["POST /v2/users 201"]);
    expect(apiRequests()[0]?.body).toEqual({ name: "Alice", email: "alice@example.com", role: { type: "PREDEFINED", name: "ADMIN" }, invite_mode: "EMAIL_LINK", is_developer: true });
    expect(apiRequests()[0]?.headers.authorization).toBe(`Bearer ${h.emulator.apiKey}`);
  });

  it.each([["NONE", "ACTIVE"], ["EMAIL_LINK", "INVITED"], ["TEMPORARY_PASSWORD", "INVITED"]])("creates with inviteMode %s (status %s)", async (inviteMode, status) => {
    const { outs } = await h.provider.create(arizeInputs({ ...alice, inviteMode }));
    expect(outs).toMatchObject({ inviteMode, status });
    if (inviteMode === "TEMPORARY_PASSWORD") expect(outs.temporaryPassword).toEqual(expect.any(String));
    else expect(outs).not.toHaveProperty("temporaryPassword");
  });

  it("an ANNOTATOR is no developer unless asked", async () => {
    const { outs } = await h.provider.create(arizeInputs({ ...alice, role: "ANNOTATOR" }));
    expect(apiRequests()[0]?.body).toMatchObject({ is_developer: false });
    expect(outs.isDeveloper).toBe(false);
  });

  it("refuses an existing invitation (answered 200) with an error naming adoptExisting, and changes nothing", async () => {
    h.emulator.seedUser({ email: "alice@example.com", name: "Someone" });
    const error = (await h.provider.create(arizeInputs(alice)).catch((e: Error) => e)) as Error & { code?: string };
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("Arize user alice@example.com already exists (POST /v2/users answered 200)");
    expect(error.message).toContain("set adoptExisting: true");
    expect(h.emulator.users()).toHaveLength(1);
    expect(h.emulator.users()[0]?.name).toBe("Someone");
  });

  it("refuses an active user (answered 409) with an error naming adoptExisting", async () => {
    h.emulator.seedUser({ email: "alice@example.com", name: "Someone" }, { status: "ACTIVE" });
    const error = (await h.provider.create(arizeInputs(alice)).catch((e: Error) => e)) as Error;
    expect(error.message).toContain("already exists (POST /v2/users answered 409)");
    expect(error.message).toContain("adoptExisting");
  });

  it("adopts an existing invitation with adoptExisting by looking it up first (no create), converging name and isDeveloper with one PATCH", async () => {
    const seeded = h.emulator.seedUser({ email: "alice@example.com", name: "Someone", is_developer: false });
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, email: "ALICE@example.com", adoptExisting: true }));
    expect(id).toBe(seeded.id);
    expect(outs).toMatchObject({ name: "Alice", isDeveloper: true, adoptExisting: true, status: "INVITED" });
    expect(calls()).toEqual(["GET /v2/users?limit=100&email=ALICE%40example.com 200", `PATCH /v2/users/${encodeURIComponent(seeded.id)} 200`]);
    expect(apiRequests()[1]?.body).toEqual({ name: "Alice", is_developer: true });
  });

  it("adopts an active user found by an email filter and an exact case-insensitive match, with no create", async () => {
    h.emulator.seedUser({ email: "xalice@example.com", name: "Not her" }, { status: "ACTIVE" });
    const seeded = h.emulator.seedUser({ email: "Alice@Example.com", name: "Alice" }, { status: "ACTIVE" });
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, adoptExisting: true }));
    expect(id).toBe(seeded.id);
    expect(outs.status).toBe("ACTIVE");
    expect(calls()).toEqual(["GET /v2/users?limit=100&email=alice%40example.com 200"]);
  });

  it("refuses to adopt a user whose role differs, since a role cannot change through the API", async () => {
    h.emulator.seedUser({ email: "alice@example.com", name: "Alice", role: "ADMIN" }, { status: "ACTIVE" });
    const error = (await h.provider.create(arizeInputs({ ...alice, adoptExisting: true })).catch((e: Error) => e)) as Error;
    expect(error.message).toContain("its role is ADMIN, not MEMBER");
    expect(error.message).toContain('set role: "ADMIN"');
    expect(apiRequests().filter((r) => r.method === "PATCH")).toEqual([]);
  });

  it("says a deleted user's email can never be invited again", async () => {
    const gone = h.emulator.seedUser({ email: "alice@example.com", name: "Alice" });
    h.emulator.deleteUser(gone.id);
    const error = (await h.provider.create(arizeInputs({ ...alice, adoptExisting: true })).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^the email alice@example.com belonged to an Arize user that was deleted, and can never be invited again/);
    expect(error.message).toContain("hint: use another email address");
    expect(h.emulator.users()).toEqual([]);
  });

  it("re-invites an expired user (201) as ours", async () => {
    const old = h.emulator.seedUser({ email: "alice@example.com", name: "Old" }, { status: "EXPIRED" });
    const { id, outs } = await h.provider.create(arizeInputs(alice));
    expect(id).toBe(old.id);
    expect(outs).toMatchObject({ name: "Alice", status: "INVITED" });
  });
});

describe("read", () => {
  it("returns the server's view, status as it moved on its own, and the inputs a refresh carries", async () => {
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, inviteMode: "TEMPORARY_PASSWORD" }));
    h.emulator.setStatus(id, "ACTIVE");
    h.emulator.setRole(id, "ADMIN");
    const read = await h.provider.read(id, outs);
    expect(read.props).toMatchObject({ status: "ACTIVE", role: "ADMIN", inviteMode: "TEMPORARY_PASSWORD", temporaryPassword: outs.temporaryPassword });
    expect(read.inputs).toMatchObject({ email: "alice@example.com", name: "Alice", role: "ADMIN", inviteMode: "TEMPORARY_PASSWORD" });
    expect(read.inputs).not.toHaveProperty("status");
    expect(read.inputs).not.toHaveProperty("temporaryPassword");
  });

  it("a 404 means gone, with a warning", async () => {
    expect(await h.provider.read("VXNlcjo5OTk=", {})).toEqual({});
    expect(h.logs.some((l) => l.level === "warn" && l.message.includes("VXNlcjo5OTk= no longer exists"))).toBe(true);
  });
});

describe("update", () => {
  it("PATCHes only what changed, and only reads when only kept settings change", async () => {
    const { id, outs } = await h.provider.create(arizeInputs(alice));
    h.emulator.requests.length = 0;
    const { outs: renamed } = await h.provider.update(id, outs, arizeInputs({ ...alice, name: "Alice B." }));
    expect(renamed.name).toBe("Alice B.");
    expect(apiRequests().map((r) => r.body)).toEqual([{ name: "Alice B." }]);
    h.emulator.requests.length = 0;
    const { outs: kept } = await h.provider.update(id, renamed, arizeInputs({ ...alice, name: "Alice B.", onDelete: "retain" }));
    expect(kept).toMatchObject({ onDelete: "retain", userId: id });
    expect(calls()).toEqual([`GET /v2/users/${encodeURIComponent(id)} 200`]);
  });

  it("a changed trigger calls its endpoint; setting it the first time does not", async () => {
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, resendInvitationTrigger: "1" }));
    h.emulator.requests.length = 0;
    const { outs: resent } = await h.provider.update(id, outs, arizeInputs({ ...alice, resendInvitationTrigger: "2", passwordResetTrigger: "a" }));
    const path = `/v2/users/${encodeURIComponent(id)}`;
    // The status first (an EXPIRED invitation is renewed instead), then the user as it is now.
    expect(calls()).toEqual([`GET ${path} 200`, `POST ${path}/resend-invitation 204`, `GET ${path} 200`]);
    h.emulator.setStatus(id, "ACTIVE");
    h.emulator.requests.length = 0;
    await h.provider.update(id, resent, arizeInputs({ ...alice, resendInvitationTrigger: "2", passwordResetTrigger: "b" }));
    expect(calls()).toEqual([`POST ${path}/reset-password 204`, `GET ${path} 200`]);
  });

  it("a changed resendInvitationTrigger on an EXPIRED user renews the invitation by creating it again (201), never by a delete", async () => {
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, resendInvitationTrigger: "1" }));
    h.emulator.setStatus(id, "EXPIRED");
    h.emulator.requests.length = 0;
    const { outs: renewed } = await h.provider.update(id, outs, arizeInputs({ ...alice, name: "Alice B.", resendInvitationTrigger: "2" }));
    const path = `/v2/users/${encodeURIComponent(id)}`;
    expect(calls()).toEqual([`PATCH ${path} 200`, `GET ${path} 200`, "POST /v2/users 201", `GET ${path} 200`]);
    expect(apiRequests()[2]?.body).toEqual({ name: "Alice B.", email: "alice@example.com", role: { type: "PREDEFINED", name: "MEMBER" }, invite_mode: "EMAIL_LINK", is_developer: true });
    expect(apiRequests().some((r) => r.method === "DELETE" || r.path.endsWith("/resend-invitation"))).toBe(false);
    // The id follows the user the API answered with; the outputs are the server's.
    expect(renewed).toMatchObject({ userId: h.emulator.userByEmail("alice@example.com")!.id, status: "INVITED", name: "Alice B.", resendInvitationTrigger: "2" });
    expect(h.emulator.user(id)?.status).toBe("INVITED");
  });

  it("a renewed TEMPORARY_PASSWORD invitation keeps the new password as the secret output", async () => {
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, inviteMode: "TEMPORARY_PASSWORD", resendInvitationTrigger: "1" }));
    h.emulator.setStatus(id, "EXPIRED");
    const { outs: renewed } = await h.provider.update(id, outs, arizeInputs({ ...alice, inviteMode: "TEMPORARY_PASSWORD", resendInvitationTrigger: "2" }));
    expect(renewed.temporaryPassword).toEqual(expect.any(String));
    expect(renewed.temporaryPassword).not.toBe(outs.temporaryPassword);
  });

  it("a changed resendInvitationTrigger on an ACTIVE user gets the API's 400 with its reason", async () => {
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, resendInvitationTrigger: "1" }));
    h.emulator.setStatus(id, "ACTIVE");
    await expect(h.provider.update(id, outs, arizeInputs({ ...alice, resendInvitationTrigger: "2" }))).rejects.toThrow(/400: POST \/v2\/users\/\S+\/resend-invitation — Bad Request; The user is already verified/);
  });

  it("a non-admin key setting isDeveloper gets the API's 403 with the hint", async () => {
    const { id, outs } = await h.provider.create(arizeInputs(alice));
    h.configure({ "arize:apiKey": h.emulator.memberApiKey });
    try {
      const error = (await h.provider.update(id, outs, arizeInputs({ ...alice, isDeveloper: false })).catch((e: Error) => e)) as Error & { code?: string };
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toMatch(/403: PATCH \/v2\/users\/\S+ — Forbidden; Only account admins can change is_developer/);
      expect(error.message).toContain("setting isDeveloper needs an admin key");
    } finally {
      h.configure({});
    }
  });

  it("refuses a role that differs from state instead of sending anything", async () => {
    const { id, outs } = await h.provider.create(arizeInputs(alice));
    h.emulator.requests.length = 0;
    await expect(h.provider.update(id, outs, { ...arizeInputs(alice), role: "ADMIN" })).rejects.toThrow(/a role cannot change through the API/);
    expect(apiRequests()).toEqual([]);
  });
});

describe("delete", () => {
  it("DELETEs the user; a repeated delete is done; the email is burnt afterwards", async () => {
    const { id, outs } = await h.provider.create(arizeInputs(alice));
    await h.provider.delete(id, outs);
    await h.provider.delete(id, outs);
    expect(h.emulator.users()).toEqual([]);
    expect(h.emulator.requests.filter((r) => r.method === "DELETE").map((r) => r.status)).toEqual([204, 204]);
    await expect(h.provider.create(arizeInputs(alice))).rejects.toThrow(/can never be invited again/);
  });

  it("an unknown id is already done (404)", async () => {
    await h.provider.delete("VXNlcjo5OTk=", {});
    expect(calls()).toEqual(["DELETE /v2/users/VXNlcjo5OTk%3D 404"]);
  });

  it("onDelete retain sends nothing", async () => {
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, onDelete: "retain" }));
    h.emulator.requests.length = 0;
    await h.provider.delete(id, outs);
    expect(apiRequests()).toEqual([]);
    expect(h.emulator.user(id)).toBeDefined();
  });
});

describe("secrets", () => {
  it("the temporary password and the API key appear in no log and no error", async () => {
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, inviteMode: "TEMPORARY_PASSWORD" }));
    const password = outs.temporaryPassword as string;
    h.emulator.inject({ kind: "status", status: 503, times: 20 });
    h.configure({ "arize:maxRetries": "1" });
    const errors: string[] = [];
    try {
      for (const work of [() => h.provider.read(id, outs), () => h.provider.update(id, outs, arizeInputs({ ...alice, name: "X", inviteMode: "TEMPORARY_PASSWORD" })), () => h.provider.delete(id, outs)]) {
        errors.push(String(await work().catch((e: Error) => `${e.message}\n${e.stack}\n${JSON.stringify(e)}`)));
      }
    } finally {
      h.configure({});
    }
    expect(errors.every((e) => /503/.test(e))).toBe(true);
    const text = [...errors, ...h.logs.map((l) => l.message)].join("\n");
    expect(text).not.toContain(password);
    expect(text).not.toContain(h.emulator.apiKey);
  });
});

describe("paging", () => {
  it("a refresh burst is served from cursor pages of 100 instead of one GET each", async () => {
    const created = [];
    for (let i = 0; i < 150; i++) created.push(await h.provider.create(arizeInputs({ email: `u${i}@example.com`, name: `U ${i}` })));
    h.emulator.requests.length = 0;
    const reads = await Promise.all(created.map(({ id, outs }) => h.provider.read(id, outs)));
    expect(reads.map((r) => r.id)).toEqual(created.map((c) => c.id));
    const gets = apiRequests().filter((r) => r.method === "GET");
    const pages = gets.filter((r) => r.path === "/v2/users");
    expect(pages.map((r) => r.query.limit)).toEqual(pages.map(() => "100"));
    expect(pages.length).toBe(2);
    expect(pages[1]?.query.cursor).toEqual(expect.any(String));
    expect(gets.length).toBeLessThan(20);
  });
});

/** The user a GET /v2/users/{id} answers now, in the output names (the fields a GET returns). */
async function fresh(id: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${h.emulator.url}/v2/users/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${h.emulator.apiKey}` } });
  const u = (await res.json()) as { id: string; email: string; name: string; role: { name: string }; is_developer: boolean; status: string; created_at: string };
  return { email: u.email, name: u.name, role: u.role.name, isDeveloper: u.is_developer, userId: u.id, status: u.status, createdAt: u.created_at };
}

describe("outputs are what a GET says after every operation", () => {
  it("create, update (a field, a trigger, only kept settings) and read each return the server's user as it is now", async () => {
    const { id, outs: created } = await h.provider.create(arizeInputs({ ...alice, inviteMode: "TEMPORARY_PASSWORD", resendInvitationTrigger: "1", passwordResetTrigger: "a" }));
    expect(created).toMatchObject(await fresh(id));
    // The person accepted the invitation: the status moved on its own since the create.
    h.emulator.setStatus(id, "ACTIVE");
    const { outs: reset } = await h.provider.update(id, created, arizeInputs({ ...alice, inviteMode: "TEMPORARY_PASSWORD", resendInvitationTrigger: "1", passwordResetTrigger: "b" }));
    expect(reset.status).toBe("ACTIVE");
    expect(reset).toMatchObject(await fresh(id));
    h.emulator.patchUser(id, { name: "Renamed in the console" });
    const { outs: kept } = await h.provider.update(id, reset, arizeInputs({ ...alice, name: "Renamed in the console", inviteMode: "TEMPORARY_PASSWORD", resendInvitationTrigger: "1", passwordResetTrigger: "b", onDelete: "retain" }));
    expect(kept).toMatchObject(await fresh(id));
    const { outs: renamed } = await h.provider.update(id, kept, arizeInputs({ ...alice, name: "Alice C.", inviteMode: "TEMPORARY_PASSWORD", resendInvitationTrigger: "1", passwordResetTrigger: "b", onDelete: "retain" }));
    expect(renamed).toMatchObject(await fresh(id));
    h.emulator.setStatus(id, "EXPIRED");
    const { props } = await h.provider.read(id, renamed);
    expect(props).toMatchObject(await fresh(id));
  });
});
