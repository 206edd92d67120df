// examples/corpus-and-users under the real CLI: the users' corpus keys are Outputs of the corpus,
// unknown at preview, and they order the corpus before the users on up and after them on destroy.
import { CliStack, cliSuite, exampleStack, planOf, repo, summaryOf, unknownInputsFixture, writesSince } from "./pulumi-cli";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const suite = cliSuite();
const stack = exampleStack(suite, "corpus-and-users");

test("preview: the users' roles name the corpus's key, and depend on the corpus", async () => {
  const plan = await stack.preview();
  expect(planOf(plan)).toEqual(["create carol", "create dave", "create docs"]);
  // The key is an input of the corpus, so the engine previews its create with it: known, not unknown.
  const carol = plan.steps.find((s) => s.urn.endsWith("::carol"));
  expect(carol?.newState?.inputs?.corpusRoles).toEqual([{ corpusKey: "docs", role: "administrator" }]);
  expect(carol?.newState?.propertyDependencies?.corpusRoles).toEqual([expect.stringMatching(/vectara:Corpus::docs$/)]);
  expect(writesSince(suite.emulator)).toEqual([]);
});

test("up creates the corpus before either user", async () => {
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 4 created"]);
  expect(writesSince(suite.emulator)).toEqual(["POST /v2/corpora", "POST /v2/users", "POST /v2/users"]);
  expect(suite.emulator.user("carol@example.com")?.corpus_roles).toEqual([{ corpus_key: "docs", role: "administrator" }]);
});

test("destroy deletes both users before the corpus", async () => {
  const from = suite.emulator.requests.length;
  const r = await stack.destroy();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["- 4 deleted"]);
  const writes = writesSince(suite.emulator, from);
  expect(writes.slice(0, 2).sort()).toEqual(["DELETE /v2/users/carol%40example.com", "DELETE /v2/users/dave%40example.com"]);
  expect(writes.slice(2)).toEqual(["DELETE /v2/corpora/docs"]);
});

test("preview: a user whose description and corpus key are unknown until the corpus exists still plans its create", async () => {
  const other = await CliStack.init(suite, suite.program(unknownInputsFixture), "unknowns");
  const plan = await other.preview();
  expect(planOf(plan)).toEqual(["create rae", "create research"]);
  const rae = plan.steps.find((s) => s.urn.endsWith("::rae"));
  expect(rae?.newState?.inputs).toMatchObject({ description: UNKNOWN, corpusRoles: [{ corpusKey: UNKNOWN, role: "owner" }] });
  const up = await other.up();
  expect(up.code).toBe(0);
  expect(suite.emulator.user("rae@example.com")?.description).toMatch(/^Owner of corpus crp_/);
  expect((await other.destroy()).code).toBe(0);
});
