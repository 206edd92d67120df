import { UNKNOWN } from "../../../provider/core/unknown";
import { checkUser } from "../../../provider/vectara/users/logic";
import { badInputs } from "./bad-inputs";
import { failureAt } from "../core/check-failure";

const email = "alice@example.com";

describe("checkUser normalises valid inputs", () => {
  it("defaults username to the email and fills every default", () => {
    expect(checkUser({ email })).toEqual({
      inputs: { email, username: email, enabled: true, apiRoles: [], corpusRoles: [], agentRoles: [], adoptExisting: false, onDelete: "delete" },
      failures: [],
    });
  });

  it("sorts and de-duplicates role lists so order never causes a diff", () => {
    const { inputs } = checkUser({
      email,
      apiRoles: ["viewer", "corpus_administrator", "viewer"],
      corpusRoles: [{ corpusKey: "b", role: "viewer" }, { corpusKey: "a", role: "editor" }, { corpusKey: "b", role: "viewer" }],
      agentRoles: [{ agentKey: "z", role: "agent_user" }, { agentKey: "y", role: "agent_viewer" }],
    });
    expect(inputs.apiRoles).toEqual(["corpus_administrator", "viewer"]);
    expect(inputs.corpusRoles).toEqual([{ corpusKey: "a", role: "editor" }, { corpusKey: "b", role: "viewer" }]);
    expect(inputs.agentRoles).toEqual([{ agentKey: "y", role: "agent_viewer" }, { agentKey: "z", role: "agent_user" }]);
  });

  it("keeps an explicit username as given (usernames are case-sensitive)", () => {
    expect(checkUser({ email, username: "Alice.Ops" }).inputs.username).toBe("Alice.Ops");
  });

  it("ignores the output-only keys and __provider that the engine passes back in news", () => {
    const { inputs, failures } = checkUser({ email, vectaraId: "usr_1", createdAt: "x", updatedAt: "y", __provider: "code" });
    expect(failures).toEqual([]);
    expect(inputs).not.toHaveProperty("vectaraId");
  });

  it("never returns an undefined value (the host rejects them)", () => {
    const { inputs } = checkUser({ email, description: undefined, username: undefined });
    expect(Object.values(inputs)).not.toContain(undefined);
  });
});

describe("checkUser tolerates unknown values during preview", () => {
  it.each([
    ["email", { email: UNKNOWN }],
    ["username", { email, username: UNKNOWN }],
    ["apiRoles", { email, apiRoles: UNKNOWN }],
    ["an element of corpusRoles", { email, corpusRoles: [{ corpusKey: UNKNOWN, role: "editor" }] }],
    ["enabled", { email, enabled: UNKNOWN }],
  ])("accepts an unknown %s and passes it through", (_what, news) => {
    const result = checkUser(news);
    expect(result.failures).toEqual([]);
    for (const [key, value] of Object.entries(news)) if (JSON.stringify(value).includes(UNKNOWN)) expect(result.inputs[key]).toEqual(value);
  });

  it("does not invent a username from an unknown email", () => {
    expect(checkUser({ email: UNKNOWN }).inputs).not.toHaveProperty("username");
  });

  it("still reports problems in the known properties", () => {
    expect(checkUser({ email: UNKNOWN, description: "x".repeat(256) }).failures.map((f) => f.property)).toEqual(["description"]);
  });
});

describe("checkUser turns every bad input into a CheckFailure naming the property", () => {
  it.each(badInputs)("%s", (_case, news, where) => {
    const { failures } = checkUser(news);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toEqual(failureAt(where));
  });
});
