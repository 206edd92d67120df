import { ConnectEmulator } from "../../emulator/connect/server";
import { connect } from "../../provider/connect/profile";
import { usersApi } from "../../provider/connect/users/api";
import { connectUserProvider } from "../../provider/connect/users/provider";
import { checkedInputs } from "./service-setup";

const connectInputs = checkedInputs("connect", "ConnectUser");

/**
 * A Connect server on plain HTTP inside a network. Tests send traffic to 127.0.0.1 only, so the
 * server outside loopback (http://connect.internal:3939) is never contacted: without
 * connect:allowInsecureHttp the provider refuses it before any request; with it, the client made
 * for it warns that the key travels in clear. Plain http with the opt-in set reaches the emulator
 * on 127.0.0.1 as before.
 */
describe("Connect over plain http", () => {
  let emulator: ConnectEmulator;
  const warnings: string[] = [];
  const logger = { debug: () => undefined, warn: (m: string) => void warnings.push(m) };
  const provider = connectUserProvider({ api: () => usersApi(connect.client()), logger: () => logger });
  const configure = (values: Record<string, string>) => connect.configure({ get: (key) => values[key] }, logger, {});

  beforeAll(async () => {
    emulator = await ConnectEmulator.start();
  });
  afterEach(() => {
    warnings.length = 0;
    emulator.reset();
  });
  afterAll(async () => {
    await connect.close();
    await emulator.close();
  });

  it("refuses a plain-http server outside loopback without the opt-in, naming connect:allowInsecureHttp, before any request", async () => {
    configure({ "connect:serverUrl": "http://connect.internal:3939", "connect:apiKey": emulator.apiKey });
    await expect(provider.create!(connectInputs({ username: "alice" }))).rejects.toThrow(/connect:serverUrl must use https:\/\/.*set connect:allowInsecureHttp to true/);
    expect(warnings).toEqual([]);
  });

  it("with the opt-in, warns once for that server that the key travels unencrypted, never showing the key", () => {
    configure({ "connect:serverUrl": "http://connect.internal:3939", "connect:apiKey": emulator.apiKey, "connect:allowInsecureHttp": "true" });
    connect.client(); // made as a first request would make it; it opens no connection until it sends one
    expect(warnings).toEqual([expect.stringMatching(/connect:allowInsecureHttp is true and the server is plain http:\/\/connect\.internal:3939: the API key .* unencrypted/)]);
    expect(warnings.join()).not.toContain(emulator.apiKey);
  });

  it("with the opt-in, plain http on loopback works as before and warns of nothing", async () => {
    configure({ "connect:serverUrl": emulator.serverUrl, "connect:apiKey": emulator.apiKey, "connect:allowInsecureHttp": "true" });
    const { id } = await provider.create!(connectInputs({ username: "alice", email: "alice@example.com" }));
    expect(emulator.userNamed("alice")?.guid).toBe(id);
    expect(warnings).toEqual([]);
  });
});
