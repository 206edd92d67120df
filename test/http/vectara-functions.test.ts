import { closeVectaraHelpers, getVectaraUser, listVectaraUsers } from "../../provider/vectara/users/helpers";
import { helpersEmulator } from "./service-setup";

const helpers = helpersEmulator("vectara", closeVectaraHelpers);

test("getVectaraUser returns a user in the resource's output names, or undefined", async () => {
  helpers.emulator.seedUser({ email: "Ann@example.com", username: "ann", api_roles: ["viewer", "owner"], corpus_roles: [{ corpus_key: "docs", role: "editor" }] });
  expect(await getVectaraUser({ username: "ann" })).toMatchObject({
    username: "ann", email: "Ann@example.com", enabled: true, apiRoles: ["owner", "viewer"], corpusRoles: [{ corpusKey: "docs", role: "editor" }], vectaraId: expect.stringMatching(/^usr_/),
    apiPolicy: { name: "owner", allowedOperations: expect.objectContaining({ createUser: { allowAnyResource: true } }) },
  });
  expect(await getVectaraUser({ username: "nobody" })).toBeUndefined();
});

test("listVectaraUsers walks every page once, and filters by corpus", async () => {
  helpers.emulator.reset();
  helpers.emulator.seedCorpus({ key: "ops" });
  for (let i = 0; i < 250; i++) helpers.emulator.seedUser({ email: `u${i}@example.com`, corpus_roles: i % 10 === 0 ? [{ corpus_key: "ops", role: "viewer" }] : [] });
  const all: string[] = [];
  for await (const user of listVectaraUsers()) all.push(user.username);
  expect(all).toHaveLength(250);
  expect(new Set(all).size).toBe(250);
  expect(helpers.emulator.requests.filter((r) => r.path === "/v2/users").map((r) => r.query.limit)).toEqual(["100", "100", "100"]);

  const ops: string[] = [];
  for await (const user of listVectaraUsers({ corpusKey: "ops", pageSize: 7 })) ops.push(user.username);
  expect(ops).toHaveLength(25);
  const first = await listVectaraUsers({ corpusKey: "ops", pageSize: 1 }).next();
  expect(first.value?.apiPolicy).toEqual({ name: "none", allowedOperations: { getCorpus: { allowAnyResource: false, allowedResources: { "path.corpus_key": ["ops"] } } } });
  expect(ops.every((u) => Number(u.slice(1, u.indexOf("@"))) % 10 === 0)).toBe(true);
});

test("listVectaraUsers({ corpusKey }) names a corpus that does not exist, with the request and a hint", async () => {
  helpers.emulator.reset();
  helpers.emulator.seedUser({ email: "orphan@example.com", corpus_roles: [{ corpus_key: "retired", role: "viewer" }] });
  const listing = async () => {
    for await (const _ of listVectaraUsers({ corpusKey: "retired" })) void _;
  };
  const error = (await listing().catch((e: Error) => e)) as Error & { code?: string };
  expect(error.code).toBe("NOT_FOUND");
  expect(error.message).toMatch(/^cannot list the users of Vectara corpus retired: no such corpus \(GET \/v2\/users\?limit=100&corpus_key=retired answered 404\)/);
  expect(error.message).toMatch(/request_id \S+/);
  expect(error.message).toContain("hint: check the corpus key");
  expect(error.message).not.toContain(helpers.emulator.apiKey);
});
