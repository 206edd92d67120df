// examples/roster/roster.ts: a good roster gives each service's resource args; every mistake is
// reported with file, line and field, all of them at once.
import * as path from "node:path";
import { registry } from "pulumi-saas-users";
import { parseRoster, readRoster, RosterError, type RosterProblem } from "../../../examples/roster/roster";

/** The problems of a roster that must fail, as "line field: message fragment" is too brittle: line, field and message. */
function problemsOf(text: string, format: "yaml" | "csv"): RosterProblem[] {
  try {
    parseRoster(text, `roster.${format}`, format);
  } catch (e) {
    if ((e as RosterError).code !== "ROSTER_INVALID") throw e;
    return (e as RosterError).problems;
  }
  throw new Error("the roster was accepted");
}
const brief = (ps: RosterProblem[]) => ps.map((p) => `${p.file}:${p.line} ${p.field}`);

describe("a good YAML roster gives each service's resource args", () => {
  const roster = parseRoster(`
defaults:
  vectara: { onDelete: disable }
people:
  alice@example.com:
    name: Alice Liddell
    vectara:
      apiRoles: [corpus_administrator, viewer]
      corpusRoles: { docs: editor, support: viewer }
      description: Content manager
    arize: { role: admin, isDeveloper: false, onDelete: retain }
    connect: { username: alice, userRole: publisher, locked: false }
  bob@example.com:
    vectara: { username: bob, enabled: false, onDelete: delete }
    arize: { name: Bob B }
  carol@example.com:
    leaver: true
    connect: { username: carol }
`, "roster.yaml", "yaml");
  const [alice, bob, carol] = roster.people;

  it("maps Vectara fields to VectaraUserArgs, corpus roles as {corpusKey, role}, defaults applied", () => {
    expect(alice?.vectara).toEqual({
      email: "alice@example.com", apiRoles: ["corpus_administrator", "viewer"], description: "Content manager", onDelete: "disable",
      corpusRoles: [{ corpusKey: "docs", role: "editor" }, { corpusKey: "support", role: "viewer" }],
    });
  });

  it("lets a person's own field win over the defaults", () => {
    expect(bob?.vectara).toEqual({ email: "bob@example.com", username: "bob", enabled: false, onDelete: "delete" });
  });

  it("maps Arize fields to ArizeUserArgs, the role uppercase, the name from the person unless arize.name is given", () => {
    expect(alice?.arize).toEqual({ email: "alice@example.com", name: "Alice Liddell", role: "ADMIN", isDeveloper: false, onDelete: "retain" });
    expect(bob?.arize).toEqual({ email: "bob@example.com", name: "Bob B" });
  });

  it("maps Connect fields to ConnectUserArgs with the person's email", () => {
    expect(alice?.connect).toEqual({ email: "alice@example.com", username: "alice", userRole: "publisher", locked: false });
    expect(bob?.connect).toBeUndefined();
  });

  it("keeps a leaver in the roster, marked, with the line each person starts on", () => {
    expect(carol).toMatchObject({ email: "carol@example.com", leaver: true, line: 16 });
    expect(roster.people.map((p) => [p.email, p.line, p.leaver])).toEqual([["alice@example.com", 5, false], ["bob@example.com", 13, false], ["carol@example.com", 16, true]]);
  });
});

describe("a good CSV roster, one row per person with every service's columns, gives the same args", () => {
  const csv = [
    "email,name,leaver,vectara.apiRoles,vectara.corpusRoles,vectara.description,vectara.onDelete,arize.role,arize.isDeveloper,connect.username,connect.userRole,connect.locked",
    'alice@example.com,"Liddell, Alice",,corpus_administrator;viewer,docs:editor;support:viewer,"Content manager, ""docs""",disable,ADMIN,false,alice,publisher,',
    "bob@example.com,Bob,,,,,,,,bob,viewer,true",
    "carol@example.com,,true,viewer,,,,,,,,",
  ].join("\r\n");
  const [alice, bob, carol] = parseRoster(csv, "roster.csv", "csv").people;

  it("reads lists split by ;, corpus roles as key:role, quoted cells with commas and doubled quotes", () => {
    expect(alice?.vectara).toEqual({
      email: "alice@example.com", apiRoles: ["corpus_administrator", "viewer"], description: 'Content manager, "docs"', onDelete: "disable",
      corpusRoles: [{ corpusKey: "docs", role: "editor" }, { corpusKey: "support", role: "viewer" }],
    });
    expect(alice?.arize).toEqual({ email: "alice@example.com", name: "Liddell, Alice", role: "ADMIN", isDeveloper: false });
    expect(alice?.connect).toEqual({ email: "alice@example.com", username: "alice", userRole: "publisher" });
  });

  it("gives a person only the services whose cells are filled", () => {
    expect(bob).toMatchObject({ connect: { email: "bob@example.com", username: "bob", userRole: "viewer", locked: true } });
    expect(bob?.vectara).toBeUndefined();
    expect(bob?.arize).toBeUndefined();
  });

  it("reads leaver and numbers each person by their row's line", () => {
    expect(carol).toMatchObject({ leaver: true, line: 4, vectara: { apiRoles: ["viewer"] } });
  });

  it("reads a file saved with a byte-order mark", () => {
    expect(parseRoster("\uFEFFemail,connect.username\na@example.com,a\n", "r.csv", "csv").people[0]?.connect).toEqual({ email: "a@example.com", username: "a" });
  });

  it("counts a quoted line break in a row's lines", () => {
    const people = parseRoster('email,vectara.description\na@example.com,"two\nlines"\nb@example.com,x\n', "r.csv", "csv").people;
    expect(people.map((p) => p.line)).toEqual([2, 4]);
  });
});

describe("the fields of each service are its person resource's inputs, from the package's registry", () => {
  const leftOut = ["account", "email", "password", "passwordResetTrigger", "resendInvitationTrigger"];
  it.each(["vectara", "arize", "connect"])("%s takes every input of its person resource but those a roster leaves out", (service) => {
    const entry = registry.find((s) => s.name === service)!;
    const inputs = Object.keys(entry.resources.find((r) => r.kind === entry.personKind)!.inputs.shape).filter((k) => !leftOut.includes(k));
    const [problem] = problemsOf(`email,${service}.nosuchfield\na@example.com,x\n`, "csv");
    expect(problem?.message).toBe(`unknown field; ${service} takes ${inputs.join(", ")}`);
  });

  it("reads inputs the old hand-written lists left out: agent roles, invite mode (either case), userMustSetPassword", () => {
    const [alice] = parseRoster(
      "people:\n  a@example.com:\n    name: A\n    vectara: { agentRoles: { helper: agent_user } }\n    arize: { inviteMode: none }\n    connect: { username: a, userMustSetPassword: true }\n",
      "roster.yaml", "yaml",
    ).people;
    expect(alice?.vectara).toEqual({ email: "a@example.com", agentRoles: [{ agentKey: "helper", role: "agent_user" }] });
    expect(alice?.arize).toEqual({ email: "a@example.com", name: "A", inviteMode: "NONE" });
    expect(alice?.connect).toEqual({ email: "a@example.com", username: "a", userMustSetPassword: true });
  });
});

describe("the example's own roster files", () => {
  const dir = path.resolve(__dirname, "../../../examples/roster");
  it("roster.yaml and roster.csv declare the same people with the same accounts", () => {
    const strip = (ps: ReturnType<typeof readRoster>["people"]) => ps.map(({ line: _line, ...p }) => p);
    expect(strip(readRoster(path.join(dir, "roster.csv")).people)).toEqual(strip(readRoster(path.join(dir, "roster.yaml")).people));
  });
});

describe("YAML mistakes are reported with file, line and field", () => {
  it.each([
    ["unknown service", "people:\n  a@example.com:\n    slack: { role: admin }\n", ["roster.yaml:3 slack"], /unknown service "slack"/],
    ["unknown field of a service", "people:\n  a@example.com:\n    vectara: { roles: [viewer] }\n", ["roster.yaml:3 vectara.roles"], /unknown field; vectara takes username, description, enabled, apiRoles, corpusRoles, agentRoles, adoptExisting, onDelete$/],
    ["bad Vectara API role", "people:\n  a@example.com:\n    vectara:\n      apiRoles: [viewer, superuser]\n", ["roster.yaml:4 vectara.apiRoles"], /"superuser" is not a Vectara API role; use one of owner, /],
    ["bad Vectara corpus role", "people:\n  a@example.com:\n    vectara:\n      corpusRoles: { docs: boss }\n", ["roster.yaml:4 vectara.corpusRoles"], /corpus docs: "boss" is not a Vectara corpus role; use one of owner, administrator, viewer, editor/],
    ["bad Arize role", "people:\n  a@example.com:\n    arize: { name: A, role: owner }\n", ["roster.yaml:3 arize.role"], /"owner" is not an Arize role; use one of ADMIN, MEMBER, ANNOTATOR/],
    ["bad Connect role", "people:\n  a@example.com:\n    connect:\n      username: a\n      userRole: king\n", ["roster.yaml:5 connect.userRole"], /"king" is not a Connect user role/],
    ["Connect delete policy delete", "people:\n  a@example.com:\n    connect: { username: a, onDelete: delete }\n", ["roster.yaml:3 connect.onDelete"], /Connect cannot delete users/],
    ["Vectara delete policy lock", "people:\n  a@example.com:\n    vectara: { onDelete: lock }\n", ["roster.yaml:3 vectara.onDelete"], /"lock" is not a Vectara delete policy; use one of delete, disable, retain/],
    ["missing Connect username", "people:\n  a@example.com:\n    connect:\n      userRole: viewer\n", ["roster.yaml:3 connect.username"], /is required/],
    ["missing Arize name", "people:\n  a@example.com:\n    arize: { role: MEMBER }\n", ["roster.yaml:3 arize.name"], /is required \(or give the person a name\)/],
    ["duplicate person", "people:\n  a@example.com: {}\n  b@example.com: {}\n  A@Example.com: {}\n", ["roster.yaml:4 email"], /A@Example.com appears twice \(first on line 2\)/],
    ["an email that is not one", "people:\n  alice: { name: Alice }\n", ["roster.yaml:2 email"], /"alice" is not an email address/],
    ["a flag that is not a boolean", "people:\n  a@example.com:\n    leaver: soon\n", ["roster.yaml:3 leaver"], /must be true or false, not "soon"/],
    ["a Vectara username taken by another person", "people:\n  a@example.com:\n    vectara: { username: x }\n  b@example.com:\n    vectara: { username: x }\n", ["roster.yaml:5 vectara.username"], /x is already a@example.com's \(line 3\)/],
    ["a Connect username taken by another person", "people:\n  a@example.com:\n    connect: { username: x }\n  b@example.com:\n    connect: { username: x }\n", ["roster.yaml:5 connect.username"], /x is already a@example.com's \(line 3\)/],
    ["a corpus key that is not one", "people:\n  a@example.com:\n    vectara: { corpusRoles: { my docs: viewer } }\n", ["roster.yaml:3 vectara.corpusRoles"], /"my docs" is not a corpus key/],
    ["a bad default", "defaults:\n  arize: { onDelete: disable }\npeople: {}\n", ["roster.yaml:2 arize.onDelete"], /"disable" is not an Arize delete policy; use one of delete, retain/],
    ["an unknown section", "users:\n  a@example.com: {}\n", ["roster.yaml:1 users"], /unknown section/],
    ["an input a roster leaves out (a secret)", "people:\n  a@example.com:\n    connect: { username: a, password: hunter22 }\n", ["roster.yaml:3 connect.password"], /is not set in a roster: a roster is a plain file, no place for a secret/],
    ["an input a roster leaves out (a one-off action)", "people:\n  a@example.com:\n    arize: { name: A, resendInvitationTrigger: '1' }\n", ["roster.yaml:3 arize.resendInvitationTrigger"], /is not set in a roster: resending an invitation is a one-off action/],
    ["an Arize temporary password", "people:\n  a@example.com:\n    arize: { name: A, inviteMode: TEMPORARY_PASSWORD }\n", ["roster.yaml:3 arize.inviteMode"], /a roster cannot hand out a temporary password/],
    ["an Arize invite mode that is not one", "people:\n  a@example.com:\n    arize: { name: A, inviteMode: sms }\n", ["roster.yaml:3 arize.inviteMode"], /"sms" is not an Arize invite mode; use one of NONE, EMAIL_LINK, TEMPORARY_PASSWORD/],
    ["a bad Vectara agent role", "people:\n  a@example.com:\n    vectara: { agentRoles: { helper: boss } }\n", ["roster.yaml:3 vectara.agentRoles"], /agent helper: "boss" is not a Vectara agent role; use one of agent_administrator/],
    ["a Vectara username the resource refuses, in the schema's words", "people:\n  a@example.com:\n    vectara: { username: a/b }\n", ["roster.yaml:3 vectara.username"], /^username may hold only letters, digits/],
    ["a description longer than the resource takes", `people:\n  a@example.com:\n    vectara: { description: ${"x".repeat(256)} }\n`, ["roster.yaml:3 vectara.description"], /^description must be at most 255 characters/],
  ])("%s", (_what, text, where, message) => {
    const problems = problemsOf(text, "yaml");
    expect(brief(problems)).toEqual(where);
    expect(problems[0]?.message).toMatch(message);
  });

  it("reports YAML that does not parse with the parser's line, and nothing else", () => {
    const problems = problemsOf("people:\n  a@example.com:\n    vectara: { apiRoles: [viewer }\n    arize: { role: owner }\n", "yaml");
    expect(brief(problems)[0]).toBe("roster.yaml:3 (yaml)");
    expect(problems.map((p) => p.field)).not.toContain("arize.role"); // a document that does not parse is not checked further
  });

  it("collects every problem of the file, in line order, into one error that names file:line and field", () => {
    const text = "people:\n  a@example.com:\n    slack: {}\n    vectara: { apiRoles: [superuser] }\n    connect: { userRole: viewer }\n  b@example.com:\n    arize: { name: B, role: owner }\n";
    expect(brief(problemsOf(text, "yaml"))).toEqual(["roster.yaml:3 slack", "roster.yaml:4 vectara.apiRoles", "roster.yaml:5 connect.username", "roster.yaml:7 arize.role"]);
    expect(() => parseRoster(text, "roster.yaml", "yaml")).toThrow(
      /^the roster has 4 problems; nothing was changed:\n {2}roster.yaml:3: slack \(a@example.com\): unknown service "slack".*\n {2}roster.yaml:4: vectara.apiRoles \(a@example.com\): "superuser"/,
    );
  });
});

describe("CSV mistakes are reported with file, row line and column", () => {
  const header = "email,name,vectara.apiRoles,arize.role,connect.username,connect.userRole";
  it.each([
    ["a person with two rows", `${header}\na@example.com,A,viewer,,,\nb@example.com,B,,,,\na@example.com,A,,,a,viewer\n`, ["roster.csv:4 email"], /a@example.com has two rows \(lines 2 and 4\); one row per person carries all their services' columns/],
    ["unknown service column", "email,slack.role\na@example.com,admin\n", ["roster.csv:1 slack.role"], /unknown service "slack"/],
    ["a service named without its field", "email,vectara\na@example.com,yes\n", ["roster.csv:1 vectara"], /a service's columns are named vectara.<field>/],
    ["unknown field column", "email,connect.role\na@example.com,viewer\n", ["roster.csv:1 connect.role"], /unknown field; connect takes username, firstName, lastName, userRole, locked, userMustSetPassword, externalId, adoptExisting, onDelete$/],
    ["no email column", "name,vectara.apiRoles\nA,viewer\n", ["roster.csv:1 email"], /the header has no email column/],
    ["bad Vectara API role", `${header}\na@example.com,A,viewer;superuser,,,\n`, ["roster.csv:2 vectara.apiRoles"], /"superuser" is not a Vectara API role/],
    ["bad corpus role", "email,vectara.corpusRoles\na@example.com,docs:boss\n", ["roster.csv:2 vectara.corpusRoles"], /"boss" is not a Vectara corpus role/],
    ["bad Arize role", `${header}\na@example.com,A,,owner,,\n`, ["roster.csv:2 arize.role"], /"owner" is not an Arize role/],
    ["bad Connect role", `${header}\na@example.com,A,,,a,king\n`, ["roster.csv:2 connect.userRole"], /"king" is not a Connect user role/],
    ["missing Connect username", `${header}\na@example.com,A,,,,viewer\n`, ["roster.csv:2 connect.username"], /is required/],
    ["missing email", `${header}\n,A,viewer,,,\n`, ["roster.csv:2 email"], /is required/],
    ["a bad boolean", "email,connect.username,connect.locked\na@example.com,a,yes\n", ["roster.csv:2 connect.locked"], /must be true or false, not "yes"/],
    ["a column named twice", "email,connect.username,connect.username\na@example.com,a,b\n", ["roster.csv:1 connect.username"], /appears twice in the header/],
    ["more cells than columns", "email,name\na@example.com,A,extra\n", ["roster.csv:2 (row)"], /has 3 cells but the header names 2 columns/],
  ])("%s", (_what, text, where, message) => {
    const problems = problemsOf(text, "csv");
    expect(brief(problems)).toEqual(where);
    expect(problems[0]?.message).toMatch(message);
  });

  it.each([
    ["a quote inside an unquoted cell", 'email,name\na@example.com,Bob "Bobby" B\n', 2, /a quote inside an unquoted cell/],
    ["text after a closing quote", 'email,name\na@example.com,"Bob" B\n', 2, /text after a quoted cell's closing quote/],
    ["a quote never closed, reported where it opens", 'email,vectara.description\na@example.com,x\nb@example.com,"two\nlines\nc@example.com,y\n', 3, /a quote opens a cell here and is never closed/],
  ])("reports CSV that does not parse at its line, and nothing else: %s", (_what, text, line, message) => {
    const problems = problemsOf(text, "csv");
    expect(brief(problems)).toEqual([`roster.csv:${line} (csv)`]);
    expect(problems[0]?.message).toMatch(message);
  });

  it("reads a quoted cell with spaces around it, as typed by hand", () => {
    expect(parseRoster('email, name\na@example.com, "Liddell, Alice" \n', "r.csv", "csv").people[0]?.name).toBe("Liddell, Alice");
  });

  it("reports problems of the header and of several rows together", () => {
    const text = "email,slack.role,vectara.apiRoles,connect.userRole\na@example.com,,superuser,\nb@example.com,,,king\na@example.com,,,\n";
    expect(brief(problemsOf(text, "csv"))).toEqual(["roster.csv:1 slack.role", "roster.csv:2 vectara.apiRoles", "roster.csv:3 connect.userRole", "roster.csv:3 connect.username", "roster.csv:4 email"]);
  });
});
