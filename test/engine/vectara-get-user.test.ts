// VectaraUser.get through the real provider host: the engine's ReadResource path.
import * as path from "node:path";
import { ok, ops, stackEnv, vectaraStack } from "./service-stack";

const { programDir, project } = vectaraStack;

const program = path.resolve(__dirname, "../../dist/test/harness/fixtures/get-user/index.js");
const env = stackEnv(vectaraStack);

test("reads an existing user into the program, feeds its outputs to another resource, and never deletes it", async () => {
  env.emulator.seedUser({ email: "Ann@example.com", username: "ann", api_roles: ["viewer"], corpus_roles: [{ corpus_key: "docs", role: "editor" }] });
  const stack = () => env.stack({ [`${project}:existing`]: "ann" });
  const up = ok(await stack().up(program, { programDir }));
  expect(ops(up)).toEqual(["create managed", "read existing"]);
  expect(up.outputs).toMatchObject({ existingEmail: "Ann@example.com", existingRoles: ["viewer"], managedRoles: [{ corpusKey: "docs", role: "editor" }] });
  expect(env.emulator.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v2/users"]);

  expect(ops(ok(await stack().destroy({ programDir })))).toEqual(["delete existing", "delete managed"]);
  expect(env.emulator.user("ann")).toBeDefined();
  expect(env.emulator.user("managed@example.com")).toBeUndefined();
});

test("reading a user that does not exist fails the up with its name", async () => {
  const r = await env.stack({ [`${project}:existing`]: "ghost" }).up(program, { programDir });
  expect(r.error).toMatch(/existing.*resource 'ghost' does not exist/s);
});
