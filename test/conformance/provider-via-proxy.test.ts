/**
 * Conformance, part 1: provider → Prism (proxy, --errors) → emulator. Prism judges every request
 * the provider sends and every answer the emulator gives against the official spec; after each
 * test, Prism's verdicts (from its responses, and from its log as a backstop) must be empty.
 * A second Prism with request validation off lets bodies the spec forbids reach the emulator, so
 * that the emulator's 400s are judged too.
 */
import fc from "fast-check";
import { checkUser } from "../../provider/vectara/users/logic";
import { agentRoleNames, apiRoleNames, corpusRoleNames } from "../../provider/vectara/users/schema";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { AGENT_ROLE_NAMES, API_ROLES, CORPUS_ROLE_NAMES } from "../../emulator/vectara/users-spec";
import * as httpIo from "../../emulator/core/http-io";
import { UserStore } from "../../emulator/vectara/users-store";
import { judgedProvider, RawClient, type Answer, type ProviderUnderTest } from "./clients";
import { describeViolation, Judge } from "./judge";
import { startPrisms, type Prism } from "./prism";
import { problems, specAjv, type ValidateFunction } from "./schema-check";
import { componentSchema } from "./spec-file";

let emulator: VectaraEmulator;
/** Judges requests and responses; refuses requests that break the spec (422) without forwarding them. */
let prism: Prism;
/** Judges responses only, so that requests that break the spec reach the emulator. */
let lenient: Prism;
const judge = new Judge();
let user: ProviderUnderTest;
let raw: RawClient;
let rawLenient: RawClient;
let logFrom: [number, number] = [0, 0];

beforeAll(async () => {
  emulator = await VectaraEmulator.start();
  [prism, lenient] = (await startPrisms(
    { mode: "proxy", upstream: emulator.url },
    { mode: "proxy", upstream: emulator.url, validateRequest: false },
  )) as [Prism, Prism];
  user = judgedProvider(judge, { "vectara:apiUrl": prism.url, "vectara:apiKey": emulator.apiKey });
  raw = new RawClient(prism.url, judge, emulator.apiKey);
  rawLenient = new RawClient(lenient.url, judge, emulator.apiKey);
  logFrom = [prism.lines.length, lenient.lines.length];
});

afterAll(async () => {
  await Promise.all([user?.close(), raw?.close(), rawLenient?.close()]);
  await Promise.all([prism?.stop(), lenient?.stop()]);
  await emulator?.close();
});

beforeEach(() => emulator.reset());

/** Everything Prism said since the last call: per exchange, and in its log. */
async function verdicts(): Promise<{ judged: string[]; prismLog: string[] }> {
  await Promise.all([prism.flush(emulator.apiKey), lenient.flush(emulator.apiKey)]);
  const prismLog = [...prism.violationLines(logFrom[0]), ...lenient.violationLines(logFrom[1])];
  logFrom = [prism.lines.length, lenient.lines.length];
  return { judged: judge.take(), prismLog };
}

afterEach(async () => {
  // Zero violations; otherwise each line names the operation, the request, and the field.
  expect(await verdicts()).toEqual({ judged: [], prismLog: [] });
});

const inputsOf = (news: Record<string, unknown>) => {
  const { inputs, failures } = checkUser(news);
  if (failures.length) throw new Error(JSON.stringify(failures));
  return inputs;
};
/** Operations and statuses judged from now on, e.g. ["createUser 201"]. */
const track = () => {
  const from = judge.exchanges.length;
  return () => judge.operations(from).filter((op) => !op.startsWith("POST /oauth2/token"));
};
const usersRequests = () => emulator.requests.filter((r) => r.path.startsWith("/v2/users") && !r.path.includes("/prism-log-flush-"));
const at = (username: string) => `/v2/users/${encodeURIComponent(username)}`;

describe("the provider's lifecycle", () => {
  it("creates a user with every input: POST 201, then PATCH 200 for what a create cannot say", async () => {
    const ops = track();
    const inputs = inputsOf({
      email: "every.input+tag@example.com",
      username: "every-input",
      description: "Every input set",
      enabled: false,
      apiRoles: [...apiRoleNames],
      corpusRoles: corpusRoleNames.map((role, i) => ({ corpusKey: `corpus_${i}`, role })),
      agentRoles: agentRoleNames.map((role, i) => ({ agentKey: `agent-${i}`, role })),
      adoptExisting: false,
      onDelete: "disable",
    });
    const { id, outs } = await user.provider.create(inputs);
    expect(ops()).toEqual(["createUser 201", "updateUser 200"]);
    expect(id).toBe("every-input");
    expect(outs).toMatchObject({
      username: "every-input", email: "every.input+tag@example.com", description: "Every input set", enabled: false,
      apiRoles: [...apiRoleNames].sort(), corpusRoles: inputs.corpusRoles, agentRoles: inputs.agentRoles, onDelete: "disable",
    });
    expect(outs.vectaraId).toMatch(/^usr_/);
  });

  it("reads the server's view (GET 200), and a user deleted outside Pulumi as gone (GET 404)", async () => {
    const { id, outs } = await user.provider.create(inputsOf({ email: "read@example.com" }));
    emulator.patchUser("read@example.com", { api_roles: ["viewer"], description: "edited in the console" });
    const ops = track();
    expect((await user.provider.read(id, outs)).props).toMatchObject({ apiRoles: ["viewer"], description: "edited in the console" });
    emulator.deleteUser("read@example.com");
    expect(await user.provider.read(id, outs)).toEqual({});
    expect(ops()).toEqual(["getUser 200", "getUser 404"]);
  });

  const base = {
    email: "update@example.com", description: "before", apiRoles: ["viewer"],
    corpusRoles: [{ corpusKey: "docs", role: "viewer" }], agentRoles: [{ agentKey: "bot", role: "agent_viewer" }],
  };
  it.each<[string, (b: typeof base) => Record<string, unknown>, string]>([
    ["enabled", (b) => ({ ...b, enabled: false }), "enabled"],
    ["description", (b) => ({ ...b, description: "after" }), "description"],
    ["description, cleared", ({ description: _, ...b }) => b, "description"],
    ["apiRoles", (b) => ({ ...b, apiRoles: ["corpus_viewer", "pipeline_viewer"] }), "api_roles"],
    ["corpusRoles", (b) => ({ ...b, corpusRoles: [{ corpusKey: "docs", role: "editor" }, { corpusKey: "faq", role: "owner" }] }), "corpus_roles"],
    ["agentRoles", (b) => ({ ...b, agentRoles: [] }), "agent_roles"],
  ])("updates %s alone with one PATCH (200) of that field", async (_, change, field) => {
    const { id, outs } = await user.provider.create(inputsOf(base));
    const ops = track();
    await user.provider.update(id, outs, inputsOf(change(base)));
    expect(ops()).toEqual(["updateUser 200"]);
    expect(Object.keys(usersRequests().at(-1)?.body as object)).toEqual([field]);
  });

  it("deletes (DELETE 204), counts a user already gone as deleted (DELETE 404), and disables with onDelete: disable (PATCH 200)", async () => {
    const { id, outs } = await user.provider.create(inputsOf({ email: "delete@example.com" }));
    const kept = await user.provider.create(inputsOf({ email: "disable@example.com", onDelete: "disable" }));
    const ops = track();
    await user.provider.delete(id, outs);
    await user.provider.delete(id, outs);
    await user.provider.delete(kept.id, kept.outs);
    expect(ops()).toEqual(["deleteUser 204", "deleteUser 404", "updateUser 200"]);
    expect(emulator.user("disable@example.com")?.enabled).toBe(false);
  });

  it("adopts an existing user by looking it up first: GET 200 and PATCH 200, no create", async () => {
    emulator.seedUser({ email: "adopt@example.com", api_roles: ["owner"] });
    const ops = track();
    const { outs } = await user.provider.create(inputsOf({ email: "adopt@example.com", apiRoles: ["viewer"], adoptExisting: true }));
    expect(outs.apiRoles).toEqual(["viewer"]);
    expect(ops()).toEqual(["getUser 200", "updateUser 200"]);
  });

  it("refuses to take over an existing user without adoptExisting", async () => {
    emulator.seedUser({ email: "taken@example.com" });
    const ops = track();
    await expect(user.provider.create(inputsOf({ email: "taken@example.com" }))).rejects.toThrow(/already exists.*adoptExisting/s);
    expect(ops()).toEqual(["createUser 400", "getUser 200"]);
  });

  it("finds the holder of a taken email with the spec's requests: createUser 400, getUser 404, listUsers 200", async () => {
    emulator.seedUser({ email: "held@example.com", username: "holder" });
    const ops = track();
    await expect(user.provider.create(inputsOf({ email: "held@example.com" }))).rejects.toThrow(/belongs to the existing user holder/);
    expect(ops()).toEqual(["createUser 400", "getUser 404", "listUsers 200"]);
  });

  it("authenticates with OAuth bearer tokens, which the spec's OAuth2 scheme accepts", async () => {
    const oauth = judgedProvider(judge, {
      "vectara:apiUrl": prism.url, "vectara:clientId": emulator.clientId, "vectara:clientSecret": emulator.clientSecret,
      // The token endpoint is another server (auth.vectara.io), outside the users API and this spec's paths.
      "vectara:authUrl": emulator.tokenUrl,
    });
    try {
      const ops = track();
      const { id, outs } = await oauth.provider.create(inputsOf({ email: "oauth@example.com" }));
      await oauth.provider.read(id, outs);
      await oauth.provider.delete(id, outs);
      expect(ops()).toEqual(["createUser 201", "getUser 200", "deleteUser 204"]);
      expect(usersRequests().every((r) => r.headers.authorization?.startsWith("Bearer ") && !r.headers["x-api-key"])).toBe(true);
    } finally {
      await oauth.close();
    }
  });
});

describe("listing and reset_password, which the provider does not do yet", () => {
  beforeEach(() => {
    for (const key of ["docs", "faq"]) emulator.seedCorpus({ key });
    for (const [i, corpus] of ["docs", "", "docs", "faq", ""].entries()) {
      emulator.seedUser({ email: `list${i}@example.com`, corpus_roles: corpus ? [{ corpus_key: corpus, role: "viewer" }] : [] });
    }
  });

  it("pages with limit and page_key until metadata.page_key is absent (the provider's list call)", async () => {
    const ops = track();
    const seen: string[] = [];
    let pageKey: string | undefined;
    do {
      const page = (await user.api.list({ limit: 2, pageKey }));
      seen.push(...page.users.map((u) => u.email));
      pageKey = page.metadata?.page_key;
    } while (pageKey);
    expect(seen).toEqual(["list0@example.com", "list1@example.com", "list2@example.com", "list3@example.com", "list4@example.com"]);
    expect(ops()).toEqual(["listUsers 200", "listUsers 200", "listUsers 200"]);
  });

  it("filters by corpus_key, and lists with the defaults", async () => {
    expect((await user.api.list({ corpusKey: "docs", limit: 100 })).users.map((u) => u.email)).toEqual(["list0@example.com", "list2@example.com"]);
    const all = await raw.send("GET", "/v2/users");
    expect(all.status).toBe(200);
    expect(all.body.users).toHaveLength(5);
  });

  it("resets a password (POST 200 with the optional one_time_code fields)", async () => {
    const answer = await raw.send("POST", `${at("list1@example.com")}/reset_password`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(["one_time_code", "one_time_code_link"]);
  });
});

describe("error cases", () => {
  // Bodies the provider's check refuses, sent raw. `field` is where BadRequestError.field_errors puts the problem.
  const invalidBodies: [string, unknown, string | undefined][] = [
    ["a username longer than 128 characters", { email: "long@example.com", username: "u".repeat(129) }, "username"],
    ["an API role the spec does not list", { email: "role@example.com", api_roles: ["corpus_admin"] }, "api_roles"],
    ["no email", { username: "no-email" }, "email"],
    ["an email that is not one", { email: "not-an-email" }, "email"],
    ["a description longer than 255 characters", { email: "desc@example.com", description: "d".repeat(256) }, "description"],
    ["a corpus role without its role", { email: "corpus@example.com", corpus_roles: [{ corpus_key: "docs" }] }, "corpus_roles"],
    ["an array instead of an object", [], undefined],
  ];

  it.each(invalidBodies)("400: a create with %s is answered with a BadRequestError", async (_, body, field) => {
    const answer = await rawLenient.send("POST", "/v2/users", { body });
    expect(answer.status).toBe(400);
    if (field) expect(Object.keys(answer.body.field_errors)).toEqual([field]);
    expect(answer.body.messages.length).toBeGreaterThan(0);
    expect(emulator.users()).toEqual([]);
  });

  it.each(invalidBodies)("the same create with %s is refused by Prism itself, naming the field", async (_, body) => {
    const answer = await raw.send("POST", "/v2/users", { body });
    expect(answer.status).toBe(422);
    const { judged, prismLog } = await verdicts();
    expect(judged.length).toBeGreaterThan(0);
    for (const line of judged) expect(line).toMatch(/^createUser \(POST \/v2\/users\): request\.body\b/);
    expect(prismLog).toEqual([expect.stringMatching(/Request terminated with error: .*UNPROCESSABLE_ENTITY/)]);
    expect(usersRequests()).toEqual([]);
  });

  it.each<[string, object, string]>([
    ["no username and an email longer than 128 characters", { email: `${"e".repeat(120)}@example.com` }, "username"],
    ["an empty username", { email: "empty@example.com", username: "" }, "username"],
  ])("400: a create the spec allows but the emulator refuses (%s) is answered with a BadRequestError", async (_, body, field) => {
    const answer = await raw.send("POST", "/v2/users", { body });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.field_errors)).toEqual([field]);
  });

  it("403: a key without write access may read but not create, update, delete or reset (Error body)", async () => {
    emulator.seedUser({ email: "ro@example.com" });
    const readOnly = judgedProvider(judge, { "vectara:apiUrl": prism.url, "vectara:apiKey": emulator.readOnlyApiKey });
    try {
      const ops = track();
      const { props } = await readOnly.provider.read("ro@example.com", {});
      await expect(readOnly.provider.create(inputsOf({ email: "new@example.com" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(readOnly.provider.update("ro@example.com", props as never, inputsOf({ email: "ro@example.com", enabled: false }))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(readOnly.provider.delete("ro@example.com", props as never)).rejects.toMatchObject({ code: "FORBIDDEN" });
      const reset = await raw.send("POST", `${at("ro@example.com")}/reset_password`, { apiKey: emulator.readOnlyApiKey });
      expect(reset.status).toBe(403);
      expect(ops()).toEqual(["getUser 200", "createUser 403", "updateUser 403", "deleteUser 403", "resetUserPassword 403"]);
    } finally {
      await readOnly.close();
    }
  });

  it("404: an unknown user is answered with a NotFoundError naming it, on get, update, delete and reset", async () => {
    const ops = track();
    await expect(user.provider.update("nobody@example.com", { email: "nobody@example.com" } as never, inputsOf({ email: "nobody@example.com", enabled: false })))
      .rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const [method, suffix] of [["GET", ""], ["DELETE", ""], ["POST", "/reset_password"]] as const) {
      const answer = await raw.send(method, `${at("nobody@example.com")}${suffix}`);
      expect(answer.status).toBe(404);
      expect(answer.body.id).toBe("nobody@example.com");
    }
    expect(ops()).toEqual(["updateUser 404", "getUser 404", "deleteUser 404", "resetUserPassword 404"]);
  });
});

describe("answers the spec does not declare (each a choice in emulator/vectara/choices.ts)", () => {
  // Prism can only say "status not declared" (a Warning); the body is checked here against the spec's error schemas.
  const cases: { name: string; operation: string; send: () => Promise<Answer>; status: number; schema: "Error" | "BadRequestError" | "NotFoundError"; header?: string }[] = [
    { name: "401 for an unknown API key", operation: "getUser", send: () => raw.send("GET", at("x@example.com"), { apiKey: "zut_unknown" }), status: 401, schema: "Error", header: "www-authenticate" },
    {
      name: "429 when rate limited", operation: "getUser", status: 429, schema: "Error", header: "retry-after",
      send: () => {
        emulator.inject({ kind: "status", status: 429, retryAfter: "2" });
        return raw.send("GET", at("x@example.com"));
      },
    },
    {
      name: "503 from an injected fault", operation: "listUsers", status: 503, schema: "Error",
      send: () => {
        emulator.inject({ kind: "status", status: 503 });
        return raw.send("GET", "/v2/users");
      },
    },
    { name: "404 for a corpus_key that names no corpus", operation: "listUsers", send: () => raw.send("GET", "/v2/users?corpus_key=nowhere"), status: 404, schema: "NotFoundError" },
    { name: "400 for a page_key the emulator never issued", operation: "listUsers", send: () => raw.send("GET", "/v2/users?page_key=bm90LWEta2V5"), status: 400, schema: "BadRequestError" },
    { name: "400 for an update body that breaks the spec", operation: "updateUser", send: () => rawLenient.send("PATCH", at("x@example.com"), { body: { enabled: "yes" } }), status: 400, schema: "BadRequestError" },
    {
      name: "400 for a Request-Timeout header that breaks the spec", operation: "getUser", status: 400, schema: "BadRequestError",
      send: () => rawLenient.send("GET", at("x@example.com"), { headers: { "request-timeout": "0" } }),
    },
  ];

  it.each(cases)("$name: only the undeclared status is reported, and the body is the spec's $schema", async ({ operation, send, status, schema, header }) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    if (header) expect(answer.headers[header]).toBeTruthy();
    expect(problems(specAjv(false).compile(componentSchema(schema)), answer.body)).toEqual([]);
    const { judged, prismLog } = await verdicts();
    expect(judged).toEqual([expect.stringMatching(new RegExp(`^${operation} \\(.*\\): response — Unable to match the returned status code with those defined in the document: .* \\[Warning\\]$`))]);
    expect(prismLog).toEqual([expect.stringMatching(/Violation: response Unable to match the returned status code/)]);
  });
});

describe("generated data", () => {
  const text = (min: number, max: number) => fc.string({ unit: "grapheme", minLength: min, maxLength: max });
  const roles = {
    api_roles: fc.array(fc.constantFrom(...API_ROLES), { maxLength: 4 }),
    corpus_roles: fc.array(fc.record({ corpus_key: fc.string({ maxLength: 20 }), role: fc.constantFrom(...CORPUS_ROLE_NAMES) }), { maxLength: 3 }),
    agent_roles: fc.array(fc.record({ agent_key: fc.string({ maxLength: 20 }), role: fc.constantFrom(...AGENT_ROLE_NAMES) }), { maxLength: 3 }),
  };
  const valid = (schema: string) => {
    let validate: ValidateFunction | undefined;
    return (body: object) => problems((validate ??= specAjv(false).compile(componentSchema(schema))), body).length === 0;
  };
  // Bodies the spec allows (graphemes may hold several code points, hence the filter), minus the
  // emulator's documented refusals: an empty username, or a defaulted one over 128 characters.
  const create = fc.record({ email: fc.emailAddress(), username: text(1, 128), description: text(0, 255), ...roles }, { requiredKeys: ["email"] })
    .filter((b) => valid("CreateUserRequest")(b) && [...(b.username ?? b.email)].length <= 128);
  const update = fc.record({ enabled: fc.boolean(), description: text(0, 255), ...roles }, { requiredKeys: [] }).filter(valid("UpdateUserRequest"));

  it("every operation on 60 generated users: Prism finds nothing in either direction", async () => {
    /** Sends one request; a violation fails the run at once, so fast-check can shrink it. */
    const step = async (what: string, sent: Promise<Answer>) => {
      const { status } = await sent;
      const violations = judge.exchanges.at(-1)?.violations ?? [];
      if (violations.length) throw new Error(`${what}: ${violations.map(describeViolation).join("; ")}`);
      return status;
    };
    await fc.assert(
      fc.asyncProperty(create, update, async (body, patch) => {
        emulator.reset();
        const path = at(body.username ?? body.email);
        const statuses = [
          await step("create", raw.send("POST", "/v2/users", { body })),
          await step("get", raw.send("GET", path)),
          await step("update", raw.send("PATCH", path, { body: patch })),
          await step("list", raw.send("GET", "/v2/users?limit=1")),
          await step("reset_password", raw.send("POST", `${path}/reset_password`)),
          await step("delete", raw.send("DELETE", path)),
        ];
        expect(statuses).toEqual([201, 200, 200, 200, 200, 204]);
      }),
      { numRuns: 60, seed: 20260702 },
    );
  });
});

describe("the judge catches what breaks the spec", () => {
  it("a response body that breaks the spec: the exchange fails, and the verdict names the operation and each field", async () => {
    emulator.seedUser({ email: "broken@example.com" });
    // A temporary emulator fault: the next user it looks up comes back with an id and an email the spec forbids.
    const original = UserStore.prototype.get;
    const get = jest.spyOn(UserStore.prototype, "get").mockImplementationOnce(function (this: UserStore, username: string) {
      const found = original.call(this, username);
      return found && { ...found, id: "42", email: "not-an-email" };
    });
    try {
      await expect(user.provider.read("broken@example.com", {})).rejects.toMatchObject({ code: "SERVER_ERROR", status: 500 });
    } finally {
      get.mockRestore();
    }
    const { judged, prismLog } = await verdicts();
    expect(judged).toEqual([
      'getUser (GET /v2/users/broken%40example.com): response.body.id — Response body property id must match pattern "usr_.+" [Error]',
      'getUser (GET /v2/users/broken%40example.com): response.body.email — Response body property email must match format "email" [Error]',
    ]);
    // With --errors, Prism logs the replaced answer as a whole rather than each violation.
    expect(prismLog).toEqual([expect.stringMatching(/get \/v2\/users\/broken%40example\.com .*Request terminated with error: .*#VIOLATIONS/)]);
  });

  // Temporary emulator faults in how the reply to a create is written: its status, or its content type.
  it.each<[string, number, string, string]>([
    ["a success status the operation does not declare (200 for a create)", 200, "application/json",
      "createUser (POST /v2/users): response — Unable to match the returned status code with those defined in the document: 201,400,403 [Error]"],
    ["a content type the operation does not declare", 201, "text/plain",
      'createUser (POST /v2/users): response — The received media type "text/plain" does not match the one specified in the current response: application/json [Error]'],
  ])("a response with %s", async (_, status, contentType, expected) => {
    const write = jest.spyOn(httpIo, "writeReply").mockImplementationOnce((res, reply, requestId) => {
      const payload = JSON.stringify(reply.body);
      res.writeHead(status, { "x-request-id": requestId, "content-type": contentType, "content-length": Buffer.byteLength(payload) });
      res.end(payload);
    });
    try {
      expect((await raw.send("POST", "/v2/users", { body: { email: "fault@example.com" } })).status).toBe(500);
    } finally {
      write.mockRestore();
    }
    const { judged } = await verdicts();
    expect(judged).toContain(expected);
  });

  it.each<[string, string, string, Record<string, string>, unknown, RegExp]>([
    ["a method the path does not have", "PUT", at("x@example.com"), {}, { enabled: true }, /^PUT \/v2\/users\/x%40example\.com \(not in the spec\) \(PUT \S+\): request — Prism answered 405 itself/],
    ["a path the spec does not have", "GET", "/v2/userz", {}, undefined, /^GET \/v2\/userz \(not in the spec\) \(GET \/v2\/userz\): request — Prism answered 404 itself/],
    ["a header that breaks its schema", "GET", at("x@example.com"), { "request-timeout-millis": "0" }, undefined, /^getUser \(GET \S+\): request\.header\.request-timeout-millis — .*>= 1 \[Error\]$/],
    ["a content type the operation does not take", "POST", "/v2/users", { "content-type": "text/plain" }, "email=x@example.com", /^createUser \(POST \/v2\/users\): request — Supported content types: application\/json \[Error\]$/],
    ["no credentials", "GET", at("x@example.com"), { "x-api-key": "" }, undefined, /^getUser \(GET \S+\): request — Prism answered 401 itself: Invalid security scheme used/],
  ])("a request with %s is refused by Prism before the emulator sees it", async (_, method, path, headers, body, expected) => {
    const answer = await raw.send(method as "GET", path, { headers, body, ...(headers["x-api-key"] === "" && { apiKey: null }) });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    const { judged } = await verdicts();
    expect(judged).toEqual([expect.stringMatching(expected)]);
    expect(usersRequests()).toEqual([]);
  });

  it("a request body the provider's check would refuse: Prism refuses it before the emulator sees it, naming the field", async () => {
    const body = { email: "not-an-email", username: "bad-email", api_roles: [], corpus_roles: [], agent_roles: [] };
    await expect(user.api.create(body)).rejects.toMatchObject({ status: 422 });
    const { judged } = await verdicts();
    expect(judged).toEqual(['createUser (POST /v2/users): request.body.email — Request body property email must match format "email" [Error]']);
    expect(usersRequests()).toEqual([]);
  });
});
