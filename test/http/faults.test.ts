// The fault matrix: every lifecycle operation against every failure a SaaS API produces. Each cell
// must converge (no failure a retry would fix, one user after a lost create, a repeated delete done).
import { setTimeout } from "node:timers/promises";
import { checkUser } from "../../provider/vectara/users/logic";
import type { Fault } from "../../emulator/core/faults";
import { faultKinds } from "./fault-kinds";
import { startProvider, stopProvider, type Harness } from "./provider-setup";

let h: Harness;
beforeAll(async () => {
  h = await startProvider({}, { "vectara:requestTimeoutMs": "300" });
});
afterAll(() => stopProvider(h));
beforeEach(() => h.emulator.reset());

const email = "fault@example.com";
const inputs = (extra: Record<string, unknown> = {}) => checkUser({ email, apiRoles: ["viewer"], ...extra }).inputs;
const faults = faultKinds;

type Op = "create" | "read" | "update" | "delete";
const operations: Array<[Op, string]> = [["create", "POST"], ["read", "GET"], ["update", "PATCH"], ["delete", "DELETE"]];

const cells = operations.flatMap(([op, method]) => faults.map(([fault, make]) => [op, fault, method, make] as const));

test.each(cells)("%s converges after %s", async (op, _fault, method, make) => {
  const created = op === "create" ? undefined : await h.provider.create(inputs());
  const fault = { ...make(), match: { method, pathPrefix: "/v2/users" } } as Fault;
  h.emulator.inject(fault);
  const before = h.emulator.requests.length;

  if (op === "create") {
    const { outs } = await h.provider.create(inputs());
    expect(outs).toMatchObject({ email, apiRoles: ["viewer"], vectaraId: expect.stringMatching(/^usr_/) });
    expect(h.emulator.users()).toHaveLength(1);
  } else if (op === "read") {
    expect((await h.provider.read(created!.id, created!.outs)).props).toMatchObject({ email, apiRoles: ["viewer"] });
  } else if (op === "update") {
    const { outs } = await h.provider.update(created!.id, created!.outs, inputs({ description: "after the fault" }));
    expect(outs.description).toBe("after the fault");
    expect(h.emulator.user(email)?.description).toBe("after the fault");
  } else {
    await h.provider.delete(created!.id, created!.outs);
    expect(h.emulator.user(email)).toBeUndefined();
  }
  // A slow attempt the client gave up on still lands on the server later: let it, then look again.
  if (fault.kind === "latency") await setTimeout(fault.ms + 100);
  if (op === "create") expect(h.emulator.users()).toHaveLength(1);
  // The fault was met, and a retry followed it.
  const attempts = h.emulator.requests.slice(before).filter((r) => r.method === method && r.path.startsWith("/v2/users"));
  expect(attempts.length).toBeGreaterThanOrEqual(2);
});

test("gives up on a persistent 503 with an error that says what, where, how often, and the request_id", async () => {
  const local = await startProvider({}, { "vectara:maxRetries": "2" });
  try {
    local.emulator.inject({ kind: "status", status: 503, times: 10 });
    const error = (await local.provider.read("someone@example.com", {}).catch((e: Error) => e)) as Error & { code?: string };
    expect(error.code).toBe("SERVER_ERROR");
    expect(error.message).toMatch(/503: GET \/v2\/users\/someone%40example.com.*request_id \S+.*after 3 attempts.*hint:/s);
    expect(local.emulator.requests).toHaveLength(3);
  } finally {
    await stopProvider(local);
    h.configure({ "vectara:requestTimeoutMs": "300" });
  }
});

test("does not wait for a Retry-After beyond the cap, and says so", async () => {
  h.emulator.inject({ kind: "status", status: 429, retryAfter: "3600", times: 1 });
  const error = (await h.provider.read("x@example.com", {}).catch((e: Error) => e)) as Error & { code?: string };
  expect(error.code).toBe("RATE_LIMITED");
  expect(h.emulator.requests).toHaveLength(1);
});

test("64 parallel creates make 64 users with no duplicate request, no failure, and at most maxConcurrency in flight", async () => {
  h.configure({ "vectara:maxConcurrency": "8" });
  h.emulator.inject({ kind: "latency", ms: 150 });
  try {
    const results = await Promise.all(Array.from({ length: 64 }, (_, i) => h.provider.create(checkUser({ email: `p${i}@example.com` }).inputs)));
    expect(new Set(results.map((r) => r.outs.vectaraId)).size).toBe(64);
    expect(h.emulator.users()).toHaveLength(64);
    const posts = h.emulator.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(64);
    // Each request takes 150 ms, so what arrives in the first 75 ms is what was let in at once.
    const first = Math.min(...posts.map((r) => r.at));
    expect(posts.filter((r) => r.at < first + 75)).toHaveLength(8);
  } finally {
    h.configure({ "vectara:requestTimeoutMs": "300" });
  }
});

test("every retry is logged with method, path, status and attempt, and never a credential", async () => {
  h.logs.length = 0;
  h.emulator.inject({ kind: "status", status: 502, times: 2, match: { method: "GET" } });
  await h.provider.read("log@example.com", {}).catch(() => undefined);
  const retries = h.logs.filter((l) => l.level === "debug");
  expect(retries.map((l) => l.message)).toEqual([
    expect.stringMatching(/^Vectara: GET \/v2\/users\/log%40example.com attempt 1 got 502; retrying in \d+ ms$/),
    expect.stringMatching(/^Vectara: GET \/v2\/users\/log%40example.com attempt 2 got 502; retrying in \d+ ms$/),
  ]);
  for (const l of h.logs) expect(l.message).not.toContain(h.emulator.apiKey);
});
