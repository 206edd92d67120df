// examples/roster through the real provider host: editing the roster between runs makes exactly
// the expected creates, updates and deletes, and no other request that changes anything.
import * as fs from "node:fs";
import * as path from "node:path";
import { ok, ops, programDir, project, vectaraEnv } from "./vectara-stack";

const program = path.resolve(__dirname, "../../dist/examples/roster/index.js");
const env = vectaraEnv();

function upWith(file: string, text: string) {
  fs.writeFileSync(path.join(env.dir, file), text);
  return env.stack({ [`${project}:roster`]: path.join(env.dir, file) }).up(program, { programDir });
}
const writes = () => env.emulator.requests.filter((r) => r.method !== "GET" && r.path.startsWith("/v2/")).map((r) => `${r.method} ${r.rawPath}`).sort();

test("joiners are created, movers updated, leavers deleted or disabled per onDelete, and nothing else", async () => {
  ok(await upWith("roster.yaml", `
users:
  alice@example.com: { apiRoles: [corpus_administrator], corpusRoles: { docs: editor } }
  bob@example.com: { corpusRoles: { docs: viewer } }
  carol@example.com: { description: Contractor }
  dan@example.com: { onDelete: disable }
`));
  expect(env.emulator.users().map((u) => u.username).sort()).toEqual(["alice@example.com", "bob@example.com", "carol@example.com", "dan@example.com"]);
  env.emulator.requests.length = 0;

  const r = ok(await upWith("roster.yaml", `
users:
  alice@example.com: { apiRoles: [corpus_administrator], corpusRoles: { docs: editor } }
  bob@example.com: { corpusRoles: { docs: editor, support: viewer } }
  erin@example.com: { email: Erin@Example.com, corpusRoles: { docs: viewer } }
`));
  expect(ops(r)).toEqual(["create erin@example.com", "delete carol@example.com", "delete dan@example.com", "same alice@example.com", "update bob@example.com"]);
  expect(writes()).toEqual(["DELETE /v2/users/carol%40example.com", "PATCH /v2/users/bob%40example.com", "PATCH /v2/users/dan%40example.com", "POST /v2/users"]);
  expect(env.emulator.user("bob@example.com")?.corpus_roles).toEqual(expect.arrayContaining([{ corpus_key: "docs", role: "editor" }, { corpus_key: "support", role: "viewer" }]));
  expect(env.emulator.user("carol@example.com")).toBeUndefined();
  expect(env.emulator.user("dan@example.com")?.enabled).toBe(false);
  expect(env.emulator.user("erin@example.com")?.email).toBe("Erin@Example.com");
});

test("a CSV roster gives the same users as the YAML one", async () => {
  ok(await upWith("roster.csv", [
    "username,email,apiRoles,corpusRoles,description,enabled,onDelete",
    "alice@example.com,,corpus_administrator;viewer,docs:editor,Content manager,,",
    "bob,bob@example.com,,docs:viewer,,false,disable",
  ].join("\n")));
  expect(env.emulator.user("alice@example.com")).toMatchObject({ api_roles: expect.arrayContaining(["corpus_administrator", "viewer"]), corpus_roles: [{ corpus_key: "docs", role: "editor" }], description: "Content manager" });
  expect(env.emulator.user("bob")).toMatchObject({ email: "bob@example.com", enabled: false });
});

test("the example's own roster.yaml is valid and deploys", async () => {
  const r = ok(await upWith("roster.yaml", fs.readFileSync(path.resolve(__dirname, "../../examples/roster/roster.yaml"), "utf8")));
  expect(ops(r)).toEqual(["create alice@example.com", "create bob@example.com"]);
});
