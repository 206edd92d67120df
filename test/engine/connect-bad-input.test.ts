// Every bad ConnectUser input, through the real provider host's Check: a CheckFailure naming the
// property, no thrown stack trace, and not one request to the API.
import * as path from "node:path";
import { ConnectEmulator } from "../../emulator/connect/server";
import { ProviderHost } from "../harness/host";
import { badInputs } from "../unit/connect/bad-inputs";

const repo = path.resolve(__dirname, "../..");
const programDir = path.join(repo, "examples/connect-users");
const urn = "urn:pulumi:dev::connect-users::pulumi-nodejs:dynamic/connect:User::eve";

let emulator: ConnectEmulator;
let host: ProviderHost;
let provider: string;

beforeAll(async () => {
  emulator = await ConnectEmulator.start();
  host = await ProviderHost.start({ programDir, project: "connect-users" });
  await host.configure({ "connect:serverUrl": emulator.serverUrl, "connect:apiKey": emulator.apiKey }, ["connect:apiKey"]);
  // The same __provider a program would register, serialized by Pulumi's own closure serializer.
  const { hostedProvider } = require(path.join(repo, "dist/provider/core/dynamic-loader.js"));
  const { serializeFunction } = require("@pulumi/pulumi/runtime/closure/serializeClosure");
  const p = hostedProvider("pulumi-saas-users/connect-user");
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

test("valid input passes Check through the host, with its defaults", async () => {
  const { inputs, failures } = await host.check(urn, {}, { username: "eve", userRole: "viewer", __provider: provider });
  expect(failures).toEqual([]);
  expect(inputs).toMatchObject({ username: "eve", userRole: "viewer", locked: false, adoptExisting: false, onDelete: "lock" });
  expect(host.hostOutput()).not.toMatch(/Error|at /);
});
