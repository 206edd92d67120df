// Through the real provider host: the API key's own Connect account is never locked (in an update
// or a destroy), and a server of the 2023 generation gets unique_id instead of external_id.
import { connectStack, ok, ops, stackEnv } from "./service-stack";

const { programDir, usersProgram, withUsers } = connectStack;

describe("the API key's own account", () => {
  const env = stackEnv(connectStack);
  const stack = (config?: Record<string, string>) => env.stack(config);
  const writes = () => env.emulator.requests.filter((r) => r.path.startsWith("/__api__/") && r.method !== "GET");
  const lookups = () => env.emulator.requests.filter((r) => r.path === "/__api__/v1/user");

  beforeEach(() => {
    const owner = env.emulator.seedUser({ username: "automation", user_role: "administrator" });
    env.emulator.seedUser({ username: "other-admin", user_role: "administrator" });
    env.emulator.setKeyOwner(owner.guid);
  });

  it("an up that sets locked: true on it fails, saying it is the API key's own account, and writes nothing; other users still lock", async () => {
    ok(await stack(withUsers({ automation: { username: "automation", adoptExisting: true }, zoe: { username: "zoe" } })).up(usersProgram, { programDir }));
    env.emulator.requests.length = 0;
    const r = await stack(withUsers({ automation: { username: "automation", adoptExisting: true, locked: true }, zoe: { username: "zoe", locked: true } })).up(usersProgram, { programDir });
    expect(r.error).toMatch(/refusing to lock Connect user automation \(guid [0-9a-f-]{36}\): it is the API key's own account/);
    expect(env.emulator.userNamed("automation")?.locked).toBe(false);
    expect(env.emulator.userNamed("zoe")?.locked).toBe(true);
    expect(writes().map((w) => w.path)).toEqual([`/__api__/v1/users/${env.emulator.userNamed("zoe")!.guid}/lock`]);
    // Once per provider instance (one host process per up).
    expect(lookups()).toHaveLength(1);
  });

  it("a destroy with onDelete lock refuses to lock it; with onDelete retain the destroy completes", async () => {
    ok(await stack(withUsers({ automation: { username: "automation", adoptExisting: true } })).up(usersProgram, { programDir }));
    env.emulator.requests.length = 0;
    const refused = await stack(withUsers({})).destroy({ programDir });
    expect(refused.error).toMatch(/it is the API key's own account.*set onDelete: "retain"/s);
    expect(writes()).toEqual([]);
    ok(await stack(withUsers({ automation: { username: "automation", adoptExisting: true, onDelete: "retain" } })).up(usersProgram, { programDir }));
    expect(ops(ok(await stack(withUsers({})).destroy({ programDir })))).toEqual(["delete automation"]);
    expect(env.emulator.userNamed("automation")?.locked).toBe(false);
  });
});

describe("a server of the 2023 generation", () => {
  const env = stackEnv(connectStack, { emulator: { generation: "2023" } });
  const creates = () => env.emulator.requests.filter((r) => r.method === "POST" && r.path === "/__api__/v1/users").map((r) => [r.status, r.body]);

  it("up creates users with externalId through unique_id, after one refusal per provider process", async () => {
    ok(await env.stack(withUsers({ sam: { username: "sam", externalId: "okta-1" } })).up(usersProgram, { programDir }));
    expect(creates()).toEqual([[400, { username: "sam", external_id: "okta-1" }], [200, { username: "sam", unique_id: "okta-1" }]]);
    expect(env.emulator.userNamed("sam")?.external_id).toBe("okta-1");
  });
});
