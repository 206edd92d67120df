import { createBody, refusesExternalId } from "../../../provider/connect/users/logic";
import type { UserInputs } from "../../../provider/connect/users/schema";
import { ApiError } from "../../../provider/core/errors";

const inputs: UserInputs = { username: "sam", externalId: "okta-1", locked: false, adoptExisting: false, onDelete: "lock" };

describe("the authentication provider's id in a create", () => {
  it("goes as external_id (the newer name) by default, and as unique_id (the 2023 generation's) when asked; never both", () => {
    expect(createBody(inputs)).toEqual({ username: "sam", external_id: "okta-1" });
    expect(createBody(inputs, "unique_id")).toEqual({ username: "sam", unique_id: "okta-1" });
  });

  const refused = (status: number, apiCode: string | undefined, messages: string[]) =>
    new ApiError({ code: status === 400 ? "BAD_REQUEST" : "CONFLICT", service: "Connect", method: "POST", path: "/v1/users", status, apiCode, apiMessages: messages });

  test.each<[string, ApiError, boolean]>([
    ["a 400 naming external_id as unknown", refused(400, "0", ['Unrecognized key: "external_id"']), true],
    ["code 129, blank unique ID (a server that ignored the field)", refused(400, "129", ["The unique ID cannot be blank."]), true],
    ["a weak password (code 6)", refused(400, "6", ["The password must be at least 6 characters."]), false],
    ["a taken username (409, code 8)", refused(409, "8", ["The requested username is already in use."]), false],
  ])("%s → fall back: %s", (_what, error, expected) => {
    expect(refusesExternalId(error)).toBe(expected);
  });

  it("a transport failure (no status) is no reason to fall back", () => {
    expect(refusesExternalId(new ApiError({ code: "NETWORK", service: "Connect" }))).toBe(false);
    expect(refusesExternalId(undefined)).toBe(false);
  });
});
