// Every bad input of every service's user resource, through the real provider host's Check: a
// CheckFailure naming the property, no thrown stack trace, and not one request to the API; and a
// valid input passes, normalised and with its defaults.
import { badInputs as connectBadInputs } from "../unit/connect/bad-inputs";
import { badInputs as vectaraBadInputs } from "../unit/vectara/bad-inputs";
import { checkThroughHost } from "./check-through-host";
import { connectStack, vectaraStack } from "./service-stack";

describe.each([
  {
    stack: vectaraStack, kind: "VectaraUser", badInputs: vectaraBadInputs,
    valid: { email: "eve@example.com", apiRoles: ["viewer", "owner", "viewer"] },
    checked: { username: "eve@example.com", apiRoles: ["owner", "viewer"], enabled: true },
  },
  {
    stack: connectStack, kind: "ConnectUser", badInputs: connectBadInputs,
    valid: { username: "eve", userRole: "viewer" },
    checked: { username: "eve", userRole: "viewer", locked: false, adoptExisting: false, onDelete: "lock" },
  },
])("$kind", ({ stack, kind, badInputs, valid, checked }) => {
  const suite = checkThroughHost(stack, kind, badInputs);

  test("valid input passes Check through the host, normalised, with its defaults", async () => {
    const { inputs, failures } = await suite.check(valid);
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject(checked);
    expect(suite.host.hostOutput()).not.toMatch(/Error|at /);
  });
});
