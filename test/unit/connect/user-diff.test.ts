import { changedFields, createBody, diffUser, lockChange, toOutputs, updateBody } from "../../../provider/connect/users/logic";
import type { UserInputs, UserOutputs } from "../../../provider/connect/users/schema";
import { UNKNOWN } from "../../../provider/core/unknown";

const olds: UserOutputs = {
  username: "alice", email: "alice@example.com", firstName: "Alice", lastName: "Liddell", userRole: "viewer", locked: false,
  adoptExisting: false, onDelete: "lock", guid: "6f300623-1e0c-48e6-a473-ddf630c0c0c3", confirmed: true, createdTime: "2026-01-01T00:00:00Z",
};
const inputs = (extra: Partial<UserInputs> = {}): UserInputs => ({ username: "alice", locked: false, adoptExisting: false, onDelete: "lock", ...extra });

describe("diffUser", () => {
  test.each<[string, Partial<UserInputs>, string[]]>([
    ["nothing set beyond the username", {}, []],
    ["the same values", { email: "alice@example.com", firstName: "Alice", userRole: "viewer" }, []],
    ["a new username (renamed in place)", { username: "alice2" }, ["username"]],
    ["a new email", { email: "alice@corp.example.com" }, ["email"]],
    ["a new role", { userRole: "publisher" }, ["userRole"]],
    ["names", { firstName: "Al", lastName: "L" }, ["firstName", "lastName"]],
    ["locking", { locked: true }, ["locked"]],
    ["a delete policy", { onDelete: "retain" }, ["onDelete"]],
    ["adoptExisting", { adoptExisting: true }, ["adoptExisting"]],
    ["a password (create-only)", { password: "another one" }, []],
    ["userMustSetPassword (create-only)", { userMustSetPassword: true }, []],
    ["an externalId (create-only)", { externalId: "x-2" }, []],
  ])("%s updates %j in place, never replaces", (_case, extra, updates) => {
    expect(diffUser(olds as never, inputs(extra) as never)).toEqual({ changes: updates.length > 0, replaces: [], updates });
  });

  it("an unset role is the server's default: no diff, whatever the server shows", () => {
    expect(diffUser({ ...olds, userRole: "publisher" }, inputs() as never).changes).toBe(false);
  });

  it("another account replaces (another server)", () => {
    expect(diffUser(olds as never, inputs({ account: "staging" }) as never)).toMatchObject({ changes: true, replaces: ["account"] });
  });

  it("a value not known yet (preview) is a change", () => {
    expect(diffUser(olds as never, { ...inputs(), username: UNKNOWN, locked: UNKNOWN } as never).updates).toEqual(["username", "locked"]);
  });

  it("state written without the kept settings reads as their defaults", () => {
    const { adoptExisting: _a, onDelete: _o, ...bare } = olds;
    expect(diffUser(bare as never, inputs() as never).changes).toBe(false);
  });
});

describe("request bodies", () => {
  it("create sends every given input in the API's names, and nothing unset", () => {
    expect(createBody(inputs({ email: "a@example.com", firstName: "A", lastName: "L", userRole: "viewer", password: "pw1234", externalId: "x" })))
      .toEqual({ username: "alice", email: "a@example.com", first_name: "A", last_name: "L", user_role: "viewer", password: "pw1234", external_id: "x" });
    expect(createBody(inputs({ userMustSetPassword: true }))).toEqual({ username: "alice", user_must_set_password: true });
  });

  test.each<[string, Partial<UserInputs>, object | undefined]>([
    ["nothing changed", { email: "alice@example.com" }, undefined],
    ["only the lock", { locked: true }, undefined],
    ["a rename, with the email the server has", { username: "alice2" }, { username: "alice2", email: "alice@example.com" }],
    ["a role", { userRole: "administrator" }, { user_role: "administrator", email: "alice@example.com" }],
    ["a new email", { email: "new@example.com" }, { email: "new@example.com" }],
    ["names", { firstName: "Al", lastName: "Liddell" }, { first_name: "Al", email: "alice@example.com" }],
  ])("update for %s: %j", (_case, extra, body) => {
    expect(updateBody(olds, inputs(extra))).toEqual(body);
  });

  it("update sends no email when neither the inputs nor the server have one", () => {
    const { email: _e, ...noEmail } = olds;
    expect(updateBody(noEmail, inputs({ userRole: "publisher" }))).toEqual({ user_role: "publisher" });
  });

  it("the lock endpoint is called only when locked changes", () => {
    expect(lockChange(olds, inputs())).toBeUndefined();
    expect(lockChange(olds, inputs({ locked: true }))).toBe(true);
    expect(lockChange({ ...olds, locked: true }, inputs())).toBe(false);
  });

  it("a refused edit names the fields that changed, not the email sent along", () => {
    expect(changedFields(olds, inputs({ firstName: "Al", userRole: "publisher" }))).toEqual(["firstName", "userRole"]);
  });
});

describe("toOutputs", () => {
  it("takes the server's values, drops null and empty ones, and never has a password", () => {
    const outs = toOutputs({ guid: "g", username: "bob", email: "", first_name: null, user_role: "viewer", active_time: null, confirmed: false, locked: true, created_time: "c" }, { onDelete: "retain" });
    expect(outs).toEqual({ username: "bob", userRole: "viewer", locked: true, guid: "g", confirmed: false, createdTime: "c", adoptExisting: false, onDelete: "retain", unsetInputs: ["email", "firstName", "lastName", "userRole", "externalId"] });
  });
});
