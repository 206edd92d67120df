import { networkInterfaces } from "node:os";
import { ConnectEmulator } from "../../emulator/connect/server";
import { connect } from "../../provider/connect/profile";
import { usersApi } from "../../provider/connect/users/api";
import { connectUserProvider } from "../../provider/connect/users/provider";
import { connectInputs } from "./connect-setup";

/**
 * A Connect server on plain HTTP inside a network: the emulator listens on a non-loopback IPv4
 * address of this machine. Without connect:allowInsecureHttp nothing is sent; with it, the
 * provider works and warns that the key travels in clear.
 */
const address = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal)?.address;
const suite = address ? describe : describe.skip;
if (!address) console.warn("connect-insecure-http: this machine has no non-loopback IPv4 address; the URL rule is covered by test/unit/connect/profile.test.ts");

suite("Connect over plain http to a non-loopback address", () => {
  let emulator: ConnectEmulator;
  const warnings: string[] = [];
  const logger = { debug: () => undefined, warn: (m: string) => void warnings.push(m) };
  const provider = connectUserProvider({ api: () => usersApi(connect.client()), logger: () => logger });
  const configure = (extra: Record<string, string>) => {
    const values: Record<string, string> = { "connect:serverUrl": emulator.serverUrl, "connect:apiKey": emulator.apiKey, ...extra };
    connect.configure({ get: (key) => values[key] }, logger, {});
  };

  beforeAll(async () => {
    emulator = await ConnectEmulator.start({ host: address });
  });
  afterEach(() => {
    warnings.length = 0;
    emulator.reset();
  });
  afterAll(async () => {
    await connect.close();
    await emulator.close();
  });

  it("listens where a network client reaches it, not on loopback", () => {
    expect(emulator.serverUrl).toBe(`http://${address}:${new URL(emulator.serverUrl).port}`);
  });

  it("refuses the server without the opt-in, naming connect:allowInsecureHttp, and sends nothing", async () => {
    configure({});
    await expect(provider.create!(connectInputs({ username: "alice" }))).rejects.toThrow(/connect:serverUrl must use https:\/\/.*set connect:allowInsecureHttp to true/);
    expect(emulator.requests).toHaveLength(0);
  });

  it("creates and reads a user with connect:allowInsecureHttp true, and warns once that the key travels unencrypted", async () => {
    configure({ "connect:allowInsecureHttp": "true" });
    const { id, outs } = await provider.create!(connectInputs({ username: "alice", email: "alice@example.com" }));
    await provider.read!(id, outs);
    expect(emulator.userNamed("alice")?.guid).toBe(id);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`connect:allowInsecureHttp is true and the server is plain http://${address!.replace(/\./g, "\\.")}:\\d+: the API key .* unencrypted`))]);
    expect(warnings.join()).not.toContain(emulator.apiKey);
  });
});
