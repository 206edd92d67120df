import { checkUser, diffUser, toOutputs } from "../../../provider/vectara/users/logic";
import { apiUser, type UserInputs } from "../../../provider/vectara/users/schema";

const base = checkUser({ email: "alice@example.com", apiRoles: ["viewer"] }).inputs as unknown as UserInputs;
const serverUser = (api_policy: unknown) => apiUser.parse({ id: "usr_1", email: "alice@example.com", username: "alice@example.com", api_roles: ["viewer"], api_policy });

describe("apiPolicy output", () => {
  it("carries User.api_policy in output names, operations and resource paths as the server gives them, sorted", () => {
    const user = serverUser({
      name: "viewer",
      allowed_operations: {
        getUser: { allow_any_resource: true },
        getCorpus: { allow_any_resource: false, allowed_resources: { "path.corpus_key": ["docs", "faq"] } },
      },
    });
    expect(toOutputs(user, base, "alice@example.com").apiPolicy).toEqual({
      name: "viewer",
      allowedOperations: {
        getCorpus: { allowAnyResource: false, allowedResources: { "path.corpus_key": ["docs", "faq"] } },
        getUser: { allowAnyResource: true },
      },
    });
  });

  it("reads a null operation policy as allowed on any resource, as the spec says", () => {
    const out = toOutputs(serverUser({ name: "owner", allowed_operations: { listUsers: null } }), base, "alice@example.com");
    expect(out.apiPolicy?.allowedOperations).toEqual({ listUsers: { allowAnyResource: true } });
  });

  it("is absent when the server reports none, and a policy of an unknown shape does not fail the read", () => {
    expect(toOutputs(serverUser(undefined), base, "alice@example.com")).not.toHaveProperty("apiPolicy");
    expect(toOutputs(serverUser({ name: 7 }), base, "alice@example.com")).not.toHaveProperty("apiPolicy");
  });

  it("never causes a diff: a changed, new or vanished policy is no change", () => {
    const policy = { name: "viewer", allowedOperations: { getUser: { allowAnyResource: true } } };
    const outputs = { ...base, vectaraId: "usr_1", apiPolicy: policy };
    expect(diffUser(outputs, base)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, updates: [] });
    expect(diffUser(outputs, { ...base, apiPolicy: { name: "owner", allowedOperations: {} } } as UserInputs).changes).toBe(false);
  });

  it("is an output only: the check ignores it in the inputs", () => {
    expect(checkUser({ email: "a@example.com", apiPolicy: undefined }).failures).toEqual([]);
  });
});
