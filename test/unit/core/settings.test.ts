import { ServiceConnections } from "../../../provider/core/connection";
import { envName, insecureHttpWarning, readConnectionSettings, requireCredentials } from "../../../provider/core/settings";
import { vectaraProfile } from "../../../provider/vectara/profile";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("readConnectionSettings", () => {
  it("uses the documented defaults", () => {
    const s = readConnectionSettings(config({}), vectaraProfile, {});
    expect(s.apiUrl?.href).toBe("https://api.vectara.io/");
    expect(s.tokenUrl?.href).toBe("https://auth.vectara.io/oauth2/token");
    expect(s.credentials).toBeUndefined();
  });

  it("prefers stack config over the environment twin", () => {
    const s = readConnectionSettings(config({ "vectara:apiKey": "from-config" }), vectaraProfile, { VECTARA_API_KEY: "from-env" });
    expect(s.credentials).toEqual({ kind: "apiKey", apiKey: "from-config" });
  });

  it("falls back to the environment", () => {
    const s = readConnectionSettings(config({}), vectaraProfile, { VECTARA_CLIENT_ID: "id", VECTARA_CLIENT_SECRET: "s", VECTARA_MAX_RETRIES: "2" });
    expect(s.credentials).toEqual({ kind: "oauth", clientId: "id", clientSecret: "s" });
    expect(s.maxRetries).toBe(2);
  });

  it("names env twins after the config keys", () => {
    expect(envName("vectara", "requestTimeoutMs")).toBe("VECTARA_REQUEST_TIMEOUT_MS");
  });

  it.each(["http://api.example.com", "ftp://127.0.0.1"])("refuses the non-https, non-loopback URL %s", (url) => {
    expect(() => readConnectionSettings(config({ "vectara:apiUrl": url }), vectaraProfile, {})).toThrow(/vectara:apiUrl must use https/);
  });

  it.each(["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"])("allows plain http to the loopback host %s", (url) => {
    expect(readConnectionSettings(config({ "vectara:apiUrl": url }), vectaraProfile, {}).apiUrl?.protocol).toBe("http:");
  });

  it("refuses a malformed number with the key's name", () => {
    expect(() => readConnectionSettings(config({ "vectara:maxRetries": "lots" }), vectaraProfile, {})).toThrow(/vectara:maxRetries must be a number/);
  });

  it("says how to provide credentials when none are set, without printing any value", () => {
    const s = readConnectionSettings(config({ "vectara:clientId": "only-id" }), vectaraProfile, {});
    expect(() => requireCredentials(s, vectaraProfile)).toThrow(/pulumi config set vectara:apiKey --secret/);
  });
});

describe("the plain-http opt-in (profiles with insecureHttpOptIn)", () => {
  const lab = { ...vectaraProfile, insecureHttpOptIn: true };

  it("is not offered by a profile without insecureHttpOptIn: vectara:allowInsecureHttp is not even read", () => {
    expect(() => readConnectionSettings(config({ "vectara:apiUrl": "http://api.example.com", "vectara:allowInsecureHttp": "true" }), vectaraProfile, {})).toThrow(/must use https/);
    expect(() => readConnectionSettings(config({ "vectara:apiUrl": "http://api.example.com" }), vectaraProfile, {})).not.toThrow(/allowInsecureHttp/);
  });

  it("lets http:// reach any host, the token URL included, only when the key is true", () => {
    const s = readConnectionSettings(config({ "vectara:apiUrl": "http://10.0.0.5:8080", "vectara:authUrl": "http://10.0.0.6/token", "vectara:allowInsecureHttp": "true" }), lab, {});
    expect([s.apiUrl?.host, s.allowInsecureHttp]).toEqual(["10.0.0.5:8080", true]);
    expect(() => readConnectionSettings(config({ "vectara:apiUrl": "http://10.0.0.5:8080", "vectara:allowInsecureHttp": "false" }), lab, {})).toThrow(/set vectara:allowInsecureHttp to true/);
  });

  it("refuses a value other than true or false, naming the key", () => {
    expect(() => readConnectionSettings(config({ "vectara:allowInsecureHttp": "yes" }), lab, {})).toThrow(/vectara:allowInsecureHttp must be true or false/);
  });

  it("never opens ftp:// or other schemes", () => {
    expect(() => readConnectionSettings(config({ "vectara:apiUrl": "ftp://10.0.0.5", "vectara:allowInsecureHttp": "true" }), lab, {})).toThrow(/must use https/);
  });

  it("warns, naming the key and the host and no credential, only for plain http to a network host", () => {
    const open = readConnectionSettings(config({ "vectara:apiUrl": "http://10.0.0.5:8080", "vectara:apiKey": "zqx-secret", "vectara:allowInsecureHttp": "true" }), lab, {});
    const warning = insecureHttpWarning(open, lab) ?? "";
    expect(warning).toMatch(/vectara:allowInsecureHttp is true and the server is plain http:\/\/10\.0\.0\.5:8080: the API key .* unencrypted/);
    expect(warning).not.toContain("zqx-secret");
    const local = readConnectionSettings(config({ "vectara:apiUrl": "http://127.0.0.1:8080", "vectara:allowInsecureHttp": "true" }), lab, {});
    expect(insecureHttpWarning(local, lab)).toBeUndefined();
  });

  it("is said once per client a provider process makes (so on every run), through the provider's logger", () => {
    const warnings: string[] = [];
    const connections = new ServiceConnections(lab);
    connections.configure(config({ "vectara:apiUrl": "http://10.0.0.5:8080", "vectara:apiKey": "k", "vectara:allowInsecureHttp": "true" }), { debug: () => undefined, warn: (m) => warnings.push(m) }, {});
    connections.client();
    connections.client();
    expect(warnings).toHaveLength(1);
    void connections.close();
  });
});
