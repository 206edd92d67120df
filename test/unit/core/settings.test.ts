import { envName, readConnectionSettings, requireCredentials } from "../../../provider/core/settings";
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
