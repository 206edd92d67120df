// The fault matrix for ConnectUser: every lifecycle operation against every failure a SaaS API
// produces (the faults.test.ts pattern). Each cell must converge: no failure a retry would fix, one
// user after a lost create, a repeated lock done.
import { setTimeout } from "node:timers/promises";
import type { Fault } from "../../emulator/core/faults";
import { faultKinds } from "./fault-kinds";
import { connectInputs, startConnect, stopConnect, type ConnectHarness } from "./connect-setup";

let h: ConnectHarness;
beforeAll(async () => {
  h = await startConnect({}, { "connect:requestTimeoutMs": "300" });
});
afterAll(() => stopConnect(h));
beforeEach(() => h.emulator.reset());

const username = "fault";
const inputs = (extra: Record<string, unknown> = {}) => connectInputs({ username, userRole: "publisher", ...extra });
const faults = faultKinds;

type Op = "create" | "read" | "update" | "delete";
const operations: Array<[Op, string, string]> = [["create", "POST", "/__api__/v1/users"], ["read", "GET", "/__api__/v1/users/"], ["update", "PUT", "/__api__/v1/users/"], ["delete", "POST", "/__api__/v1/users/"]];
const cells = operations.flatMap(([op, method, pathPrefix]) => faults.map(([fault, make]) => [op, fault, method, pathPrefix, make] as const));

test.each(cells)("%s converges after %s", async (op, _fault, method, pathPrefix, make) => {
  const created = op === "create" ? undefined : await h.provider.create(inputs());
  const fault = { ...make(), match: { method, pathPrefix } } as Fault;
  h.emulator.inject(fault);
  const before = h.emulator.requests.length;

  if (op === "create") {
    const { id, outs } = await h.provider.create(inputs());
    expect(outs).toMatchObject({ username, userRole: "publisher", guid: id });
  } else if (op === "read") {
    expect((await h.provider.read(created!.id, created!.outs)).props).toMatchObject({ username, userRole: "publisher" });
  } else if (op === "update") {
    const { outs } = await h.provider.update(created!.id, created!.outs, inputs({ firstName: "After" }));
    expect(outs.firstName).toBe("After");
  } else {
    await h.provider.delete(created!.id, created!.outs);
    expect(h.emulator.user(created!.id)?.locked).toBe(true);
  }
  // A slow attempt the client gave up on still lands on the server later: let it, then look again.
  if (fault.kind === "latency") await setTimeout(fault.ms + 100);
  expect(h.emulator.users()).toHaveLength(1);
  const attempts = h.emulator.requests.slice(before).filter((r) => r.method === method && r.path.startsWith(pathPrefix));
  expect(attempts.length).toBeGreaterThanOrEqual(2);
});

test("a lost import on an LDAP server is recognised as our own create, not a conflict", async () => {
  const ldap = await startConnect({ authKind: "ldap" }, { "connect:requestTimeoutMs": "300" });
  try {
    ldap.emulator.addDirectoryUser({ username: "dir" });
    ldap.emulator.inject({ kind: "drop-after-commit", match: { method: "PUT", pathPrefix: "/__api__/v1/users" } });
    const { id } = await ldap.provider.create(connectInputs({ username: "dir" }));
    expect(ldap.emulator.users().map((u) => u.guid)).toEqual([id]);
  } finally {
    await stopConnect(ldap);
    h.configure({ "connect:requestTimeoutMs": "300" });
  }
});

test("every retry is logged with method, path, status and attempt, and never a credential or password", async () => {
  h.logs.length = 0;
  h.emulator.inject({ kind: "status", status: 502, times: 2, match: { method: "POST" } });
  await h.provider.create(inputs({ password: "a-secret-password" }));
  const retries = h.logs.filter((l) => l.level === "debug").map((l) => l.message);
  expect(retries).toEqual([
    expect.stringMatching(/^Connect: POST \/__api__\/v1\/users attempt 1 got 502; retrying in \d+ ms$/),
    expect.stringMatching(/^Connect: POST \/__api__\/v1\/users attempt 2 got 502; retrying in \d+ ms$/),
  ]);
  for (const message of retries) {
    expect(message).not.toContain(h.emulator.apiKey);
    expect(message).not.toContain("a-secret-password");
  }
});

test("gives up on a persistent 503 with an error that says what, where, how often, and the code", async () => {
  const local = await startConnect({}, { "connect:maxRetries": "2" });
  try {
    local.emulator.inject({ kind: "status", status: 503, times: 10 });
    const error = (await local.provider.read("6f300623-1e0c-48e6-a473-ddf630c0c0c3", {}).catch((e: Error) => e)) as Error & { code?: string };
    expect(error.code).toBe("SERVER_ERROR");
    expect(error.message).toMatch(/503: GET \/__api__\/v1\/users\/6f300623-1e0c-48e6-a473-ddf630c0c0c3 — code 0; .*after 3 attempts.*hint:/s);
    expect(local.emulator.requests).toHaveLength(3);
  } finally {
    await stopConnect(local);
    h.configure({ "connect:requestTimeoutMs": "300" });
  }
});
