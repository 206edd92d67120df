/**
 * Conformance, part 4: the emulator takes exactly the request bodies the spec takes. Prism cannot
 * tell: createUser declares 400, so an emulator that refuses a body the spec allows (or stores one
 * it forbids) answers in a declared shape either way. Here each body is judged against
 * CreateUserRequest / UpdateUserRequest with the ajv and formats Prism uses, and sent to the
 * emulator directly; the two verdicts must agree. Spec-valid bodies the emulator refuses on
 * purpose (choices.ts: an empty username, a defaulted username over 128 characters, a taken one)
 * are kept out.
 */
import fc from "fast-check";
import { request } from "undici";
import { AGENT_ROLE_NAMES, API_ROLES, CORPUS_ROLE_NAMES } from "../../emulator/vectara/users-spec";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { problems, specAjv, type ValidateFunction } from "./schema-check";
import { componentSchema } from "./spec-file";

let emulator: VectaraEmulator;
let createRequest: ValidateFunction;
let updateRequest: ValidateFunction;

beforeAll(async () => {
  emulator = await VectaraEmulator.start();
  createRequest = specAjv(false).compile(componentSchema("CreateUserRequest"));
  updateRequest = specAjv(false).compile(componentSchema("UpdateUserRequest"));
});
afterAll(() => emulator?.close());

async function send(method: "POST" | "PATCH", path: string, body: unknown): Promise<number> {
  const res = await request(emulator.url + path, {
    method, body: JSON.stringify(body), headers: { "x-api-key": emulator.apiKey, "content-type": "application/json" },
  });
  await res.body.dump();
  return res.statusCode;
}

/** The spec's verdict and the emulator's on one create, in words that make a mismatch readable. */
async function createVerdicts(body: unknown) {
  emulator.reset();
  const status = await send("POST", "/v2/users", body);
  return { spec: problems(createRequest, body).length === 0 ? "valid" : "invalid", emulator: status === 201 ? "valid" : status === 400 ? "invalid" : status };
}

async function updateVerdicts(body: unknown) {
  emulator.reset();
  emulator.seedUser({ email: "patch@example.com" });
  const status = await send("PATCH", "/v2/users/patch%40example.com", body);
  return { spec: problems(updateRequest, body).length === 0 ? "valid" : "invalid", emulator: status === 200 ? "valid" : status === 400 ? "invalid" : status };
}

const emails = [
  "a@b.co", "A.B+tag@Example.COM", "a@b.c", "a@x.123", "a@1.2.3.4", "a@xn--bcher-kva.example",
  `a@${"x".repeat(63)}.com`, `a@${"x".repeat(64)}.com`, `${"l".repeat(64)}@example.com`, `${"l".repeat(100)}@e.co`,
  "a@b", "a@-x.com", "a@x-.com", "a@b_c.com", "a@[127.0.0.1]", "a..b@x.com", ".a@x.com", "a.@x.com",
  "ü@example.com", "a@exämple.com", " a@x.com", "a@x.com ", '"a b"@x.com', "a@@x.com", "", "not-an-email",
];

describe("createUser", () => {
  it.each(emails)("agrees with the spec on the email %j", async (email) => {
    const verdicts = await createVerdicts({ email, username: "fixed-username" });
    expect(verdicts.emulator).toBe(verdicts.spec);
  });

  it.each<[string, object]>([
    ["a username of 128 characters", { username: "u".repeat(128) }],
    ["a username of 129 characters", { username: "u".repeat(129) }],
    ["a username of 128 emoji (code points, not UTF-16 units)", { username: "😀".repeat(128) }],
    ["a description of 255 emoji", { description: "😀".repeat(255) }],
    ["a description of 256 characters", { description: "d".repeat(256) }],
    ["an empty description", { description: "" }],
    ["repeated API roles", { api_roles: ["viewer", "viewer"] }],
    ["an empty corpus_key", { corpus_roles: [{ corpus_key: "", role: "viewer" }] }],
    ["a corpus role with extra properties", { corpus_roles: [{ corpus_key: "k", role: "viewer", note: 1 }] }],
    ["a numeric corpus_key", { corpus_roles: [{ corpus_key: 7, role: "viewer" }] }],
    ["a null role list", { api_roles: null }],
    ["a role list that is an object", { agent_roles: { agent_key: "a", role: "agent_user" } }],
    ["an unknown property", { nickname: "x" }],
    ["a numeric username", { username: 42 }],
  ])("agrees with the spec on %s", async (_, extra) => {
    const verdicts = await createVerdicts({ email: "edge@example.com", username: "edge", ...extra });
    expect(verdicts.emulator).toBe(verdicts.spec);
  });

  const text = (max: number) => fc.oneof(fc.string({ maxLength: max }), fc.string({ unit: "grapheme", maxLength: max }));
  const role = <T extends string>(names: readonly T[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string() });
  const keyed = (key: string, names: readonly string[]) =>
    fc.array(fc.record({ [key]: fc.oneof(fc.string(), fc.integer()), role: role(names) }, { requiredKeys: [] }), { maxLength: 3 });
  const createBody = fc.record(
    {
      email: fc.oneof(fc.emailAddress(), fc.constantFrom(...emails), fc.string()),
      // No "" (an empty username is the emulator's own refusal).
      username: fc.oneof(text(130).filter((s) => s !== ""), fc.integer()),
      description: fc.oneof(text(260), fc.constant(null)),
      api_roles: fc.array(role(API_ROLES), { maxLength: 4 }),
      corpus_roles: keyed("corpus_key", CORPUS_ROLE_NAMES),
      agent_roles: keyed("agent_key", AGENT_ROLE_NAMES),
      extra: fc.anything(),
    },
    { requiredKeys: ["username"] },
  );

  it("agrees with the spec on 300 generated bodies", async () => {
    await fc.assert(
      fc.asyncProperty(createBody, async (body) => {
        const verdicts = await createVerdicts(body);
        if (verdicts.emulator !== verdicts.spec) throw new Error(`spec says ${verdicts.spec}, emulator ${verdicts.emulator}`);
      }),
      { numRuns: 300, seed: 20260702 },
    );
  });
});

describe("updateUser", () => {
  it.each<[string, unknown]>([
    ["an empty body", {}],
    ["enabled as a string", { enabled: "false" }],
    ["a null enabled", { enabled: null }],
    ["a description of 256 characters", { description: "d".repeat(256) }],
    ["an unknown API role", { api_roles: ["corpus_admin"] }],
    ["an agent role without agent_key", { agent_roles: [{ role: "agent_user" }] }],
    ["email and username (not in UpdateUserRequest)", { email: "x", username: "" }],
    ["an array body", []],
  ])("agrees with the spec on %s", async (_, body) => {
    const verdicts = await updateVerdicts(body);
    expect(verdicts.emulator).toBe(verdicts.spec);
  });

  it("agrees with the spec on 200 generated bodies", async () => {
    const body = fc.record(
      {
        enabled: fc.oneof(fc.boolean(), fc.string(), fc.constant(null)),
        description: fc.oneof(fc.string({ maxLength: 260 }), fc.integer()),
        api_roles: fc.array(fc.oneof(fc.constantFrom(...API_ROLES), fc.string()), { maxLength: 3 }),
        corpus_roles: fc.array(fc.record({ corpus_key: fc.string(), role: fc.oneof(fc.constantFrom(...CORPUS_ROLE_NAMES), fc.string()) }, { requiredKeys: [] }), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const verdicts = await updateVerdicts(b);
        if (verdicts.emulator !== verdicts.spec) throw new Error(`spec says ${verdicts.spec}, emulator ${verdicts.emulator}`);
      }),
      { numRuns: 200, seed: 20260702 },
    );
  });
});
