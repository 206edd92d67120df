import { connectProfile } from "../../../provider/connect/profile";
import { forAccount } from "../../../provider/core/account";
import { readConnectionSettings } from "../../../provider/core/settings";

const settings = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => readConnectionSettings({ get: (k) => values[k] }, connectProfile, env);

describe("Connect settings", () => {
  test.each([
    ["https://connect.example.com", "https://connect.example.com/__api__"],
    ["https://connect.example.com/", "https://connect.example.com/__api__"],
    ["https://connect.example.com/__api__", "https://connect.example.com/__api__"],
    ["https://connect.example.com/__api__/", "https://connect.example.com/__api__"],
    ["https://example.com/rsc", "https://example.com/rsc/__api__"],
  ])("the server URL %s becomes %s", (given, api) => {
    expect(settings({ "connect:serverUrl": given }).apiUrl?.href).toBe(api);
  });

  it("reads CONNECT_SERVER and CONNECT_API_KEY, the names Connect's SDKs use", () => {
    const s = settings({}, { CONNECT_SERVER: "https://c.example.com", CONNECT_API_KEY: "k" });
    expect(s.apiUrl?.href).toBe("https://c.example.com/__api__");
    expect(s.credentials).toEqual({ kind: "apiKey", apiKey: "k" });
  });

  it("reads the numeric limits from CONNECT_*", () => {
    expect(settings({}, { CONNECT_MAX_RETRIES: "2", CONNECT_REQUEST_TIMEOUT_MS: "1000" })).toMatchObject({ maxRetries: 2, requestTimeoutMs: 1000 });
  });

  it("allows plain http only for loopback", () => {
    expect(() => settings({ "connect:serverUrl": "http://connect.example.com" })).toThrow(/connect:serverUrl must use https/);
    expect(settings({ "connect:serverUrl": "http://127.0.0.1:3939" }).apiUrl?.href).toBe("http://127.0.0.1:3939/__api__");
  });

  it("refuses plain http to a network host by naming connect:allowInsecureHttp, the opt-in", () => {
    expect(() => settings({ "connect:serverUrl": "http://connect.internal:3939" })).toThrow(/set connect:allowInsecureHttp to true/);
  });

  it("takes plain http to a network host when connect:allowInsecureHttp is true, or CONNECT_ALLOW_INSECURE_HTTP", () => {
    expect(settings({ "connect:serverUrl": "http://10.1.2.3:3939", "connect:allowInsecureHttp": "true" })).toMatchObject({ allowInsecureHttp: true });
    expect(settings({ "connect:serverUrl": "http://10.1.2.3:3939" }, { CONNECT_ALLOW_INSECURE_HTTP: "TRUE" }).apiUrl?.href).toBe("http://10.1.2.3:3939/__api__");
  });

  it("keeps the opt-in per account: connect-lab:allowInsecureHttp does not open the default account", () => {
    const lab = forAccount(connectProfile, "lab");
    const values = { "connect-lab:serverUrl": "http://lab.internal:3939", "connect-lab:allowInsecureHttp": "true", "connect:serverUrl": "http://prod.internal:3939" };
    expect(readConnectionSettings({ get: (k) => values[k as keyof typeof values] }, lab, {}).apiUrl?.host).toBe("lab.internal:3939");
    expect(() => settings(values)).toThrow(/connect:serverUrl must use https/);
  });
});

describe("Connect error bodies", () => {
  it("give the numeric code and the text", () => {
    expect(connectProfile.parseErrorBody({ code: 8, error: "The requested username is already in use.", payload: null })).toEqual({ apiCode: "8", messages: ["The requested username is already in use."] });
  });

  test.each([undefined, "text", { error: 3 }, null])("%j yields nothing", (body) => {
    expect(connectProfile.parseErrorBody(body)).toEqual({});
  });
});
