// Conformance by the official client: @arizeai/ax-client (1.28.0, a dev dependency) runs every
// users call against our emulator and must succeed; every answer it got is checked against the
// client's schemas (the committed facts); and every request our provider sends, over a whole
// lifecycle, is checked against the same facts: path and method, body, query parameters.
import * as ax from "@arizeai/ax-client";
import { judgedClient } from "./arize-judged-client";
import { arizeFacts, operationOf, responseSchema, schemaProblems, problems } from "./arize-facts";
import type { UserInputs } from "../../provider/arize/users/schema";
import { checkedInputs, startProvider, stopProvider } from "../http/service-setup";

const arizeInputs = checkedInputs<UserInputs>("arize", "ArizeUser");

const answers: Array<{ op: string | undefined; status: number; problems: string[] }> = [];
// Every answer the client receives, judged by the client's own schema for that operation and status.
const suite = judgedClient((request, response, text) => {
  const op = operationOf(request.method, new URL(request.url).pathname);
  const schema = op && responseSchema(op, response.status);
  answers.push({ op, status: response.status, problems: schema ? schemaProblems(schema, JSON.parse(text)) : text === "" ? [] : ["a body where none is declared"] });
});

test("every users call of the official client succeeds against the emulator, and every answer conforms", async () => {
  const { client } = suite;
  const created: Record<string, ax.User | ax.UserCreated> = {};
  for (const inviteMode of ["NONE", "EMAIL_LINK", "TEMPORARY_PASSWORD"] as const) {
    created[inviteMode] = await ax.createUser({ client, name: `User ${inviteMode}`, email: `${inviteMode.toLowerCase()}@example.com`, role: { type: "PREDEFINED", name: "MEMBER" }, inviteMode });
  }
  expect(created.TEMPORARY_PASSWORD).toMatchObject({ inviteMode: "TEMPORARY_PASSWORD", temporaryPassword: expect.any(String) });
  expect(created.NONE).toMatchObject({ status: "ACTIVE" });
  // The same invitation again: the API's 200 with the existing user.
  const again = await ax.createUser({ client, name: "x", email: "email_link@example.com", role: { type: "PREDEFINED", name: "MEMBER" }, inviteMode: "EMAIL_LINK" });
  expect(again.id).toBe(created.EMAIL_LINK!.id);

  for (let i = 0; i < 7; i++) await ax.createUser({ client, name: `Extra ${i}`, email: `extra${i}@example.com`, role: { type: "PREDEFINED", name: "ANNOTATOR" }, inviteMode: "EMAIL_LINK" });
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ax.listUsers({ client, limit: 3, cursor });
    seen.push(...page.data.map((u) => u.id));
    cursor = page.pagination.nextCursor ?? undefined;
  } while (cursor);
  expect(seen).toHaveLength(10);
  expect(new Set(seen).size).toBe(10);
  const filtered = await ax.listUsers({ client, status: ["ACTIVE", "EXPIRED"], email: "none@" });
  expect(filtered.data.map((u) => u.id)).toEqual([created.NONE!.id]);

  const id = created.EMAIL_LINK!.id;
  expect(await ax.getUser({ client, userId: id })).toMatchObject({ id, email: "email_link@example.com", role: { type: "PREDEFINED", name: "MEMBER" } });
  expect(await ax.updateUser({ client, userId: id, name: "Renamed", isDeveloper: false })).toMatchObject({ name: "Renamed", isDeveloper: false });
  await ax.resendInvitation({ client, userId: id });
  await ax.resetPassword({ client, userId: created.NONE!.id });
  await ax.deleteUser({ client, userId: id });
  await expect(ax.getUser({ client, userId: id })).rejects.toThrow();
  await expect(ax.createUser({ client, name: "x", email: "email_link@example.com", role: { type: "PREDEFINED", name: "MEMBER" }, inviteMode: "EMAIL_LINK" })).rejects.toThrow();

  const ops = new Set(answers.map((a) => a.op));
  expect([...ops].sort()).toEqual(Object.values(arizeFacts.paths).sort());
  for (const answer of answers) {
    expect(answer.problems).toEqual([]);
    const declared = arizeFacts.operations[answer.op!]!;
    expect([...declared.success, ...declared.errors]).toContain(answer.status);
  }
});

test("every request the provider sends over a lifecycle is an operation of the client, with a conforming body and query", async () => {
  const { emulator } = suite;
  const h = await startProvider("arize", "ArizeUser");
  try {
    const alice = { email: "alice@example.com", name: "Alice" };
    const { id, outs } = await h.provider.create(arizeInputs({ ...alice, inviteMode: "temporary_password", role: "annotator" }));
    h.emulator.seedUser({ email: "bob@example.com", name: "B" }, { status: "ACTIVE" });
    const bob = await h.provider.create(arizeInputs({ email: "bob@example.com", name: "Bob", adoptExisting: true }));
    const base = { ...alice, role: "ANNOTATOR", name: "Al", isDeveloper: true };
    const updated = await h.provider.update(id, outs, arizeInputs(base));
    await h.provider.update(id, { ...updated.outs, resendInvitationTrigger: "1" }, arizeInputs({ ...base, resendInvitationTrigger: "2" }));
    h.emulator.setStatus(id, "ACTIVE");
    await h.provider.update(id, { ...updated.outs, passwordResetTrigger: "1" }, arizeInputs({ ...base, passwordResetTrigger: "2" }));
    await h.provider.read(id, updated.outs);
    for (let i = 0; i < 12; i++) await h.provider.create(arizeInputs({ email: `u${i}@example.com`, name: `U${i}` }));
    await Promise.all(h.emulator.users().map((u) => h.provider.read(u.id, { userId: u.id })));
    await h.provider.delete(bob.id, bob.outs);
    await h.provider.delete(bob.id, bob.outs);

    const requests = h.emulator.requests.filter((r) => r.path.startsWith("/v2/"));
    const seen = new Set<string>();
    for (const r of requests) {
      const op = operationOf(r.method, r.path);
      expect({ request: `${r.method} ${r.path}`, op }).toEqual({ request: `${r.method} ${r.path}`, op: expect.any(String) });
      seen.add(op!);
      const declared = arizeFacts.operations[op!]!;
      const body = op === "create_user" ? "CreateUserRequest" : op === "update_user" ? "UpdateUserRequest" : undefined;
      if (body) expect(schemaProblems(body, r.body)).toEqual([]);
      else expect(r.body).toBeUndefined();
      const query = new URL(r.rawPath, "http://x").searchParams;
      for (const key of new Set(query.keys())) {
        const type = declared.query[key];
        expect({ key, declared: type !== undefined }).toEqual({ key, declared: true });
        const values = query.getAll(key).map((v) => (type === "number" ? Number(v) : v));
        expect(problems(typeof type === "object" && "array" in type ? type : { array: type! }, values)).toEqual([]);
      }
      expect([...declared.success, ...declared.errors]).toContain(r.status);
    }
    expect([...seen].sort()).toEqual(["create_user", "delete_user", "get_user", "list_users", "resend_user_invitation", "reset_user_password", "update_user"]);
    expect(requests.some((r) => r.method === "PATCH" && JSON.stringify(r.body) === "{}")).toBe(false);
  } finally {
    await stopProvider(h);
  }
});
