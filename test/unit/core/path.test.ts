import { encodeSegment, path } from "../../../provider/core/path";

describe("path", () => {
  it.each([
    ["alice@example.com", "/v2/users/alice%40example.com"],
    ["a+b@example.com", "/v2/users/a%2Bb%40example.com"],
    ["a/b", "/v2/users/a%2Fb"],
    ["../admin", "/v2/users/..%2Fadmin"],
    ["..", "/v2/users/%2E%2E"],
    [".", "/v2/users/%2E"],
    ["x?y#z", "/v2/users/x%3Fy%23z"],
    ["100%", "/v2/users/100%25"],
    ["zoë ä", "/v2/users/zo%C3%AB%20%C3%A4"],
  ])("encodes %p as one segment", (username, expected) => {
    expect(path`/v2/users/${username}`).toBe(expected);
  });

  it("keeps the rest of the template", () => {
    expect(path`/v2/users/${"a/b"}/reset_password`).toBe("/v2/users/a%2Fb/reset_password");
  });

  it("refuses an empty segment, which would address the collection", () => {
    expect(() => encodeSegment("")).toThrow("cannot be empty");
  });
});

it("refuses a lone surrogate with a clear error instead of a bare URIError", () => {
  expect(() => encodeSegment("a\uD800b")).toThrow(/well-formed Unicode/);
});
