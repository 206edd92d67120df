// Every bad ConnectUser input, through the real provider host's Check: a CheckFailure naming the
// property, no thrown stack trace, and not one request to the API.
import { ConnectEmulator } from "../../emulator/connect/server";
import { badInputs } from "../unit/connect/bad-inputs";
import { checkThroughHost } from "./check-through-host";

const suite = checkThroughHost({
  example: "examples/connect-users", project: "connect-users", type: "pulumi-nodejs:dynamic/connect:User", entry: "pulumi-saas-users/connect-user",
  start: () => ConnectEmulator.start(),
  config: (e) => ({ "connect:serverUrl": e.serverUrl, "connect:apiKey": e.apiKey }),
  secretKeys: ["connect:apiKey"],
  badInputs,
});

test("valid input passes Check through the host, with its defaults", async () => {
  const { inputs, failures } = await suite.check({ username: "eve", userRole: "viewer" });
  expect(failures).toEqual([]);
  expect(inputs).toMatchObject({ username: "eve", userRole: "viewer", locked: false, adoptExisting: false, onDelete: "lock" });
  expect(suite.host.hostOutput()).not.toMatch(/Error|at /);
});
