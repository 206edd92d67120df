import { UNKNOWN } from "../../../provider/core/unknown";
import { checkUser } from "../../../provider/connect/users/logic";
import { badInputs } from "./bad-inputs";
import { failureAt } from "../core/check-failure";

describe("checkUser normalises valid inputs", () => {
  it("fills the defaults and leaves unset what the server decides (role, names, email)", () => {
    expect(checkUser({ username: "alice" })).toEqual({ inputs: { username: "alice", locked: false, adoptExisting: false, onDelete: "lock" }, failures: [] });
  });

  it("keeps every given input, the password among them (the create needs it)", () => {
    const news = { username: "Alice.Ops", email: "a@example.com", firstName: "A", lastName: "O", userRole: "publisher", locked: true, password: "s3cret!", externalId: "x-1", adoptExisting: true, onDelete: "retain", account: "eu" };
    expect(checkUser(news)).toEqual({ inputs: news, failures: [] });
  });

  it("ignores the output-only keys and __provider that the engine passes back in news", () => {
    const { inputs, failures } = checkUser({ username: "a", guid: "g", confirmed: true, createdTime: "t", updatedTime: "t", activeTime: "t", __provider: "code" });
    expect(failures).toEqual([]);
    expect(Object.keys(inputs).sort()).toEqual(["adoptExisting", "locked", "onDelete", "username"]);
  });

  it("sets an input that is not known yet (preview) aside, unvalidated", () => {
    expect(checkUser({ username: UNKNOWN, userRole: "viewer" })).toEqual({ inputs: { username: UNKNOWN, userRole: "viewer", locked: false, adoptExisting: false, onDelete: "lock" }, failures: [] });
  });

  it("never returns an undefined value (the host rejects them)", () => {
    expect(Object.values(checkUser({ username: "a", email: undefined, userRole: undefined }).inputs)).not.toContain(undefined);
  });
});

describe("checkUser refuses bad inputs with a CheckFailure naming the property", () => {
  test.each(badInputs)("%s", (_case, news, where) => {
    const { failures } = checkUser(news);
    expect(failures).toContainEqual(failureAt(where));
  });

  it("says why onDelete cannot be delete, and what to use", () => {
    const { failures } = checkUser({ username: "a", onDelete: "delete" });
    expect(failures).toEqual([{ property: "onDelete", reason: expect.stringMatching(/no endpoint that deletes a user.*"lock".*"retain"/) }]);
  });

  it("names a misspelt property as unknown", () => {
    expect(checkUser({ username: "a", userrole: "viewer" }).failures).toEqual([{ property: "userrole", reason: "unknown property userrole" }]);
  });
});
