// examples/quickstart under the real CLI, one stack through its whole life: preview, up, a config
// change, drift made out of band, destroy. Asserted from exit codes, the CLI's own summaries,
// `pulumi stack export` and the emulator's request log.
import { cliSuite, exampleStack, planOf, repo, summaryOf, writesSince } from "./pulumi-cli";

const suite = cliSuite();
const stack = exampleStack(suite, "quickstart");

test("preview plans two creates and sends no write to the API", async () => {
  const plan = await stack.preview();
  expect(planOf(plan)).toEqual(["create alice", "create bob"]);
  expect(plan.changeSummary).toMatchObject({ create: 3 }); // the two users and the stack itself
  expect(writesSince(suite.emulator)).toEqual([]);
});

test("up creates both users and reports 3 created", async () => {
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 3 created"]);
  expect(writesSince(suite.emulator)).toEqual(["POST /v2/users", "POST /v2/users"]);
  expect(suite.emulator.user("alice@example.com")).toMatchObject({ api_roles: ["corpus_administrator"], description: "Content manager" });
  expect(suite.emulator.user("bob@example.com")).toMatchObject({ enabled: true, corpus_roles: [{ corpus_key: "docs", role: "viewer" }] });
  expect(r.stdout).toMatch(/aliceId\s*: "usr_/);
});

test("a config change previews as one update naming the property, and up PATCHes only that field", async () => {
  await stack.setConfig("aliceDescription", "Head of content");
  const plan = await stack.preview();
  expect(planOf(plan)).toEqual(["update alice"]); // --json lists the stack's "same", not bob's
  // The dynamic-provider host sends no changed-key list, so the JSON has no diffReasons; the
  // CLI's --diff display names the property from the inputs.
  const text = await stack.ok(["preview", "--diff"]);
  expect(text.stdout).toMatch(/~ pulumi-nodejs:dynamic\/vectara:User: \(update\)[\s\S]*::alice\][\s\S]*~ description *: "Content manager" => "Head of content"/);
  expect(text.stdout).not.toMatch(/~ (email|enabled|apiRoles|corpusRoles) /);
  expect(summaryOf(text.stdout)).toEqual(["~ 1 to update", "2 unchanged"]);

  const from = suite.emulator.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/~ +pulumi-nodejs:dynamic\/vectara:User +alice +updated.*\[diff: ~description\]/);
  expect(summaryOf(r.stdout)).toEqual(["~ 1 updated", "2 unchanged"]);
  expect(writesSince(suite.emulator, from)).toEqual(["PATCH /v2/users/alice%40example.com"]);
  expect(suite.emulator.requests.at(-1)?.body).toEqual({ description: "Head of content" });
});

test("an out-of-band change shows as drift on refresh, and the next up converges it", async () => {
  suite.emulator.patchUser("bob@example.com", { corpus_roles: [{ corpus_key: "docs", role: "editor" }], enabled: false });
  const refresh = await stack.refresh("--diff");
  expect(refresh.code).toBe(0);
  expect(summaryOf(refresh.stdout)).toEqual(["~ 1 updated", "2 unchanged"]);
  expect(refresh.stdout).toMatch(/~ enabled *: true => false/);
  expect((await stack.user("bob"))?.outputs).toMatchObject({ enabled: false, corpusRoles: [{ corpusKey: "docs", role: "editor" }] });

  const from = suite.emulator.requests.length;
  const up = await stack.up();
  expect(up.code).toBe(0);
  expect(summaryOf(up.stdout)).toEqual(["~ 1 updated", "2 unchanged"]);
  expect(writesSince(suite.emulator, from)).toEqual(["PATCH /v2/users/bob%40example.com"]);
  expect(suite.emulator.user("bob@example.com")).toMatchObject({ enabled: true, corpus_roles: [{ corpus_key: "docs", role: "viewer" }] });
});

test("destroy deletes alice and only disables bob (onDelete: disable)", async () => {
  const from = suite.emulator.requests.length;
  const r = await stack.destroy();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["- 3 deleted"]);
  expect(writesSince(suite.emulator, from).sort()).toEqual(["DELETE /v2/users/alice%40example.com", "PATCH /v2/users/bob%40example.com"]);
  expect(suite.emulator.user("alice@example.com")).toBeUndefined();
  expect(suite.emulator.user("bob@example.com")?.enabled).toBe(false);
  expect(await stack.resources()).toEqual([]);
});
