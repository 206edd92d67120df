// The helpers and the apiPolicy output in a program run through the real provider host: what a
// program that reviews access sees. Needs `npm run build` first.
import * as path from "node:path";
import { ok, ops, stackEnv, vectaraStack } from "./service-stack";

const { programDir, project } = vectaraStack;

const program = path.resolve(__dirname, "../../dist/test/harness/fixtures/list-users/index.js");
const env = stackEnv(vectaraStack);
const stack = (corpus: string) => env.stack({ [`${project}:corpus`]: corpus });

test("a program sees effective access: the managed user's apiPolicy and each corpus user's, and refresh finds no change", async () => {
  env.emulator.seedCorpus({ key: "docs" });
  env.emulator.seedUser({ email: "ann@example.com", username: "ann", api_roles: ["administrator"], corpus_roles: [{ corpus_key: "docs", role: "viewer" }] });
  const up = ok(await stack("docs").up(program, { programDir }));
  expect(ops(up)).toEqual(["create managed"]);
  expect(up.outputs?.managedPolicy).toMatchObject({
    name: "viewer",
    allowedOperations: { getUser: { allowAnyResource: true }, getCorpus: { allowAnyResource: true } },
  });
  expect(up.outputs?.managedPolicy).not.toHaveProperty("allowedOperations.createUser");
  const listed = up.outputs?.corpusUsers as Record<string, { name: string; allowedOperations: Record<string, unknown> }>;
  expect(Object.keys(listed).sort()).toEqual(["ann", "managed@example.com"]);
  expect(listed.ann).toMatchObject({ name: "administrator", allowedOperations: { createUser: { allowAnyResource: true } } });

  // apiPolicy is an output only: refresh finds it unchanged, and the next up writes nothing.
  env.emulator.requests.length = 0;
  expect(ops(ok(await stack("docs").refresh({ programDir })))).toEqual(["refresh-same managed"]);
  const again = ok(await stack("docs").up(program, { programDir }));
  expect(ops(again)).toEqual(["same managed"]);
  expect(env.emulator.requests.filter((r) => r.method !== "GET")).toEqual([]);
});

test("listing the users of a corpus that does not exist fails the program with the corpus named", async () => {
  const r = await stack("retired").up(program, { programDir });
  expect(r.error).toMatch(/cannot list the users of Vectara corpus retired: no such corpus \(GET \/v2\/users\?limit=100&corpus_key=retired answered 404\)/);
  expect(r.error).toContain("hint: check the corpus key");
});
