// Conformance of the access operations by the official client: @arizeai/ax-client (1.28.0) runs
// the organization, space, membership, role-binding and role calls against our emulator and must
// succeed; every answer it got is checked against the client's schemas (arize-access.facts.json);
// and every request our two membership providers send over a lifecycle is an operation of the
// client, with a conforming body and query.
import * as ax from "@arizeai/ax-client";
import { judgedClient } from "./arize-judged-client";
import { accessFacts, operationOf, problems, requestSchema, responseSchema } from "./arize-access-facts";
import { orgMemberInputs, spaceMemberInputs, startArizeAccess, stopArizeAccess } from "../http/arize-access-setup";

const answers: Array<{ op: string | undefined; status: number; problems: string[] }> = [];
const suite = judgedClient((request, response, text) => {
  const op = operationOf(request.method, new URL(request.url).pathname);
  if (op === undefined) return; // a users call (judged by arize-client.test.ts)
  const schema = responseSchema(op, response.status);
  answers.push({ op, status: response.status, problems: schema ? problems({ ref: schema }, JSON.parse(text)) : text === "" ? [] : ["a body where none is declared"] });
});

test("every access call of the official client succeeds against the emulator, and every answer conforms", async () => {
  const { emulator, client } = suite;
  const org = emulator.seedOrganization("Research");
  emulator.seedOrganization("Research Ops");
  const space = emulator.seedSpace(org.id, "Evals");
  for (let i = 0; i < 4; i++) emulator.seedSpace(org.id, `Extra ${i}`);
  const user = emulator.seedUser({ email: "ann@example.com", name: "Ann" });

  const orgs = await ax.listOrganizations({ client, name: "research" });
  expect(orgs.data.map((o) => o.name).sort()).toEqual(["Research", "Research Ops"]);
  expect(await ax.getOrganization({ client, organization: org.id })).toMatchObject({ id: org.id, name: "Research" });

  const orgMember = await ax.addOrganizationUser({ client, organizationId: org.id, userId: user.id, role: { type: "PREDEFINED", name: "MEMBER" } });
  expect(orgMember).toMatchObject({ userId: user.id, organizationId: org.id });
  // The upsert: the same call with another role answers 200 and changes it.
  await ax.addOrganizationUser({ client, organizationId: org.id, userId: user.id, role: { type: "PREDEFINED", name: "ADMIN" } });
  expect(emulator.organizationMember(org.id, user.id)?.role.name).toBe("ADMIN");

  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ax.listSpaces({ client, organizationId: org.id, limit: 2, cursor });
    seen.push(...page.data.map((s) => s.id));
    cursor = page.pagination.nextCursor ?? undefined;
  } while (cursor);
  expect(seen).toHaveLength(5);
  expect(await ax.getSpace({ client, space: space.id })).toMatchObject({ id: space.id, name: "Evals" });

  await ax.addSpaceUser({ client, spaceId: space.id, userId: user.id, role: { type: "PREDEFINED", name: "READ_ONLY" } });
  const bindings = await ax.listRoleBindings({ client, resourceType: "SPACE", userId: user.id });
  expect(bindings.data).toHaveLength(1);
  const binding = await ax.getRoleBinding({ client, bindingId: bindings.data[0]!.id });
  expect(await ax.getRole({ client, roleId: binding.roleId })).toMatchObject({ name: "READ_ONLY", isPredefined: true });
  expect((await ax.listRoles({ client })).data.map((r) => r.name)).toEqual(["ADMIN", "MEMBER", "READ_ONLY", "ANNOTATOR"]);

  await ax.removeSpaceUser({ client, spaceId: space.id, userId: user.id });
  await expect(ax.removeSpaceUser({ client, spaceId: space.id, userId: user.id })).rejects.toThrow();
  await ax.removeOrganizationUser({ client, organizationId: org.id, userId: user.id });
  // Not in the organization any more: the space refuses the user (400).
  await expect(ax.addSpaceUser({ client, spaceId: space.id, userId: user.id, role: { type: "PREDEFINED", name: "MEMBER" } })).rejects.toThrow();

  const ops = new Set(answers.map((a) => a.op));
  expect([...ops].sort()).toEqual(Object.values(accessFacts.paths).sort());
  for (const answer of answers) {
    expect({ op: answer.op, problems: answer.problems }).toEqual({ op: answer.op, problems: [] });
    const declared = accessFacts.operations[answer.op!]!;
    expect([...declared.success, ...declared.errors]).toContain(answer.status);
  }
});

test("every request the membership providers send over a lifecycle is an operation of the client, with a conforming body and query", async () => {
  const { emulator } = suite;
  const h = await startArizeAccess();
  try {
    const org = h.emulator.seedOrganization("Research");
    const space = h.emulator.seedSpace(org.id, "Evals");
    const user = h.emulator.seedUser({ email: "ann@example.com", name: "Ann" });
    const o = await h.orgMembers.create(orgMemberInputs({ organizationId: org.id, userId: user.id, role: "MEMBER" }));
    const s = await h.spaceMembers.create(spaceMemberInputs({ spaceId: space.id, userId: user.id, role: "MEMBER" }));
    const o2 = await h.orgMembers.update(o.id, o.outs, orgMemberInputs({ organizationId: org.id, userId: user.id, role: "ADMIN" }));
    const s2 = await h.spaceMembers.update(s.id, s.outs, spaceMemberInputs({ spaceId: space.id, userId: user.id, role: "READ_ONLY" }));
    await h.orgMembers.read(o.id, o2.outs);
    await h.spaceMembers.read(s.id, s2.outs);
    await h.spaceMembers.delete(s.id, s2.outs);
    await h.spaceMembers.delete(s.id, s2.outs);
    // The explained 400: the user is no longer in the organization.
    await h.orgMembers.delete(o.id, o2.outs);
    await h.orgMembers.delete(o.id, o2.outs);
    await expect(h.spaceMembers.create(spaceMemberInputs({ spaceId: space.id, userId: user.id, role: "MEMBER" }))).rejects.toThrow(/not a member of organization "Research"/);

    const requests = h.emulator.requests.filter((r) => r.path.startsWith("/v2/") && !r.path.startsWith("/v2/users"));
    const seen = new Set<string>();
    for (const r of requests) {
      const op = operationOf(r.method, r.path);
      expect({ request: `${r.method} ${r.path}`, op }).toEqual({ request: `${r.method} ${r.path}`, op: expect.any(String) });
      seen.add(op!);
      const declared = accessFacts.operations[op!]!;
      const body = requestSchema(op!);
      if (body) expect(problems({ ref: body }, r.body)).toEqual([]);
      else expect(r.body).toBeUndefined();
      for (const [key, value] of Object.entries(r.query)) {
        const type = declared.query[key];
        expect({ key, declared: type !== undefined }).toEqual({ key, declared: true });
        expect(problems(type!.type, type!.type === "number" ? Number(value) : value)).toEqual([]);
      }
      for (const [key, q] of Object.entries(declared.query)) if (q.required) expect(r.query).toHaveProperty(key);
      expect([...declared.success, ...declared.errors]).toContain(r.status);
    }
    expect([...seen].sort()).toEqual(["add_organization_user", "add_space_user", "get_organization", "get_role", "list_organizations", "list_role_bindings", "list_spaces", "remove_organization_user", "remove_space_user"]);
  } finally {
    await stopArizeAccess(h);
  }
});
