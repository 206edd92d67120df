// An account whose users endpoints require OAuth (the emulator's usersAuth: "oauth", as Vectara's
// users documentation says), under the real CLI: examples/quickstart refused with an API key and a
// hint naming the OAuth keys; the same program after switching to OAuth; apiPolicy in the state,
// never a diff.
import * as path from "node:path";
import { CliStack, cliSuite, planOf, repo, summaryOf, writesSince } from "./pulumi-cli";

const suite = cliSuite({ usersAuth: "oauth" });
let stack: CliStack;

beforeAll(async () => {
  stack = await CliStack.init(suite, suite.program(path.join(repo, "examples/quickstart")), "oauth");
});

test("with an API key, up fails on the first user with the 403 and a hint naming the OAuth client's keys, and no secret", async () => {
  const r = await stack.up();
  expect(r.code).not.toBe(0);
  const out = r.stdout + r.stderr;
  expect(out).toMatch(/403: POST \/v2\/users — User management operations require OAuth authentication, not API keys/);
  expect(out).toMatch(/hint: Vectara's user management requires OAuth, not API keys .*set vectara:clientId and vectara:clientSecret/);
  expect(out).not.toContain(suite.emulator.apiKey);
  expect(suite.emulator.users()).toEqual([]);
});

test("after `config rm vectara:apiKey` and the OAuth client set, the same up creates both users", async () => {
  await stack.ok(["config", "rm", "vectara:apiKey"]);
  await stack.setConfig("vectara:clientId", suite.emulator.clientId);
  await stack.setConfig("vectara:clientSecret", suite.emulator.clientSecret, { secret: true });
  await stack.setConfig("vectara:authUrl", suite.emulator.tokenUrl);
  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 2 created", "1 unchanged"]); // the stack itself came with the failed up
  expect(writesSince(suite.emulator, from)).toEqual(["POST /v2/users", "POST /v2/users"]);
  expect(suite.emulator.tokensIssued).toBeGreaterThanOrEqual(1);
  expect(suite.transcript).not.toContain(suite.emulator.clientSecret);
  expect(await stack.exportText()).not.toContain(suite.emulator.clientSecret);
});

test("apiPolicy is in the state as the server derives it, and a preview after the up plans no change", async () => {
  expect((await stack.user("alice"))?.outputs?.apiPolicy).toMatchObject({ name: "corpus_administrator", allowedOperations: { createCorpus: { allowAnyResource: true } } });
  const plan = await stack.preview();
  expect(planOf(plan)).toEqual([]);
  expect(plan.changeSummary).toMatchObject({ same: 3 });
});
