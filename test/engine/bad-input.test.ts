// Every bad VectaraUser input, through the real provider host's Check: a CheckFailure naming the
// property, no thrown stack trace, and not one request to the API.
import { VectaraEmulator } from "../../emulator/vectara/server";
import { badInputs } from "../unit/vectara/bad-inputs";
import { checkThroughHost } from "./check-through-host";

const suite = checkThroughHost({
  example: "examples/quickstart", project: "vectara-users-quickstart", type: "pulumi-nodejs:dynamic/vectara:User", entry: "pulumi-saas-users/vectara-user",
  start: () => VectaraEmulator.start(),
  config: (e) => ({ "vectara:apiUrl": e.url, "vectara:apiKey": e.apiKey }),
  secretKeys: ["vectara:apiKey"],
  badInputs,
});

test("valid input passes Check through the host, normalised", async () => {
  const { inputs, failures } = await suite.check({ email: "eve@example.com", apiRoles: ["viewer", "owner", "viewer"] });
  expect(failures).toEqual([]);
  expect(inputs).toMatchObject({ username: "eve@example.com", apiRoles: ["owner", "viewer"], enabled: true });
  expect(suite.host.hostOutput()).not.toMatch(/Error|at /);
});
