import { vectara } from "../../provider/vectara/profile";
import { checkedInputs, providerSuite, startProvider, stopProvider } from "./service-setup";

const h = providerSuite("vectara", "VectaraUser");
beforeEach(() => h.emulator.reset());

const inputsOf = checkedInputs("vectara", "VectaraUser");
const apiRequests = () => h.emulator.requests.filter((r) => r.path.startsWith("/v2/"));

describe("create", () => {
  it("POSTs every input in the API's names and returns the server's view", async () => {
    const inputs = inputsOf({
      email: "alice@example.com", description: "Content manager", apiRoles: ["corpus_administrator"],
      corpusRoles: [{ corpusKey: "docs", role: "editor" }], agentRoles: [{ agentKey: "bot", role: "agent_user" }],
    });
    const { id, outs } = await h.provider.create(inputs);
    expect(id).toBe("alice@example.com");
    expect(outs).toMatchObject({
      username: "alice@example.com", email: "alice@example.com", enabled: true, description: "Content manager",
      apiRoles: ["corpus_administrator"], corpusRoles: [{ corpusKey: "docs", role: "editor" }], agentRoles: [{ agentKey: "bot", role: "agent_user" }],
      adoptExisting: false, onDelete: "delete",
    });
    expect(outs.vectaraId).toMatch(/^usr_/);
    expect(outs.apiPolicy).toEqual({
      name: "corpus_administrator",
      allowedOperations: expect.objectContaining({ createCorpus: { allowAnyResource: true }, getUser: { allowAnyResource: true } }),
    });
    expect(outs.apiPolicy?.allowedOperations).not.toHaveProperty("createUser");
    expect(apiRequests().map((r) => [r.method, r.path, r.status])).toEqual([["POST", "/v2/users", 201]]);
    expect(apiRequests()[0]?.body).toEqual({
      email: "alice@example.com", username: "alice@example.com", description: "Content manager", api_roles: ["corpus_administrator"],
      corpus_roles: [{ corpus_key: "docs", role: "editor" }], agent_roles: [{ agent_key: "bot", role: "agent_user" }],
    });
  });

  it("disables a user created with enabled: false, since a create cannot say it", async () => {
    const { outs } = await h.provider.create(inputsOf({ email: "off@example.com", enabled: false }));
    expect(outs.enabled).toBe(false);
    expect(h.emulator.user("off@example.com")?.enabled).toBe(false);
    expect(apiRequests().map((r) => r.method)).toEqual(["POST", "PATCH"]);
  });

  it("percent-encodes usernames holding + and @ as one path segment", async () => {
    await h.provider.create(inputsOf({ email: "a+tag@example.com", enabled: false }));
    expect(apiRequests()[1]?.rawPath).toBe("/v2/users/a%2Btag%40example.com");
  });

  it.each([400, 409] as const)("refuses an existing user (answered %i) with an error naming adoptExisting", async (duplicateStatus) => {
    const local = await startProvider("vectara", "VectaraUser", { duplicateStatus });
    try {
      local.emulator.seedUser({ email: "taken@example.com" });
      const error = await local.provider.create(inputsOf({ email: "taken@example.com" })).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain("taken@example.com already exists");
      expect(message).toContain(`POST /v2/users answered ${duplicateStatus}`);
      expect(message).toMatch(/request_id \S+/);
      expect(message).toContain("set adoptExisting: true");
      expect(local.emulator.users()).toHaveLength(1);
    } finally {
      await stopProvider(local);
      h.configure({});
    }
  });

  it.each([400, 409] as const)("names the user that holds the email and how to adopt it, with no write (answered %i)", async (duplicateStatus) => {
    const local = await startProvider("vectara", "VectaraUser", { duplicateStatus });
    try {
      for (let i = 0; i < 120; i++) local.emulator.seedUser({ email: `filler${i}@example.com` });
      local.emulator.seedUser({ email: "jdoe@example.com", username: "jdoe", api_roles: ["viewer"] });
      for (const adoptExisting of [false, true]) {
        local.emulator.requests.length = 0;
        const error = (await local.provider.create(inputsOf({ email: "JDoe@example.com", adoptExisting })).catch((e: Error) => e)) as Error & { code?: string };
        expect(error.code).toBe("CONFLICT");
        expect(error.message).toMatch(new RegExp(`^cannot create Vectara user JDoe@example.com: email JDoe@example.com belongs to the existing user jdoe \\(POST /v2/users answered ${duplicateStatus}\\)`));
        expect(error.message).toMatch(/request_id \S+/);
        expect(error.message).toContain('hint: to take that user over, declare it by its username: username: "jdoe" with adoptExisting: true');
        const writes = local.emulator.requests.filter((r) => r.method !== "GET");
        expect(writes.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`POST /v2/users ${duplicateStatus}`]);
      }
      expect(local.emulator.users()).toHaveLength(121);
      expect(local.emulator.user("jdoe")?.api_roles).toEqual(["viewer"]);

      const adopted = await local.provider.create(inputsOf({ email: "jdoe@example.com", username: "jdoe", apiRoles: ["viewer"], adoptExisting: true }));
      expect(adopted.id).toBe("jdoe");
    } finally {
      await stopProvider(local);
      h.configure({});
    }
  });

  it("does not search for an email's holder when the 400 is about another field", async () => {
    const inputs = { ...inputsOf({ email: "v2@example.com" }), username: "u".repeat(129) };
    await expect(h.provider.create(inputs)).rejects.toThrow(/hint: fix the inputs named above/);
    expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v2/users", `GET /v2/users/${"u".repeat(129)}`]);
  });

  it("adopts an existing user with adoptExisting and converges it to the inputs", async () => {
    h.emulator.seedUser({ email: "old@example.com", api_roles: ["owner"], description: "set by hand" });
    const { outs } = await h.provider.create(inputsOf({ email: "OLD@example.com", username: "old@example.com", apiRoles: ["viewer"], adoptExisting: true }));
    expect(outs).toMatchObject({ apiRoles: ["viewer"], adoptExisting: true });
    expect(outs).not.toHaveProperty("description");
    expect(h.emulator.user("old@example.com")?.api_roles).toEqual(["viewer"]);
    expect(h.emulator.users()).toHaveLength(1);
  });

  it("refuses to adopt a user whose email differs, since an email cannot change in place", async () => {
    h.emulator.seedUser({ email: "someone@example.com", username: "shared" });
    await expect(h.provider.create(inputsOf({ email: "me@example.com", username: "shared", adoptExisting: true }))).rejects.toThrow(/has email someone@example.com/);
  });

  it("reports a validation error with the API's field errors and request_id", async () => {
    // A username the provider's check would refuse, sent anyway, to see the API's own answer.
    const inputs = { ...inputsOf({ email: "v@example.com" }), username: "u".repeat(129) };
    await expect(h.provider.create(inputs)).rejects.toThrow(/400.*POST \/v2\/users.*username.*request_id/s);
  });
});

describe("read", () => {
  it("returns the server's view, keeping the provider-only settings from state", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "r@example.com", onDelete: "retain" }));
    h.emulator.patchUser("r@example.com", { api_roles: ["viewer"], description: "edited in the console" });
    const read = await h.provider.read(id, outs);
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ apiRoles: ["viewer"], description: "edited in the console", onDelete: "retain", apiPolicy: { name: "viewer" } });
  });

  it("reports a user deleted outside Pulumi as gone, with a warning", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "gone@example.com" }));
    h.emulator.deleteUser("gone@example.com");
    expect(await h.provider.read(id, outs)).toEqual({});
    expect(h.logs.some((l) => l.level === "warn" && l.message.includes("gone@example.com no longer exists"))).toBe(true);
  });
});

describe("update", () => {
  it("PATCHes only what changed", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "u@example.com", apiRoles: ["viewer"], description: "a" }));
    const news = inputsOf({ email: "u@example.com", apiRoles: ["viewer"], description: "b", enabled: false });
    const { outs: updated } = await h.provider.update(id, outs, news);
    expect(updated).toMatchObject({ description: "b", enabled: false, apiRoles: ["viewer"] });
    const patch = apiRequests().find((r) => r.method === "PATCH");
    expect(patch?.body).toEqual({ description: "b", enabled: false });
  });

  it("makes no request when only provider-only settings changed", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "p@example.com" }));
    const before = apiRequests().length;
    const { outs: updated } = await h.provider.update(id, outs, inputsOf({ email: "p@example.com", onDelete: "disable" }));
    expect(updated.onDelete).toBe("disable");
    expect(apiRequests()).toHaveLength(before);
  });
});

describe("delete", () => {
  it("DELETEs the user", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "d@example.com" }));
    await h.provider.delete(id, outs);
    expect(h.emulator.user("d@example.com")).toBeUndefined();
  });

  it("counts a user that is already gone as deleted", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "d2@example.com" }));
    h.emulator.deleteUser("d2@example.com");
    await expect(h.provider.delete(id, outs)).resolves.toBeUndefined();
  });

  it("disables instead with onDelete: disable", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "dis@example.com", onDelete: "disable" }));
    await h.provider.delete(id, outs);
    expect(h.emulator.user("dis@example.com")?.enabled).toBe(false);
  });

  it("leaves the user alone with onDelete: retain", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "keep@example.com", onDelete: "retain" }));
    const before = apiRequests().length;
    await h.provider.delete(id, outs);
    expect(apiRequests()).toHaveLength(before);
    expect(h.emulator.user("keep@example.com")?.enabled).toBe(true);
  });
});

describe("transport", () => {
  it("retries a 429 honouring Retry-After", async () => {
    h.emulator.inject({ kind: "status", status: 429, times: 1, retryAfter: "1", match: { method: "POST" } });
    const started = Date.now();
    await h.provider.create(inputsOf({ email: "rl@example.com" }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(apiRequests().map((r) => r.status)).toEqual([429, 201]);
    expect(h.logs.some((l) => l.level === "debug" && /POST \/v2\/users attempt 1 got 429; retrying in 1000 ms/.test(l.message))).toBe(true);
  });

  it("creates exactly one user when the create's answer is lost after the server committed", async () => {
    h.emulator.inject({ kind: "drop-after-commit", times: 1, match: { method: "POST" } });
    const { outs } = await h.provider.create(inputsOf({ email: "lost@example.com", apiRoles: ["viewer"] }));
    expect(outs.vectaraId).toMatch(/^usr_/);
    expect(h.emulator.users()).toHaveLength(1);
  });

  it("uses one OAuth token for many parallel operations", async () => {
    h.configure({ "vectara:apiKey": "", "vectara:clientId": h.emulator.clientId, "vectara:clientSecret": h.emulator.clientSecret, "vectara:authUrl": h.emulator.tokenUrl });
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => h.provider.create(inputsOf({ email: `o${i}@example.com` }))));
      expect(h.emulator.tokensIssued).toBe(1);
      expect(h.emulator.users()).toHaveLength(20);
      expect(apiRequests().every((r) => r.headers.authorization?.startsWith("Bearer ") && !r.headers["x-api-key"])).toBe(true);
    } finally {
      h.configure({});
    }
  });

  it("explains a rejected API key without printing it", async () => {
    h.configure({ "vectara:apiKey": "zut_wrong-key-123" });
    try {
      const error = (await h.provider.read("x@example.com", {}).catch((e: Error) => e)) as Error;
      expect(error.message).toMatch(/401: GET \/v2\/users\/x%40example.com/);
      expect(error.message).toContain("pulumi config set vectara:apiKey --secret");
      expect(error.message).not.toContain("zut_wrong-key-123");
    } finally {
      h.configure({});
    }
  });
});

describe("users management needs OAuth (emulator usersAuth: oauth)", () => {
  const local = providerSuite("vectara", "VectaraUser", { usersAuth: "oauth" }, {}, () => h.configure({}));
  const oauth = () => ({ "vectara:clientId": local.emulator.clientId, "vectara:clientSecret": local.emulator.clientSecret, "vectara:authUrl": local.emulator.tokenUrl });

  it("a 403 with an API key ends with a hint naming the OAuth client's keys, and no secret", async () => {
    local.configure({});
    const error = (await local.provider.create(inputsOf({ email: "k@example.com" })).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^Vectara API request failed with 403: POST \/v2\/users — User management operations require OAuth/);
    expect(error.message).toMatch(/request_id \S+/);
    expect(error.message).toMatch(/hint: Vectara's user management requires OAuth, not API keys .*: set vectara:clientId and vectara:clientSecret \(`pulumi config set vectara:clientSecret --secret`\) and unset vectara:apiKey \(`pulumi config rm vectara:apiKey`, and VECTARA_API_KEY\), which takes precedence$/);
    expect(error.message).not.toContain(local.emulator.apiKey);
    expect(local.emulator.users()).toEqual([]);
  });

  it("with both configured, the API key is used after a warning, and the hint says the OAuth client is set but unused", async () => {
    local.configure({ ...oauth() });
    local.logs.length = 0;
    const error = (await local.provider.read("k@example.com", {}).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/hint: .*vectara:clientId and vectara:clientSecret are set but unused: unset vectara:apiKey/);
    for (const text of [error.message, ...local.logs.map((l) => l.message)]) {
      expect(text).not.toContain(local.emulator.clientSecret);
      expect(text).not.toContain(local.emulator.apiKey);
    }
    expect(local.logs.filter((l) => l.level === "warn").map((l) => l.message)).toEqual([
      "Vectara: both vectara:apiKey and an OAuth client (vectara:clientId, vectara:clientSecret) are configured; the API key is used, as it takes precedence. Unset vectara:apiKey to use OAuth",
    ]);
    await local.provider.read("k@example.com", {}).catch(() => undefined);
    expect(local.logs.filter((l) => l.level === "warn")).toHaveLength(1);
  });

  it("the same create works with OAuth client credentials alone", async () => {
    local.configure({ "vectara:apiKey": "", ...oauth() });
    const { id, outs } = await local.provider.create(inputsOf({ email: "o@example.com", apiRoles: ["viewer"] }));
    expect(id).toBe("o@example.com");
    expect(outs.apiRoles).toEqual(["viewer"]);
    await local.provider.delete(id, outs);
    expect(local.emulator.users()).toEqual([]);
  });
});

describe("passwordResetTrigger", () => {
  const resets = () => apiRequests().filter((r) => r.path.endsWith("/reset_password")).length;

  it("resets the password only when the trigger changes, and keeps the one-time code as an output", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "pw@example.com", passwordResetTrigger: "2026-01" }));
    expect(resets()).toBe(0);
    expect(outs.oneTimeCode).toEqual(expect.any(String));

    const same = await h.provider.update(id, outs, inputsOf({ email: "pw@example.com", passwordResetTrigger: "2026-01", description: "x" }));
    expect(resets()).toBe(0);
    expect(same.outs.oneTimeCode).toBe(outs.oneTimeCode);

    const changed = await h.provider.update(id, same.outs, inputsOf({ email: "pw@example.com", passwordResetTrigger: "2026-02", description: "x" }));
    expect(resets()).toBe(1);
    expect(apiRequests().find((r) => r.path.endsWith("/reset_password"))?.rawPath).toBe("/v2/users/pw%40example.com/reset_password");
    expect(changed.outs).toMatchObject({ passwordResetTrigger: "2026-02", oneTimeCode: expect.any(String), oneTimeCodeLink: expect.any(String) });
    expect(changed.outs.oneTimeCode).not.toBe(outs.oneTimeCode);

    const read = await h.provider.read(id, changed.outs);
    expect(read.props).toMatchObject({ passwordResetTrigger: "2026-02", oneTimeCode: changed.outs.oneTimeCode });
  });

  it("does not reset when the trigger is set for the first time or removed", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ email: "pw2@example.com" }));
    const set = await h.provider.update(id, outs, inputsOf({ email: "pw2@example.com", passwordResetTrigger: "a" }));
    await h.provider.update(id, set.outs, inputsOf({ email: "pw2@example.com" }));
    expect(resets()).toBe(0);
  });
});

describe("shared connection", () => {
  it("keeps one client when each resource type configures it with the same stack config", () => {
    const before = vectara.client();
    h.configure({});
    expect(vectara.client()).toBe(before);
    h.configure({ "vectara:maxConcurrency": "3" });
    expect(vectara.client()).not.toBe(before);
    h.configure({});
  });
});
