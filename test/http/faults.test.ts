// The fault matrix of every service: each lifecycle operation against every failure a SaaS API
// produces. Each cell must converge: no failure a retry would fix, one user after a lost create (the
// retry's answer recognised as our own), a repeated delete (or lock) done. What differs between
// services (the requests, the inputs, what a done operation leaves) is data below.
import { setTimeout } from "node:timers/promises";
import type { Fault } from "../../emulator/core/faults";
import type { UserInputs as ArizeInputs } from "../../provider/arize/users/schema";
import { faultKinds } from "./fault-kinds";
import { checkedInputs, configKey, startProvider, stopProvider, type Harness, type Service } from "./service-setup";

type Op = "create" | "read" | "update" | "delete";
type Inputs = (extra?: Record<string, unknown>) => Record<string, unknown>;

interface Matrix<S extends Service> {
  service: S;
  resource: string;
  /** The inputs, with `extra`; or variants of them (a label, and the inputs), for the matrix to run once per variant. */
  inputs: Inputs | Array<[string, Inputs]>;
  /** The request each operation makes, which the fault matches. */
  requests: Record<Op, { method: string; pathPrefix: string }>;
  /** What a create's outputs hold, given the id. */
  created(id: string): Record<string, unknown>;
  /** What a read's props hold. */
  read: Record<string, unknown>;
  /** One input the update changes; `stored` reads it back from the emulator, where the service keeps it. */
  update: { field: string; value: string; stored?(h: Harness<S>, id: string): unknown };
  /** Asserts the delete was done. */
  deleted(h: Harness<S>, id: string): void;
  /** After which operations exactly one user is left. */
  oneUserAfter: readonly Op[];
  /** The failure of a persistent 503: a read of this id, and the error's message. */
  persistent503: { id: string; message: RegExp };
}

/** The service's harness (started with a 300 ms request timeout) and its matrix, in the current describe block. */
function faultMatrix<S extends Service>(m: Matrix<S>): { h: Harness<S> } {
  const suite = {} as { h: Harness<S> };
  const timeout = { [configKey(m.service, "requestTimeoutMs")]: "300" };
  beforeAll(async () => {
    suite.h = await startProvider(m.service, m.resource as never, undefined, timeout);
  });
  afterAll(() => stopProvider(suite.h));
  beforeEach(() => suite.h.emulator.reset());

  const ops = Object.entries(m.requests) as Array<[Op, { method: string; pathPrefix: string }]>;
  const cells = ops.flatMap(([op, { method, pathPrefix }]) => faultKinds.map(([fault, make]) => [op, fault, method, pathPrefix, make] as const));
  const matrix = (inputs: Inputs) =>
    test.each(cells)("%s converges after %s", async (op, _fault, method, pathPrefix, make) => {
      const { h } = suite;
      const created = op === "create" ? undefined : await h.provider.create(inputs());
      const fault = { ...make(), match: { method, pathPrefix } } as Fault;
      h.emulator.inject(fault);
      const before = h.emulator.requests.length;

      if (op === "create") {
        const { id, outs } = await h.provider.create(inputs());
        expect(outs).toMatchObject(m.created(id));
        expect(h.emulator.users()).toHaveLength(1);
      } else if (op === "read") {
        expect((await h.provider.read(created!.id, created!.outs)).props).toMatchObject(m.read);
      } else if (op === "update") {
        const { field, value, stored } = m.update;
        const { outs } = await h.provider.update(created!.id, created!.outs, inputs({ [field]: value }));
        expect(outs[field]).toBe(value);
        if (stored) expect(stored(h, created!.id)).toBe(value);
      } else {
        await h.provider.delete(created!.id, created!.outs);
        m.deleted(h, created!.id);
      }
      // A slow attempt the client gave up on still lands on the server later: let it, then look again.
      if (fault.kind === "latency") await setTimeout(fault.ms + 100);
      if (m.oneUserAfter.includes(op)) expect(h.emulator.users()).toHaveLength(1);
      // The fault was met, and a retry followed it.
      const attempts = h.emulator.requests.slice(before).filter((r) => r.method === method && r.path.startsWith(pathPrefix));
      expect(attempts.length).toBeGreaterThanOrEqual(2);
    });
  if (typeof m.inputs === "function") matrix(m.inputs);
  else describe.each(m.inputs)("%s", (_variant, inputs) => matrix(inputs));

  test("gives up on a persistent 503 with an error that says what, where, how often, and the service's own detail", async () => {
    const local = await startProvider(m.service, m.resource as never, undefined, { [configKey(m.service, "maxRetries")]: "2" });
    try {
      local.emulator.inject({ kind: "status", status: 503, times: 10 });
      const error = (await local.provider.read(m.persistent503.id, {}).catch((e: Error) => e)) as Error & { code?: string };
      expect(error.code).toBe("SERVER_ERROR");
      expect(error.message).toMatch(m.persistent503.message);
      expect(local.emulator.requests).toHaveLength(3);
    } finally {
      await stopProvider(local);
      suite.h.configure(timeout);
    }
  });
  return suite;
}

describe("VectaraUser", () => {
  const email = "fault@example.com";
  const vectaraInputs = checkedInputs("vectara", "VectaraUser");
  const inputs: Inputs = (extra = {}) => vectaraInputs({ email, apiRoles: ["viewer"], ...extra });
  const suite = faultMatrix({
    service: "vectara",
    resource: "VectaraUser",
    inputs,
    requests: { create: { method: "POST", pathPrefix: "/v2/users" }, read: { method: "GET", pathPrefix: "/v2/users" }, update: { method: "PATCH", pathPrefix: "/v2/users" }, delete: { method: "DELETE", pathPrefix: "/v2/users" } },
    created: () => ({ email, apiRoles: ["viewer"], vectaraId: expect.stringMatching(/^usr_/) }),
    read: { email, apiRoles: ["viewer"] },
    update: { field: "description", value: "after the fault", stored: (h) => h.emulator.user(email)?.description },
    deleted: (h) => expect(h.emulator.user(email)).toBeUndefined(),
    oneUserAfter: ["create"],
    persistent503: { id: "someone@example.com", message: /503: GET \/v2\/users\/someone%40example.com.*request_id \S+.*after 3 attempts.*hint:/s },
  });

  test("does not wait for a Retry-After beyond the cap, and says so", async () => {
    const { h } = suite;
    h.emulator.inject({ kind: "status", status: 429, retryAfter: "3600", times: 1 });
    const error = (await h.provider.read("x@example.com", {}).catch((e: Error) => e)) as Error & { code?: string };
    expect(error.code).toBe("RATE_LIMITED");
    expect(h.emulator.requests).toHaveLength(1);
  });

  test("64 parallel creates make 64 users with no duplicate request, no failure, and at most maxConcurrency in flight", async () => {
    const { h } = suite;
    h.configure({ "vectara:maxConcurrency": "8" });
    h.emulator.inject({ kind: "latency", ms: 150 });
    try {
      const results = await Promise.all(Array.from({ length: 64 }, (_, i) => h.provider.create(vectaraInputs({ email: `p${i}@example.com` }))));
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
    const { h } = suite;
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
});

describe("ConnectUser", () => {
  const username = "fault";
  const connectInputs = checkedInputs("connect", "ConnectUser");
  const inputs: Inputs = (extra = {}) => connectInputs({ username, userRole: "publisher", ...extra });
  const suite = faultMatrix({
    service: "connect",
    resource: "ConnectUser",
    inputs,
    requests: {
      create: { method: "POST", pathPrefix: "/__api__/v1/users" },
      read: { method: "GET", pathPrefix: "/__api__/v1/users/" },
      update: { method: "PUT", pathPrefix: "/__api__/v1/users/" },
      delete: { method: "POST", pathPrefix: "/__api__/v1/users/" },
    },
    created: (id) => ({ username, userRole: "publisher", guid: id }),
    read: { username, userRole: "publisher" },
    update: { field: "firstName", value: "After" },
    deleted: (h, id) => expect(h.emulator.user(id)?.locked).toBe(true),
    // A delete locks: the user stays.
    oneUserAfter: ["create", "read", "update", "delete"],
    persistent503: { id: "6f300623-1e0c-48e6-a473-ddf630c0c0c3", message: /503: GET \/__api__\/v1\/users\/6f300623-1e0c-48e6-a473-ddf630c0c0c3 — code 0; .*after 3 attempts.*hint:/s },
  });

  test("a lost import on an LDAP server is recognised as our own create, not a conflict", async () => {
    const ldap = await startProvider("connect", "ConnectUser", { authKind: "ldap" }, { "connect:requestTimeoutMs": "300" });
    try {
      ldap.emulator.addDirectoryUser({ username: "dir" });
      ldap.emulator.inject({ kind: "drop-after-commit", match: { method: "PUT", pathPrefix: "/__api__/v1/users" } });
      const { id } = await ldap.provider.create(connectInputs({ username: "dir" }));
      expect(ldap.emulator.users().map((u) => u.guid)).toEqual([id]);
    } finally {
      await stopProvider(ldap);
      suite.h.configure({ "connect:requestTimeoutMs": "300" });
    }
  });

  test("every retry is logged with method, path, status and attempt, and never a credential or password", async () => {
    const { h } = suite;
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
});

describe("ArizeUser", () => {
  const email = "fault@example.com";
  const arizeInputs = checkedInputs<ArizeInputs>("arize", "ArizeUser");
  // A lost create of an invite is answered 200 on retry, of an SSO user (NONE, active at once) 409.
  const modes = ["EMAIL_LINK", "NONE"] as const;
  const suite = faultMatrix({
    service: "arize",
    resource: "ArizeUser",
    inputs: modes.map((inviteMode) => [`inviteMode ${inviteMode}`, (extra = {}) => arizeInputs({ email, name: "Fault", inviteMode, ...extra })]),
    requests: { create: { method: "POST", pathPrefix: "/v2/users" }, read: { method: "GET", pathPrefix: "/v2/users" }, update: { method: "PATCH", pathPrefix: "/v2/users" }, delete: { method: "DELETE", pathPrefix: "/v2/users" } },
    created: (id) => ({ email, name: "Fault", userId: id }),
    read: { email, name: "Fault" },
    update: { field: "name", value: "After the fault", stored: (h, id) => h.emulator.user(id)?.name },
    deleted: (h, id) => expect(h.emulator.user(id)).toBeUndefined(),
    oneUserAfter: ["create"],
    persistent503: { id: "VXNlcjox", message: /503: GET \/v2\/users\/VXNlcjox — Service Unavailable.*request_id \S+.*after 3 attempts.*hint:/s },
  });

  test("a lost create answered 200 on retry is our own only because an attempt was lost: without one it is a conflict", async () => {
    const { h } = suite;
    h.emulator.inject({ kind: "drop-after-commit", match: { method: "POST" } });
    const { outs } = await h.provider.create(arizeInputs({ email, name: "Fault" }));
    expect(h.emulator.requests.filter((r) => r.method === "POST").map((r) => r.status)).toEqual(["dropped", 200]);
    expect(outs.adoptExisting).toBe(false);
    await expect(h.provider.create(arizeInputs({ email, name: "Fault" }))).rejects.toThrow(/already exists \(POST \/v2\/users answered 200\)/);
  });
});
