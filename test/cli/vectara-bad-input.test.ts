// A bad input as the CLI prints it. The engine prints a CheckFailure as `property <p> value <v>
// has a problem: <reason>`, looking <p> up among the top-level inputs only: the line must name the
// top-level property, show the bad value, and give the rule, for a nested input too.
import { CliStack, cliSuite, setUsers, usersFixture } from "./pulumi-cli";

const suite = cliSuite();

async function previewOf(name: string, user: Record<string, unknown>): Promise<string> {
  const stack = await CliStack.init(suite, suite.program(usersFixture, `bad-${name}`), name);
  await setUsers(stack, { ann: { email: "ann@example.com", ...user } });
  const r = await stack.pulumi(["preview"]);
  expect(r.code).not.toBe(0);
  expect(suite.emulator.requests).toEqual([]);
  return r.stdout + r.stderr;
}

test("a bad API role: the line names apiRoles, shows the list with the bad role, and the roles allowed", async () => {
  const out = await previewOf("api", { apiRoles: ["owner", "corpus_admin"] });
  expect(out).toMatch(/property apiRoles value \{\[\{owner\} \{corpus_admin\}\]\} has a problem: apiRoles\[1\]: Invalid option: expected one of "owner"\|/);
  expect(out).not.toContain("<nil>");
});

test("a bad corpus role: the line names corpusRoles, shows the entry with the bad role, and the roles allowed", async () => {
  const out = await previewOf("corpus", { corpusRoles: [{ corpusKey: "docs", role: "reader" }] });
  expect(out).toMatch(/property corpusRoles value \{\[\{map\[corpusKey:\{docs\} role:\{reader\}\]\}\]\} has a problem: corpusRoles\[0\]\.role: Invalid option: expected one of /);
  expect(out).not.toContain("<nil>");
});

test("an unknown key inside an entry: the line names agentRoles and the key", async () => {
  const out = await previewOf("agent", { agentRoles: [{ agent_key: "bot", role: "agent_user" }] });
  expect(out).toMatch(/property agentRoles value \{.*agent_key.*\} has a problem: agentRoles\[0\]\.(agentKey|agent_key): /);
  expect(out).not.toContain("<nil>");
});
