import { forAccount } from "../../../provider/core/account";
import type { RequestFailure } from "../../../provider/core/profile";
import { readConnectionSettings } from "../../../provider/core/settings";
import { vectaraProfile } from "../../../provider/vectara/profile";

const failure = (f: Partial<RequestFailure> = {}): RequestFailure => ({
  code: "FORBIDDEN", method: "POST", path: "/v2/users", status: 403, credentials: "apiKey", oauthAlsoSet: false, ...f,
});
const hint = (f: Partial<RequestFailure> = {}, account?: string) => {
  const p = forAccount(vectaraProfile, account);
  return p.requestHint?.call(p, failure(f));
};

describe("the hint for a 403 from the users endpoints", () => {
  it.each(["/v2/users", "/v2/users/ann%40example.com", "/v2/users/ann/reset_password"])("names the OAuth client's keys when an API key was used (%s)", (path) => {
    expect(hint({ path })).toBe(
      "Vectara's user management requires OAuth, not API keys (or an administrator's or owner's Personal API key where the account accepts one): " +
        "set vectara:clientId and vectara:clientSecret (`pulumi config set vectara:clientSecret --secret`) and unset vectara:apiKey (`pulumi config rm vectara:apiKey`, and VECTARA_API_KEY), which takes precedence",
    );
  });

  it("says the OAuth client is set but unused when the API key took precedence", () => {
    expect(hint({ oauthAlsoSet: true })).toMatch(/: vectara:clientId and vectara:clientSecret are set but unused: unset vectara:apiKey \(`pulumi config rm vectara:apiKey`, and VECTARA_API_KEY\), which takes precedence$/);
  });

  it("names the account's keys for another account", () => {
    expect(hint({}, "staging")).toMatch(/set vectara-staging:clientId and vectara-staging:clientSecret .* unset vectara-staging:apiKey .*VECTARA_STAGING_API_KEY/);
  });

  it.each<[string, Partial<RequestFailure>]>([
    ["OAuth was used", { credentials: "oauth" }],
    ["a corpus endpoint", { path: "/v2/corpora/docs" }],
    ["a path that only starts like users", { path: "/v2/userspace" }],
    ["another status", { code: "NOT_FOUND", status: 404 }],
  ])("leaves the usual hint when %s", (_case, f) => {
    expect(hint(f)).toBeUndefined();
  });
});

describe("an API key and an OAuth client both configured", () => {
  const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

  it("uses the API key and records that an OAuth client is set too, never its values elsewhere", () => {
    const s = readConnectionSettings(config({ "vectara:apiKey": "k", "vectara:clientId": "id", "vectara:clientSecret": "s" }), vectaraProfile, {});
    expect(s.credentials).toEqual({ kind: "apiKey", apiKey: "k", oauthAlsoSet: true });
  });

  it("records nothing when the OAuth client is incomplete", () => {
    const s = readConnectionSettings(config({ "vectara:apiKey": "k" }), vectaraProfile, { VECTARA_CLIENT_SECRET: "s" });
    expect(s.credentials).toEqual({ kind: "apiKey", apiKey: "k" });
  });
});
