// A preview after drift says what will change, under the real CLI, for each resource kind that can
// drift: create, edit out of band in the emulator, `pulumi refresh`, then `pulumi preview --diff`
// names exactly the drifted properties (the dynamic-provider host passes on no changed keys, so the
// CLI diffs the inputs in state, which the refresh set: core DriftLogic); up converges with exactly
// those writes; a second refresh and preview show no change.
import * as path from "node:path";
import { ArizeEmulator } from "../../emulator/arize/server";
import { ConnectEmulator } from "../../emulator/connect/server";
import { CliStack, cliSuite, planOf, repo, summaryOf, writesSince } from "./pulumi-cli";

const suite = cliSuite();

/**
 * The property lines of `preview --diff`, per resource name: "~description", "+password", … Lines
 * of the resource headers, the stack and the summary are not property lines.
 */
function diffedProperties(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current: string | undefined;
  for (const line of stdout.split("\n")) {
    const urn = /\[urn=.*::([^\]]+)\]/.exec(line);
    if (urn) {
      current = urn[1]!;
      continue;
    }
    if (/^Resources:/.test(line.trim())) current = undefined;
    const property = /^\s+([-+~])\s+([A-Za-z]\w*)\s*:/.exec(line);
    if (current && property && !/pulumi-nodejs:|pulumi:pulumi:/.test(line)) (out[current] ??= []).push(`${property[1]}${property[2]}`);
  }
  for (const key of Object.keys(out)) out[key]!.sort();
  return out;
}

/** refresh (which must see the drift), then preview --diff and --json: the properties named, per resource. */
async function refreshThenPreview(stack: CliStack): Promise<{ diffed: Record<string, string[]>; plan: string[]; summary: string[] }> {
  const refresh = await stack.refresh();
  expect(refresh.code).toBe(0);
  expect(summaryOf(refresh.stdout)[0]).toMatch(/^~ \d+ updated$/);
  const text = await stack.ok(["preview", "--diff"]);
  return { diffed: diffedProperties(text.stdout), plan: planOf(await stack.preview()), summary: summaryOf(text.stdout) };
}

/** The next up converges; then a refresh sees nothing and a preview plans nothing. */
async function convergesThenQuiet(stack: CliStack, updated: number): Promise<void> {
  const up = await stack.up();
  expect(up.code).toBe(0);
  expect(summaryOf(up.stdout)[0]).toBe(`~ ${updated} updated`);
  const refresh = await stack.refresh();
  expect(refresh.code).toBe(0);
  expect(summaryOf(refresh.stdout)).toEqual([expect.stringMatching(/^\d+ unchanged$/)]);
  expect(planOf(await stack.preview())).toEqual([]);
  const text = await stack.ok(["preview", "--diff"]);
  expect(diffedProperties(text.stdout)).toEqual({});
}

test("VectaraUser: a user disabled and re-described in the console previews as ~ enabled and ~ description only", async () => {
  const stack = await CliStack.init(suite, suite.program(path.join(repo, "examples/quickstart")), "vectara");
  expect((await stack.up()).code).toBe(0);
  // A refresh that sees no drift records nothing: the next preview plans nothing.
  expect((await stack.refresh()).code).toBe(0);
  expect(planOf(await stack.preview())).toEqual([]);

  suite.emulator.patchUser("alice@example.com", { enabled: false, description: "Edited in the console" });
  const { diffed, plan, summary } = await refreshThenPreview(stack);
  expect(diffed).toEqual({ alice: ["~description", "~enabled"] });
  expect(plan).toEqual(["update alice"]);
  expect(summary).toEqual(["~ 1 to update", "2 unchanged"]);

  const from = suite.emulator.requests.length;
  await convergesThenQuiet(stack, 1);
  expect(writesSince(suite.emulator, from)).toEqual(["PATCH /v2/users/alice%40example.com"]);
  expect(suite.emulator.user("alice@example.com")).toMatchObject({ enabled: true, description: "Content manager" });
  expect((await stack.destroy()).code).toBe(0);
});

test("VectaraCorpus: a corpus renamed and stripped of its description in the console previews as ~ name and + description only", async () => {
  const stack = await CliStack.init(suite, suite.program(path.join(repo, "examples/corpus-and-users")), "corpus");
  expect((await stack.up()).code).toBe(0);

  suite.emulator.patchCorpus("docs", { name: "Renamed in the console", description: "" });
  const { diffed, plan } = await refreshThenPreview(stack);
  // The description the console removed is absent from the inputs in state: the program's is added back.
  expect(diffed).toEqual({ docs: ["+description", "~name"] });
  expect(plan).toEqual(["update docs"]);

  const from = suite.emulator.requests.length;
  await convergesThenQuiet(stack, 1);
  expect(writesSince(suite.emulator, from)).toEqual(["PATCH /v2/corpora/docs"]);
  expect((await stack.destroy()).code).toBe(0);
});

describe("ConnectUser", () => {
  let connect: ConnectEmulator;
  beforeAll(async () => {
    connect = await ConnectEmulator.start();
  });
  afterAll(() => connect?.close());

  test("a user locked and re-mailed on the server previews as ~ email and ~ locked only; a server role the program leaves unset is no drift", async () => {
    const stack = new CliStack(suite, suite.program(path.join(repo, "examples/connect-users")), "connect");
    await stack.ok(["stack", "init", "connect"]);
    await stack.setConfig("connect:serverUrl", connect.serverUrl);
    await stack.setConfig("connect:apiKey", connect.apiKey, { secret: true });
    await stack.setConfig("alicePassword", "cli-tier-alice-password", { secret: true });
    expect((await stack.up()).code).toBe(0);

    const bob = connect.userNamed("bob")!.guid;
    connect.patchUser(bob, { email: "bob@elsewhere.example.com", locked: true, user_role: "publisher" });
    const { diffed, plan } = await refreshThenPreview(stack);
    expect(diffed).toEqual({ bob: ["~email", "~locked"] });
    expect(plan).toEqual(["update bob"]);

    const from = connect.requests.length;
    await convergesThenQuiet(stack, 1);
    expect(connect.requests.slice(from).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`))
      .toEqual([`PUT /__api__/v1/users/${bob}`, `POST /__api__/v1/users/${bob}/lock`]);
    expect(connect.user(bob)).toMatchObject({ email: "bob@example.com", locked: false, user_role: "publisher" });
  });

  test("a user given a password: the preview after drift also shows + password, which no output can rebuild and up does not send", async () => {
    const stack = new CliStack(suite, suite.program(path.join(repo, "examples/connect-users")), "connect");
    const alice = connect.userNamed("alice")!.guid;
    connect.patchUser(alice, { first_name: "Alicia" });
    const { diffed } = await refreshThenPreview(stack);
    expect(diffed).toEqual({ alice: ["+password", "~firstName"] });

    const from = connect.requests.length;
    await convergesThenQuiet(stack, 1);
    const writes = connect.requests.slice(from).filter((r) => r.method !== "GET");
    expect(writes.map((r) => `${r.method} ${r.rawPath}`)).toEqual([`PUT /__api__/v1/users/${alice}`]);
    expect(writes[0]?.body).not.toHaveProperty("password");
    expect(connect.user(alice)).toMatchObject({ first_name: "Alice" });
  });
});

describe("ArizeUser", () => {
  let arize: ArizeEmulator;
  beforeAll(async () => {
    arize = await ArizeEmulator.start();
  });
  afterAll(() => arize?.close());

  test("a user renamed and made a non-developer in Arize previews as ~ name and ~ isDeveloper only; a status that moved on its own is no drift", async () => {
    const stack = new CliStack(suite, suite.program(path.join(repo, "examples/arize-users")), "arize");
    await stack.ok(["stack", "init", "arize"]);
    await stack.setConfig("arize:baseUrl", arize.url);
    await stack.setConfig("arize:apiKey", arize.apiKey, { secret: true });
    expect((await stack.up()).code).toBe(0);

    const analyst = arize.users().find((u) => u.email === "analyst@example.com")!.id;
    arize.patchUser(analyst, { name: "Renamed in Arize", is_developer: false });
    arize.setStatus(analyst, "ACTIVE");
    const { diffed, plan } = await refreshThenPreview(stack);
    expect(diffed).toEqual({ analyst: ["~isDeveloper", "~name"] });
    expect(plan).toEqual(["update analyst"]);

    const from = arize.requests.length;
    await convergesThenQuiet(stack, 1);
    expect(arize.requests.slice(from).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`)).toEqual([`PATCH /v2/users/${analyst}`]);
    expect(arize.user(analyst)).toMatchObject({ name: "Data Analyst", is_developer: true });
  });
});
