// What a refresh records as the inputs (core DriftLogic), for the core alone and for each resource's
// own logic: after drift, the inputs in state differ from the program's checked inputs in exactly the
// keys its diff will change (the CLI's `preview --diff` lists those keys); without drift they stay.
import { isDeepStrictEqual } from "node:util";
import { refreshedInputs, type DriftLogic } from "../../../provider/core/lifecycle";
import * as arize from "../../../provider/arize/users/logic";
import * as connect from "../../../provider/connect/users/logic";
import * as corpora from "../../../provider/vectara/corpora/logic";
import * as vectara from "../../../provider/vectara/users/logic";
import type { UserInputs as ConnectInputs } from "../../../provider/connect/users/schema";
import type { ApiUser as VectaraApiUser } from "../../../provider/vectara/users/schema";

type Props = Record<string, unknown>;

/** The keys whose values differ, as the CLI's display compares the inputs in state with the program's. */
function differingKeys(a: Props, b: Props): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !isDeepStrictEqual(a[key], b[key])).sort();
}

/** The keys the next up changes: the diff's updates and replaces, against the new outputs. */
function willChange(logic: DriftLogic, outputs: Props, program: Props): string[] {
  const { replaces, updates } = logic.diff(outputs, program);
  return [...new Set([...replaces, ...updates])].sort();
}

describe("refreshedInputs (the core)", () => {
  const logic: DriftLogic = {
    inputsOf: (outs) => Object.fromEntries(Object.entries(outs).filter(([key]) => key !== "id")),
    diff: (olds, news) => ({ replaces: olds.key === news.key ? [] : ["key"], updates: ["a", "b"].filter((k) => olds[k] !== news[k]) }),
  };

  it("records nothing when nothing drifted, so the inputs in state stay exactly as they were", () => {
    expect(refreshedInputs(logic, { id: "1", key: "k", a: 1 }, { id: "1", key: "k", a: 1 })).toBeUndefined();
  });

  it("takes the server's value for each drifted key, drops one the server no longer reports, and keeps the rest", () => {
    expect(refreshedInputs(logic, { id: "1", key: "k", a: 1, b: 2 }, { id: "1", key: "k2", a: 5 })).toEqual({ key: "k2", a: 5 });
  });

  it("records nothing for outputs that carry no inputs (a read from an id alone)", () => {
    expect(refreshedInputs(logic, { id: "1" }, { id: "1", key: "k" })).toBeUndefined();
  });

  it("does not change the outputs it is given", () => {
    const before = { id: "1", key: "k", a: 1 };
    refreshedInputs(logic, before, { id: "1", key: "k", a: 2 });
    expect(before).toEqual({ id: "1", key: "k", a: 1 });
  });
});

/** One resource: the program's checked inputs, the outputs after up, and after an out-of-band edit. */
function expectDrift(logic: DriftLogic, program: Props, before: Props, after: Props, drifted: string[]) {
  expect(refreshedInputs(logic, before, before)).toBeUndefined();
  expect(willChange(logic, after, program)).toEqual(drifted);
  const recorded = refreshedInputs(logic, before, after);
  expect(recorded).toBeDefined();
  expect(differingKeys(recorded!, program)).toEqual(drifted);
  // Refreshing again records nothing new: the inputs already say what the server has.
  expect(refreshedInputs(logic, after, after)).toBeUndefined();
}

describe("VectaraUser", () => {
  const logic = { inputsOf: vectara.inputsOf, diff: vectara.diffUser };
  const program = vectara.checkUser({
    email: "alice@example.com", apiRoles: ["viewer", "corpus_viewer"], corpusRoles: [{ corpusKey: "docs", role: "viewer" }], onDelete: "disable", passwordResetTrigger: "t1", description: "Writer",
  }).inputs;
  const server: VectaraApiUser = {
    id: "usr_1", email: "alice@example.com", username: "alice@example.com", enabled: true, description: "Writer",
    api_roles: ["corpus_viewer", "viewer"], corpus_roles: [{ corpus_key: "docs", role: "viewer" }], agent_roles: [], api_policy: undefined,
  };
  const outputs = (user: VectaraApiUser, from: Props) => vectara.toOutputs(user, vectara.keptSettings(from), "alice@example.com") as unknown as Props;
  const before = outputs(server, program);

  it("the outputs after up imply exactly the program's inputs", () => {
    expect(differingKeys(vectara.inputsOf(before), program)).toEqual([]);
  });

  it("records a disabled user, a removed description and a new role as exactly those keys", () => {
    const edited = { ...server, enabled: false, description: "", api_roles: ["viewer"] };
    expectDrift(logic, program, before, outputs(edited, before), ["apiRoles", "description", "enabled"]);
  });

  it("records a description added out of band when the program has none (the program's empty one counts as none)", () => {
    const bare = vectara.checkUser({ email: "alice@example.com", description: "" }).inputs;
    expect(bare).not.toHaveProperty("description");
    const plain = { ...server, description: undefined, api_roles: [], corpus_roles: [] };
    const start = outputs(plain, bare);
    expect(differingKeys(vectara.inputsOf(start), bare)).toEqual([]);
    expectDrift(logic, bare, start, outputs({ ...plain, description: "Added in the console" }, start), ["description"]);
  });
});

describe("VectaraCorpus", () => {
  const logic = { inputsOf: corpora.inputsOf, diff: corpora.diffCorpus };
  const program = corpora.checkCorpus({ key: "docs" }).inputs;
  const server = { id: "crp_1", key: "docs", name: "docs" };
  const outputs = (corpus: typeof server & { description?: string }) => corpora.toOutputs(corpus, { adoptExisting: false }) as unknown as Props;

  it("records a renamed corpus and an added description (the name defaulted from the key)", () => {
    const before = outputs(server);
    expect(differingKeys(corpora.inputsOf(before), program)).toEqual([]);
    expectDrift(logic, program, before, outputs({ ...server, name: "Docs", description: "added" }), ["description", "name"]);
  });
});

describe("ConnectUser", () => {
  const logic = { inputsOf: connect.inputsOf, diff: connect.diffUser };
  const program = connect.checkUser({ username: "bob", firstName: "Bob", userMustSetPassword: true, onDelete: "retain" }).inputs;
  const server = { guid: "g-1", username: "bob", first_name: "Bob", last_name: "Directory", email: "bob@example.com", user_role: "viewer", locked: false, confirmed: true };
  const outputs = (user: typeof server, from: Props) => connect.toOutputs(user, from) as unknown as Props;
  const before = outputs(server, program);

  it("the outputs after up imply exactly the program's inputs: what it left unset stays unset", () => {
    expect(before.unsetInputs).toEqual(["email", "lastName", "userRole", "externalId"]);
    expect(differingKeys(connect.inputsOf(before), program)).toEqual([]);
  });

  it("records a renamed and locked user as exactly those keys; a role changed on a user whose program leaves it unset is no drift", () => {
    expectDrift(logic, program, before, outputs({ ...server, first_name: "Robert", locked: true, user_role: "publisher" }, before), ["firstName", "locked"]);
    expect(refreshedInputs(logic, before, outputs({ ...server, user_role: "publisher", last_name: "Renamed" }, before))).toBeUndefined();
  });

  it("cannot record the password: a refresh that saw drift leaves it out of the inputs (it is never an output)", () => {
    const withPassword = connect.checkUser({ username: "bob", firstName: "Bob", password: "a-password" }).inputs;
    const start = outputs(server, withPassword as ConnectInputs as unknown as Props);
    expect(start).not.toHaveProperty("password");
    const recorded = refreshedInputs(logic, start, outputs({ ...server, first_name: "Robert" }, start))!;
    expect(differingKeys(recorded, withPassword)).toEqual(["firstName", "password"]);
  });
});

describe("ArizeUser", () => {
  const logic = { inputsOf: arize.inputsOf, diff: arize.diffUser };
  const program = arize.checkUser({}, { email: "ann@example.com", name: "Ann", role: "member", passwordResetTrigger: "p1" }).inputs;
  const server = { id: "VXNlcjox", email: "ann@example.com", name: "Ann", status: "INVITED", role: { type: "PREDEFINED", name: "MEMBER" }, is_developer: true };
  const outputs = (user: typeof server, from: Props) => arize.toOutputs(user, arize.keptSettings(from)) as unknown as Props;
  const before = outputs(server, program);

  it("records a new name and developer flag as exactly those keys; a status that moved on its own is no drift", () => {
    expect(differingKeys(arize.inputsOf(before), program)).toEqual([]);
    expectDrift(logic, program, before, outputs({ ...server, name: "Ann Lee", is_developer: false }, before), ["isDeveloper", "name"]);
    expect(refreshedInputs(logic, before, outputs({ ...server, status: "ACTIVE" }, before))).toBeUndefined();
  });

  it("records a role changed in Arize, which the program then accepts by setting it (and only then)", () => {
    const recorded = refreshedInputs(logic, before, outputs({ ...server, role: { type: "PREDEFINED", name: "ADMIN" } }, before))!;
    expect(differingKeys(recorded, program)).toEqual(["role"]);
    expect(arize.checkUser(recorded, { email: "ann@example.com", name: "Ann", role: "admin", passwordResetTrigger: "p1" }).failures).toEqual([]);
    expect(arize.checkUser(recorded, { email: "ann@example.com", name: "Ann", role: "member", passwordResetTrigger: "p1" }).failures[0]?.property).toBe("role");
  });
});
