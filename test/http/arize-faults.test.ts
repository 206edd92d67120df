// The fault matrix for ArizeUser (the faults.test.ts pattern): every lifecycle operation against
// every failure a SaaS API produces. Each cell must converge: no failure a retry would fix, one
// user after a lost create (the retry's 200 or 409 is recognised as our own), a repeated delete done.
import { setTimeout } from "node:timers/promises";
import type { Fault } from "../../emulator/core/faults";
import { faultKinds } from "./fault-kinds";
import { arizeInputs, startArize, stopArize, type ArizeHarness } from "./arize-setup";

let h: ArizeHarness;
beforeAll(async () => {
  h = await startArize({}, { "arize:requestTimeoutMs": "300" });
});
afterAll(() => stopArize(h));
beforeEach(() => h.emulator.reset());

const email = "fault@example.com";
const faults = faultKinds;

type Op = "create" | "read" | "update" | "delete";
const operations: Array<[Op, string]> = [["create", "POST"], ["read", "GET"], ["update", "PATCH"], ["delete", "DELETE"]];
// A lost create of an invite is answered 200 on retry, of an SSO user (NONE, active at once) 409.
const modes = ["EMAIL_LINK", "NONE"] as const;

const cells = operations.flatMap(([op, method]) => faults.map(([fault, make]) => [op, fault, method, make] as const));

describe.each(modes)("inviteMode %s", (inviteMode) => {
  const inputs = (extra: Record<string, unknown> = {}) => arizeInputs({ email, name: "Fault", inviteMode, ...extra });

  test.each(cells)("%s converges after %s", async (op, _fault, method, make) => {
    const created = op === "create" ? undefined : await h.provider.create(inputs());
    const fault = { ...make(), match: { method, pathPrefix: "/v2/users" } } as Fault;
    h.emulator.inject(fault);
    const before = h.emulator.requests.length;

    if (op === "create") {
      const { id, outs } = await h.provider.create(inputs());
      expect(outs).toMatchObject({ email, name: "Fault", userId: id });
      expect(h.emulator.users()).toHaveLength(1);
    } else if (op === "read") {
      expect((await h.provider.read(created!.id, created!.outs)).props).toMatchObject({ email, name: "Fault" });
    } else if (op === "update") {
      const { outs } = await h.provider.update(created!.id, created!.outs, inputs({ name: "After the fault" }));
      expect(outs.name).toBe("After the fault");
      expect(h.emulator.user(created!.id)?.name).toBe("After the fault");
    } else {
      await h.provider.delete(created!.id, created!.outs);
      expect(h.emulator.user(created!.id)).toBeUndefined();
    }
    if (fault.kind === "latency") await setTimeout(fault.ms + 100);
    if (op === "create") expect(h.emulator.users()).toHaveLength(1);
    const attempts = h.emulator.requests.slice(before).filter((r) => r.method === method && r.path.startsWith("/v2/users"));
    expect(attempts.length).toBeGreaterThanOrEqual(2);
  });
});

test("a lost create answered 200 on retry is our own only because an attempt was lost: without one it is a conflict", async () => {
  h.emulator.inject({ kind: "drop-after-commit", match: { method: "POST" } });
  const { outs } = await h.provider.create(arizeInputs({ email, name: "Fault" }));
  expect(h.emulator.requests.filter((r) => r.method === "POST").map((r) => r.status)).toEqual(["dropped", 200]);
  expect(outs.adoptExisting).toBe(false);
  await expect(h.provider.create(arizeInputs({ email, name: "Fault" }))).rejects.toThrow(/already exists \(POST \/v2\/users answered 200\)/);
});

test("gives up on a persistent 503 with an error that says what, where, how often, and the problem's title", async () => {
  h.configure({ "arize:maxRetries": "2", "arize:requestTimeoutMs": "300" });
  try {
    h.emulator.inject({ kind: "status", status: 503, times: 10 });
    const error = (await h.provider.read("VXNlcjox", {}).catch((e: Error) => e)) as Error & { code?: string };
    expect(error.code).toBe("SERVER_ERROR");
    expect(error.message).toMatch(/503: GET \/v2\/users\/VXNlcjox — Service Unavailable.*request_id \S+.*after 3 attempts.*hint:/s);
    expect(h.emulator.requests).toHaveLength(3);
  } finally {
    h.configure({ "arize:requestTimeoutMs": "300" });
  }
});
