// Every bad input, through the real provider host's Check: a CheckFailure naming the property, no
// thrown stack trace, and not one request to the API.
import * as path from "node:path";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { ProviderHost } from "../harness/host";
import { badInputs } from "../unit/vectara/bad-inputs";

const repo = path.resolve(__dirname, "../..");
const programDir = path.join(repo, "examples/quickstart");
const urn = "urn:pulumi:dev::vectara-users-quickstart::pulumi-nodejs:dynamic/vectara:User::eve";

let emulator: VectaraEmulator;
let host: ProviderHost;
let provider: string;

beforeAll(async () => {
  emulator = await VectaraEmulator.start();
  host = await ProviderHost.start({ programDir, project: "vectara-users-quickstart" });
  await host.configure({ "vectara:apiUrl": emulator.url, "vectara:apiKey": emulator.apiKey }, ["vectara:apiKey"]);
  // The same __provider a program would register, serialized by Pulumi's own closure serializer.
  const { hostedProvider } = require(path.join(repo, "dist/provider/core/dynamic-loader.js"));
  const { serializeFunction } = require("@pulumi/pulumi/runtime/closure/serializeClosure");
  const p = hostedProvider("pulumi-saas-users/vectara-user");
  provider = (await serializeFunction(() => p, { allowSecrets: true })).text;
});
afterAll(async () => {
  await host?.stop();
  await emulator?.close();
});

test.each(badInputs)("%s fails Check on its property, with no request", async (_case, news, property) => {
  const { failures } = await host.check(urn, {}, { ...news, __provider: provider });
  expect(failures.map((f) => f.property)).toContain(property);
  expect(emulator.requests).toEqual([]);
});

test("valid input passes Check through the host, normalised", async () => {
  const { inputs, failures } = await host.check(urn, {}, { email: "eve@example.com", apiRoles: ["viewer", "owner", "viewer"], __provider: provider });
  expect(failures).toEqual([]);
  expect(inputs).toMatchObject({ username: "eve@example.com", apiRoles: ["owner", "viewer"], enabled: true });
  expect(host.hostOutput()).not.toMatch(/Error|at /);
});
