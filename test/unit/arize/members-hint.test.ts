import { arizeProfile } from "../../../provider/arize/profile";
import type { RequestFailure } from "../../../provider/core/profile";

const failure = (path: string, code: RequestFailure["code"] = "FORBIDDEN"): RequestFailure => ({ code, method: "POST", path, status: 403, credentials: "apiKey", oauthAlsoSet: false });
const hint = (f: RequestFailure) => arizeProfile.requestHint!.call(arizeProfile, f);

test.each([
  ["/v2/organizations/T3Jn/users", /admin of this organization to add or remove its members/],
  ["/v2/organizations/T3Jn/users/VXNl", /admin of this organization/],
  ["/v2/spaces/U3Bh/users", /admin of this space \(or hold ROLE_BINDING_CREATE \/ ROLE_BINDING_DELETE\)/],
  ["/v2/spaces/U3Bh/users/VXNl", /admin of this space/],
])("a 403 from %s names the admin the member operation needs", (path, expected) => {
  expect(hint(failure(path))).toMatch(expected);
});

test("other failures and paths keep the status's own hint", () => {
  expect(hint(failure("/v2/users"))).toBeUndefined();
  expect(hint(failure("/v2/spaces/U3Bh/users", "BAD_REQUEST"))).toBeUndefined();
  expect(hint(failure("/v2/organizations"))).toBeUndefined();
});
