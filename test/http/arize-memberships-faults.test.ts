// The fault matrix for ArizeOrganizationMembership and ArizeSpaceMembership (the faults.test.ts
// pattern): create, read, update and delete against every failure a SaaS API produces. Each cell
// must converge: the upserts make a lost create or update harmless, a repeated delete's 404 is done.
import { setTimeout } from "node:timers/promises";
import type { Fault } from "../../emulator/core/faults";
import { faultKinds } from "./fault-kinds";
import { orgMemberInputs, spaceMemberInputs, startArizeAccess } from "./arize-access-setup";
import { harnessSuite } from "./service-setup";

const h = harnessSuite(() => startArizeAccess({}, { "arize:requestTimeoutMs": "300" }));

type Op = "create" | "read" | "update" | "delete";

const kinds = {
  organization: {
    provider: () => h.orgMembers,
    setup: () => {
      const org = h.emulator.seedOrganization("Research");
      const user = h.emulator.seedUser({ email: "ann@example.com", name: "Ann" });
      return { container: org.id, user: user.id, inputs: (role: string) => orgMemberInputs({ organizationId: org.id, userId: user.id, role }) };
    },
    role: (container: string, user: string) => h.emulator.organizationMember(container, user)?.role.name,
    // The read that can fail: GET /v2/organizations/{id} (then GET /v2/users/{id}).
    prefix: { create: "/v2/organizations", read: "/v2/organizations", update: "/v2/organizations", delete: "/v2/organizations" },
  },
  space: {
    provider: () => h.spaceMembers,
    setup: () => {
      const org = h.emulator.seedOrganization("Research");
      const space = h.emulator.seedSpace(org.id, "Evals");
      const user = h.emulator.seedUser({ email: "ann@example.com", name: "Ann" });
      h.emulator.setOrganizationMember(org.id, user.id, "MEMBER");
      return { container: space.id, user: user.id, inputs: (role: string) => spaceMemberInputs({ spaceId: space.id, userId: user.id, role }) };
    },
    role: (container: string, user: string) => h.emulator.spaceMember(container, user)?.role.name,
    prefix: { create: "/v2/spaces", read: "/v2/role-bindings", update: "/v2/spaces", delete: "/v2/spaces" },
  },
} as const;

const methods: Record<Op, string> = { create: "POST", read: "GET", update: "POST", delete: "DELETE" };
const cells = (Object.keys(kinds) as (keyof typeof kinds)[]).flatMap((kind) =>
  (Object.keys(methods) as Op[]).flatMap((op) => faultKinds.map(([fault, make]) => [kind, op, fault, make] as const)));

test.each(cells)("%s membership: %s converges after %s", async (kind, op, _fault, make) => {
  const k = kinds[kind];
  const provider = k.provider();
  const w = k.setup();
  const created = op === "create" ? undefined : await provider.create(w.inputs("MEMBER"));
  const method = methods[op];
  const fault = { ...make(), match: { method, pathPrefix: k.prefix[op] } } as Fault;
  h.emulator.inject(fault);
  const before = h.emulator.requests.length;

  if (op === "create") {
    const { outs } = await provider.create(w.inputs("READ_ONLY"));
    expect(outs.role).toBe("READ_ONLY");
    expect(k.role(w.container, w.user)).toBe("READ_ONLY");
  } else if (op === "read") {
    expect((await provider.read(created!.id, created!.outs)).props).toEqual(created!.outs);
  } else if (op === "update") {
    const { outs } = await provider.update(created!.id, created!.outs, w.inputs("ADMIN"));
    expect(outs.role).toBe("ADMIN");
    expect(k.role(w.container, w.user)).toBe("ADMIN");
  } else {
    await provider.delete(created!.id, created!.outs);
    expect(k.role(w.container, w.user)).toBeUndefined();
  }
  if (fault.kind === "latency") await setTimeout(fault.ms + 100);
  const attempts = h.emulator.requests.slice(before).filter((r) => r.method === method && r.path.startsWith(k.prefix[op]));
  expect(attempts.length).toBeGreaterThanOrEqual(2);
});

test("gives up on a persistent 503 of a space member write with an error that says what, where, how often", async () => {
  h.configure({ "arize:maxRetries": "2", "arize:requestTimeoutMs": "300" });
  try {
    const w = kinds.space.setup();
    h.emulator.inject({ kind: "status", status: 503, times: 10 });
    const error = (await h.spaceMembers.create(w.inputs("MEMBER")).then(() => new Error("no error"), (e: Error) => e)) as Error & { code?: string };
    expect(error.code).toBe("SERVER_ERROR");
    expect(error.message).toMatch(/503: POST \/v2\/spaces\/\S+\/users — Service Unavailable.*request_id \S+.*after 3 attempts.*hint:/s);
  } finally {
    h.configure({ "arize:requestTimeoutMs": "300" });
  }
});
