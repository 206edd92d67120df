// ConnectUser's provider against the Connect emulator over HTTP: every lifecycle call, on a
// password server and on an LDAP server, with the errors a user meets.
import { checkedInputs, providerSuite } from "./service-setup";

const inputsOf = checkedInputs("connect", "ConnectUser");

const h = providerSuite("connect", "ConnectUser");
beforeEach(() => {
  h.emulator.reset();
  h.emulator.setSeats(undefined);
  h.logs.length = 0;
});

const apiRequests = () => h.emulator.requests.filter((r) => r.path.startsWith("/__api__/"));
const calls = () => apiRequests().map((r) => `${r.method} ${r.path} ${r.status}`);
const errorOf = async (p: Promise<unknown>) => (await p.then(() => undefined, (e: Error) => e)) as Error & { code?: string };

describe("create", () => {
  it("POSTs the inputs in the API's names with Authorization: Key, answers 200, and the id is the guid", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "alice", email: "alice@example.com", firstName: "Alice", lastName: "Liddell", userRole: "publisher", password: "wonderland" }));
    const user = h.emulator.userNamed("alice")!;
    expect(id).toBe(user.guid);
    expect(outs).toEqual({
      username: "alice", email: "alice@example.com", firstName: "Alice", lastName: "Liddell", userRole: "publisher", locked: false,
      guid: user.guid, confirmed: true, createdTime: user.created_time, updatedTime: user.updated_time, adoptExisting: false, onDelete: "lock", unsetInputs: ["externalId"],
    });
    expect(calls()).toEqual(["POST /__api__/v1/users 200"]);
    const [post] = apiRequests();
    expect(post!.headers.authorization).toBe(`Key ${h.emulator.apiKey}`);
    expect(post!.body).toEqual({ username: "alice", email: "alice@example.com", first_name: "Alice", last_name: "Liddell", user_role: "publisher", password: "wonderland" });
  });

  it("leaves the role to the server when unset, and shows the server's default in the outputs", async () => {
    const { outs } = await h.provider.create(inputsOf({ username: "bob" }));
    expect(apiRequests()[0]!.body).toEqual({ username: "bob" });
    expect(outs.userRole).toBe("viewer");
  });

  it("locks a user created with locked: true, since a create cannot say it, then reads it back", async () => {
    const { outs } = await h.provider.create(inputsOf({ username: "carol", locked: true }));
    expect(outs.locked).toBe(true);
    expect(h.emulator.userNamed("carol")!.locked).toBe(true);
    expect(calls().map((c) => c.replace(/[0-9a-f-]{36}/, "{guid}"))).toEqual(["POST /__api__/v1/users 200", "GET /__api__/v1/user 404", "POST /__api__/v1/users/{guid}/lock 200", "GET /__api__/v1/users/{guid} 200"]);
  });

  it("keeps a created user in state when converging it fails (a partial create, not an orphan)", async () => {
    h.emulator.inject({ kind: "status", status: 503, times: 10, match: { method: "POST", pathPrefix: "/__api__/v1/users/" } });
    const error = (await errorOf(h.provider.create({ ...inputsOf({ username: "cleo", locked: true }), __provider: "loader" }))) as Error & { id?: string; properties?: Record<string, unknown> };
    const user = h.emulator.userNamed("cleo")!;
    expect(error.message).toMatch(/^created Connect user cleo but could not apply its settings: .*503: POST \/__api__\/v1\/users\/[0-9a-f-]{36}\/lock/);
    expect(error.id).toBe(user.guid);
    expect(error.properties).toMatchObject({ username: "cleo", locked: false, guid: user.guid, __provider: "loader" });
  });

  it("refuses an existing username with an error naming adoptExisting, code 8 and its hint", async () => {
    h.emulator.seedUser({ username: "taken" });
    const error = await errorOf(h.provider.create(inputsOf({ username: "taken" })));
    expect(error.message).toContain("Connect user taken already exists (POST /__api__/v1/users answered 409)");
    expect(error.message).toContain("code 8; The requested username is already in use.");
    expect(error.message).toContain("set adoptExisting: true");
    expect(h.emulator.users()).toHaveLength(1);
  });

  it("adopts an existing user with adoptExisting and converges it with one PUT", async () => {
    const seeded = h.emulator.seedUser({ username: "dave", email: "dave@example.com", user_role: "viewer" });
    h.emulator.seedUser({ username: "dave2" }); // a prefix match that is not an exact one
    const { id, outs } = await h.provider.create(inputsOf({ username: "dave", userRole: "publisher", adoptExisting: true }));
    expect(id).toBe(seeded.guid);
    expect(outs).toMatchObject({ userRole: "publisher", adoptExisting: true, email: "dave@example.com" });
    const put = apiRequests().find((r) => r.method === "PUT");
    expect(put?.body).toEqual({ user_role: "publisher", email: "dave@example.com" });
    expect(h.emulator.users()).toHaveLength(2);
  });

  it("refuses a user beyond the licence's seats with code 64 and a hint about seats", async () => {
    h.emulator.setSeats(1);
    await h.provider.create(inputsOf({ username: "first" }));
    const error = await errorOf(h.provider.create(inputsOf({ username: "second" })));
    expect(error.message).toMatch(/400: POST \/__api__\/v1\/users — code 64; .*seat.*hint: the Connect licence has no seat left/);
  });

  it("keeps the password out of errors and logs, even when the server refuses it", async () => {
    const password = "short";
    const local = inputsOf({ username: "erin", password: "long enough" });
    const error = await errorOf(h.provider.create({ ...local, password }));
    expect(error.message).toMatch(/code 6/);
    for (const text of [error.message, String(error.stack), JSON.stringify(error), ...h.logs.map((l) => l.message)]) expect(text).not.toContain(password);
  });
});

describe("an LDAP server", () => {
  const ldap = providerSuite("connect", "ConnectUser", { authKind: "ldap" }, {}, () => h.configure({}));
  beforeEach(() => {
    ldap.configure({});
    ldap.emulator.reset();
  });

  it("imports the exact username from the directory after the POST is refused with code 120", async () => {
    ldap.emulator.addDirectoryUser({ username: "frank", email: "frank@corp.example.com", first_name: "Frank" });
    ldap.emulator.addDirectoryUser({ username: "franklin" });
    const { id, outs } = await ldap.provider.create(inputsOf({ username: "frank", userRole: "publisher" }));
    expect(outs).toMatchObject({ username: "frank", email: "frank@corp.example.com", firstName: "Frank", userRole: "publisher", guid: id });
    const seen = ldap.emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`.replace(/[0-9a-f-]{36}/, "{guid}"));
    expect(seen).toEqual([
      "POST /__api__/v1/users 400", "GET /__api__/v1/users/remote 200", "PUT /__api__/v1/users 200",
      "PUT /__api__/v1/users/{guid} 200", "GET /__api__/v1/users/{guid} 200",
    ]);
    expect(ldap.emulator.users().map((u) => u.username)).toEqual(["frank"]);
  });

  it("says the directory has no such user when the search finds no exact match", async () => {
    ldap.emulator.addDirectoryUser({ username: "Grace" });
    const error = await errorOf(ldap.provider.create(inputsOf({ username: "grace" })));
    expect(error.message).toMatch(/no user named grace in the Connect server's directory.*case-sensitive/);
  });

  it("refuses an imported username as taken, naming adoptExisting, and adopts it with the flag", async () => {
    ldap.emulator.addDirectoryUser({ username: "heidi" });
    const first = await ldap.provider.create(inputsOf({ username: "heidi" }));
    const error = await errorOf(ldap.provider.create(inputsOf({ username: "heidi" })));
    expect(error.message).toMatch(/Connect user heidi already exists.*set adoptExisting: true/s);
    expect((await ldap.provider.create(inputsOf({ username: "heidi", adoptExisting: true }))).id).toBe(first.id);
  });

  test.each([
    ["username", { username: "ivan2" }, "36", /refused to change username of user ivan: the authentication provider has already set the username/],
    ["email", { email: "other@example.com" }, "46", /refused to change email of user ivan: the authentication provider \(LDAP, SAML, OAuth2\) owns these fields/],
    ["lastName", { lastName: "Other" }, "46", /refused to change lastName of user ivan/],
  ])("a refused edit of %s (code %s) names the field and the reason", async (_field, change, code, message) => {
    ldap.emulator.addDirectoryUser({ username: "ivan", email: "ivan@example.com", last_name: "I" });
    const { id, outs } = await ldap.provider.create(inputsOf({ username: "ivan" }));
    const error = await errorOf(ldap.provider.update(id, outs, inputsOf({ username: "ivan", ...change })));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`code ${code}`);
    expect(error.message).toMatch(/hint: set \w+ to the server's value/);
  });
});

describe("read", () => {
  it("returns the server's view, keeping the provider-only settings from state", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "judy", onDelete: "retain" }));
    h.emulator.patchUser(id, { user_role: "administrator", first_name: "Judith" });
    expect((await h.provider.read(id, outs)).props).toMatchObject({ userRole: "administrator", firstName: "Judith", onDelete: "retain" });
  });

  it("reads a user from its guid alone, as ConnectUser.get does, with the default settings", async () => {
    const seeded = h.emulator.seedUser({ username: "kim", email: "kim@example.com", user_role: "publisher" });
    expect(await h.provider.read(seeded.guid, {})).toEqual({
      id: seeded.guid,
      props: { username: "kim", email: "kim@example.com", userRole: "publisher", locked: false, guid: seeded.guid, confirmed: true, createdTime: seeded.created_time, updatedTime: seeded.updated_time, adoptExisting: false, onDelete: "lock",
        unsetInputs: ["email", "firstName", "lastName", "userRole", "externalId"] },
    });
  });

  it("reports a user deleted on the server as gone, with a warning", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "ken" }));
    h.emulator.deleteUser(id);
    expect(await h.provider.read(id, outs)).toEqual({});
    expect(h.logs.some((l) => l.level === "warn" && l.message.includes("Connect user ken no longer exists"))).toBe(true);
  });
});

describe("update", () => {
  it("renames in place with one PUT of what changed (plus the email), then reads the user back", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "leo", email: "leo@example.com" }));
    h.emulator.requests.length = 0;
    const { outs: after } = await h.provider.update(id, outs, inputsOf({ username: "leonard", email: "leo@example.com" }));
    expect(after).toMatchObject({ username: "leonard", guid: id });
    expect(calls()).toEqual([`PUT /__api__/v1/users/${id} 200`, `GET /__api__/v1/users/${id} 200`]);
    expect(apiRequests()[0]!.body).toEqual({ username: "leonard", email: "leo@example.com" });
  });

  it("outputs come from the read after the PUT, so a change made meanwhile on the server shows", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "mia" }));
    h.emulator.patchUser(id, { first_name: "Changed elsewhere" });
    const { outs: after } = await h.provider.update(id, outs, inputsOf({ username: "mia", userRole: "publisher" }));
    expect(after).toMatchObject({ userRole: "publisher", firstName: "Changed elsewhere" });
  });

  it("locks and unlocks through the lock endpoint", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "ned" }));
    const { outs: locked } = await h.provider.update(id, outs, inputsOf({ username: "ned", locked: true }));
    expect(locked.locked).toBe(true);
    const { outs: unlocked } = await h.provider.update(id, locked, inputsOf({ username: "ned", locked: false }));
    expect(unlocked.locked).toBe(false);
    expect(apiRequests().filter((r) => r.path.endsWith("/lock")).map((r) => r.body)).toEqual([{ locked: true }, { locked: false }]);
  });

  it("unlocking beyond the licence's seats fails with code 64 and its hint", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "olga", locked: true }));
    await h.provider.create(inputsOf({ username: "pat" }));
    h.emulator.setSeats(1);
    const error = await errorOf(h.provider.update(id, outs, inputsOf({ username: "olga" })));
    expect(error.message).toMatch(/code 64.*hint: the Connect licence has no seat left/);
  });

  it("demoting the last administrator fails with code 61 and its hint", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "root", userRole: "administrator" }));
    const error = await errorOf(h.provider.update(id, outs, inputsOf({ username: "root", userRole: "viewer" })));
    expect(error.message).toMatch(/code 61.*hint: Connect keeps at least one administrator/);
  });

  it("a publisher's key assigning a role fails with code 23 and its hint", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "quinn" }));
    h.configure({ "connect:apiKey": h.emulator.publisherApiKey });
    try {
      const error = await errorOf(h.provider.update(id, outs, inputsOf({ username: "quinn", userRole: "administrator" })));
      expect(error.message).toMatch(/403: PUT .* — code 23; .*hint: the API key's user may not assign this role/);
    } finally {
      h.configure({});
    }
  });

  it("a field the server made immutable (code 53) is named in the error", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "rita", email: "rita@example.com" }));
    h.emulator.makeImmutable("email");
    const error = await errorOf(h.provider.update(id, outs, inputsOf({ username: "rita", email: "r@example.com" })));
    expect(error.message).toMatch(/refused to change email of user rita: Connect does not allow this field to change.*code 53/);
  });

  it("only reads the user back when only provider-only settings changed", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "sam" }));
    h.emulator.requests.length = 0;
    const { outs: after } = await h.provider.update(id, outs, inputsOf({ username: "sam", onDelete: "retain", adoptExisting: true }));
    expect(after).toEqual({ ...outs, onDelete: "retain", adoptExisting: true });
    expect(calls()).toEqual([`GET /__api__/v1/users/${id} 200`]);
  });
});

describe("delete", () => {
  it("locks the user by default; a user already locked or gone counts as done", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "tom" }));
    await h.provider.delete(id, outs);
    expect(h.emulator.user(id)?.locked).toBe(true);
    await h.provider.delete(id, outs);
    h.emulator.deleteUser(id);
    await h.provider.delete(id, outs);
    expect(calls().filter((c) => c.includes("/lock"))).toEqual([`POST /__api__/v1/users/${id}/lock 200`, `POST /__api__/v1/users/${id}/lock 200`, `POST /__api__/v1/users/${id}/lock 404`]);
  });

  it("retains the user with onDelete: retain, without a request", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "uma", onDelete: "retain" }));
    h.emulator.requests.length = 0;
    await h.provider.delete(id, outs);
    expect(h.emulator.user(id)?.locked).toBe(false);
    expect(apiRequests()).toEqual([]);
  });
});

/** The user a GET /v1/users/{guid} answers now, in the output names (the fields a GET returns). */
async function gotten(guid: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${h.emulator.serverUrl}/__api__/v1/users/${guid}`, { headers: { authorization: `Key ${h.emulator.apiKey}` } });
  const u = (await res.json()) as Record<string, unknown>;
  const out: Record<string, unknown> = { username: u.username, userRole: u.user_role, locked: u.locked, guid: u.guid, confirmed: u.confirmed, createdTime: u.created_time, updatedTime: u.updated_time };
  for (const [k, v] of [["email", u.email], ["firstName", u.first_name], ["lastName", u.last_name], ["externalId", u.external_id], ["activeTime", u.active_time]] as const) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

describe("outputs are what a GET says after every operation", () => {
  it("create, update (a field, a lock, only kept settings after an out-of-band edit) and read", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "gil", email: "gil@example.com", externalId: "ext-1" }));
    expect(outs).toMatchObject(await gotten(id));
    const { outs: renamed } = await h.provider.update(id, outs, inputsOf({ username: "gil", email: "gil@example.com", firstName: "Gil", locked: true }));
    expect(renamed).toMatchObject(await gotten(id));
    // Someone changes the user on the dashboard; the next update only changes a kept setting.
    h.emulator.patchUser(id, { last_name: "Dashboard", user_role: "publisher" });
    const { outs: kept } = await h.provider.update(id, renamed, inputsOf({ username: "gil", email: "gil@example.com", firstName: "Gil", locked: true, onDelete: "retain" }));
    expect(kept).toMatchObject({ ...(await gotten(id)), lastName: "Dashboard", userRole: "publisher" });
    const { props } = await h.provider.read(id, kept);
    expect(props).toMatchObject(await gotten(id));
  });
});
