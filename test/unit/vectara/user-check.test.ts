import { UNKNOWN } from "../../../provider/core/unknown";
import { checkUser } from "../../../provider/vectara/user-logic";

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
  it.each<[string, Record<string, unknown>, string]>([
    ["missing email", {}, "email"],
    ["malformed email", { email: "not-an-email" }, "email"],
    ["email with a space", { email: "a b@example.com" }, "email"],
    ["username over 128 characters", { email, username: "u".repeat(129) }, "username"],
    ["empty username", { email, username: "" }, "username"],
    ["username with a slash", { email, username: "a/b" }, "username"],
    ["username with ..", { email, username: "a..b" }, "username"],
    ["username with ?", { email, username: "a?b" }, "username"],
    ["username with #", { email, username: "a#b" }, "username"],
    ["username with %", { email, username: "a%2Fb" }, "username"],
    ["username with a space", { email, username: "a b" }, "username"],
    ["username with a control character", { email, username: "a\u0007b" }, "username"],
    ["username with non-ASCII", { email, username: "zoë" }, "username"],
    ["description over 255 characters", { email, description: "d".repeat(256) }, "description"],
    ["enabled as a string", { email, enabled: "true" }, "enabled"],
    ["unknown API role corpus_admin", { email, apiRoles: ["corpus_admin"] }, "apiRoles[0]"],
    ["unknown API role query_writer", { email, apiRoles: ["owner", "query_writer"] }, "apiRoles[1]"],
    ["apiRoles as an object", { email, apiRoles: { owner: true } }, "apiRoles"],
    ["empty role entry", { email, apiRoles: [""] }, "apiRoles[0]"],
    ["corpus role without a key", { email, corpusRoles: [{ role: "viewer" }] }, "corpusRoles[0].corpusKey"],
    ["corpus role with an unknown role", { email, corpusRoles: [{ corpusKey: "docs", role: "reader" }] }, "corpusRoles[0].role"],
    ["corpus role with a snake_case key", { email, corpusRoles: [{ corpus_key: "docs", role: "viewer" }] }, "corpusRoles[0].corpusKey"],
    ["corpus key with a slash", { email, corpusRoles: [{ corpusKey: "a/b", role: "viewer" }] }, "corpusRoles[0].corpusKey"],
    ["one corpus with two roles", { email, corpusRoles: [{ corpusKey: "docs", role: "viewer" }, { corpusKey: "docs", role: "editor" }] }, "corpusRoles"],
    ["agent role with a corpus role name", { email, agentRoles: [{ agentKey: "bot", role: "editor" }] }, "agentRoles[0].role"],
    ["onDelete not in the list", { email, onDelete: "archive" }, "onDelete"],
    ["adoptExisting as a number", { email, adoptExisting: 1 }, "adoptExisting"],
    ["a misspelt property", { email, apiRole: ["owner"] }, "apiRole"],
  ])("%s", (_case, news, property) => {
    const { failures } = checkUser(news);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]?.property).toBe(property);
    expect(failures[0]?.reason).toEqual(expect.any(String));
  });
});
