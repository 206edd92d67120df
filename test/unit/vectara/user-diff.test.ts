import { checkUser, diffUser, resetDue, updateBody, toOutputs } from "../../../provider/vectara/users/logic";
import type { UserInputs } from "../../../provider/vectara/users/schema";

const base = checkUser({ email: "alice@example.com", apiRoles: ["viewer"], corpusRoles: [{ corpusKey: "docs", role: "editor" }], description: "d" }).inputs as unknown as UserInputs;
const outputs = { ...base, vectaraId: "usr_1", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };

describe("diffUser", () => {
  it.each<[string, Partial<UserInputs>, { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean; updates: string[] }]>([
    ["nothing changed", {}, { changes: false, replaces: [], deleteBeforeReplace: false, updates: [] }],
    ["email differs only in case", { email: "Alice@Example.COM" }, { changes: false, replaces: [], deleteBeforeReplace: false, updates: [] }],
    ["enabled", { enabled: false }, { changes: true, replaces: [], deleteBeforeReplace: false, updates: ["enabled"] }],
    ["description", { description: "new" }, { changes: true, replaces: [], deleteBeforeReplace: false, updates: ["description"] }],
    ["apiRoles", { apiRoles: ["owner"] }, { changes: true, replaces: [], deleteBeforeReplace: false, updates: ["apiRoles"] }],
    ["corpusRoles", { corpusRoles: [{ corpusKey: "docs", role: "viewer" }] }, { changes: true, replaces: [], deleteBeforeReplace: false, updates: ["corpusRoles"] }],
    ["agentRoles", { agentRoles: [{ agentKey: "bot", role: "agent_user" }] }, { changes: true, replaces: [], deleteBeforeReplace: false, updates: ["agentRoles"] }],
    ["onDelete only (no API call needed, still recorded)", { onDelete: "retain" }, { changes: true, replaces: [], deleteBeforeReplace: false, updates: ["onDelete"] }],
    ["email with the same username: delete first", { email: "alice@new.example.com" }, { changes: true, replaces: ["email"], deleteBeforeReplace: true, updates: [] }],
    ["username with the same email: delete first", { username: "alice" }, { changes: true, replaces: ["username"], deleteBeforeReplace: true, updates: [] }],
    ["username and email both new: create first", { username: "al", email: "al@example.com" }, { changes: true, replaces: ["email", "username"], deleteBeforeReplace: false, updates: [] }],
    ["another account, same username: create first (no collision across accounts)", { account: "staging" }, { changes: true, replaces: ["account"], deleteBeforeReplace: false, updates: [] }],
  ])("%s", (_case, change, expected) => {
    expect(diffUser(outputs, { ...base, ...change })).toEqual(expected);
  });

  it("treats role lists as sets: order and duplicates in state never diff", () => {
    const shuffled = { ...outputs, apiRoles: ["viewer", "viewer"], corpusRoles: [{ role: "editor", corpusKey: "docs" }] };
    expect(diffUser(shuffled, base).changes).toBe(false);
  });

  it("reads state written without the provider-only keys as their defaults", () => {
    const { adoptExisting: _a, onDelete: _o, ...older } = outputs;
    expect(diffUser(older, base).changes).toBe(false);
  });

  it("treats a missing description and an empty one as the same", () => {
    const { description: _d, ...noDescription } = outputs;
    expect(diffUser(noDescription, { ...base, description: "" }).changes).toBe(false);
  });
});

describe("updateBody sends only what changed", () => {
  it("is undefined when nothing the API stores changed", () => {
    expect(updateBody(outputs, { ...base, onDelete: "retain" })).toBeUndefined();
  });

  it("carries only the changed fields, in the API's names", () => {
    expect(updateBody(outputs, { ...base, enabled: false, corpusRoles: [{ corpusKey: "x", role: "owner" }] })).toEqual({
      enabled: false,
      corpus_roles: [{ corpus_key: "x", role: "owner" }],
    });
  });

  it("clears a removed description with an empty string", () => {
    expect(updateBody(outputs, { ...base, description: undefined })).toEqual({ description: "" });
  });
});

describe("toOutputs", () => {
  it("maps the API's user to camelCase outputs with sorted roles and the provider-only settings", () => {
    const user = {
      id: "usr_9", email: "a@x.io", username: "a@x.io", enabled: true, description: "", created_at: "c", updated_at: "u",
      api_roles: ["viewer", "owner"], corpus_roles: [{ corpus_key: "z", role: "viewer" }, { corpus_key: "a", role: "owner" }],
    };
    expect(toOutputs(user, { adoptExisting: true, onDelete: "disable" }, "a@x.io")).toEqual({
      username: "a@x.io", email: "a@x.io", enabled: true, apiRoles: ["owner", "viewer"],
      corpusRoles: [{ corpusKey: "a", role: "owner" }, { corpusKey: "z", role: "viewer" }], agentRoles: [],
      adoptExisting: true, onDelete: "disable", vectaraId: "usr_9", createdAt: "c", updatedAt: "u",
    });
  });

  it.each([["absent", undefined], ["empty", ""]])("keeps the username the user was addressed by when the API's is %s (the spec allows both)", (_, username) => {
    const outs = toOutputs({ id: "usr_9", email: "a@x.io", ...(username !== undefined && { username }) }, { adoptExisting: false, onDelete: "delete" }, "a@x.io");
    expect(outs.username).toBe("a@x.io");
  });
});

describe("resetDue", () => {
  it.each<[unknown, unknown, boolean]>([
    [undefined, undefined, false],
    [undefined, "a", false],
    ["a", undefined, false],
    ["a", "a", false],
    ["a", "b", true],
    ["", "b", true],
  ])("%p → %p resets: %p", (old, next, expected) => {
    expect(resetDue(old, next)).toBe(expected);
  });

  it("makes a trigger change an in-place diff, never a replacement", () => {
    expect(diffUser({ ...outputs, passwordResetTrigger: "a" }, { ...base, passwordResetTrigger: "b" })).toMatchObject({ changes: true, replaces: [] });
  });
});
