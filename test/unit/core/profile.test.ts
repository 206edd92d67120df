import * as fs from "node:fs";
import * as path from "node:path";
import { forAccount } from "../../../provider/core/account";
import { hintsFor, type ServiceProfile } from "../../../provider/core/profile";
import { readConnectionSettings, requireConnection } from "../../../provider/core/settings";
import { ApiClient } from "../../../provider/core/client";
import type { Transport } from "../../../provider/core/transport";

/** A service the core has never heard of: Bearer keys, a required server URL, a vendor's own env name. */
const acme: ServiceProfile = {
  service: "Acme",
  namespace: "acme",
  envPrefix: "ACME",
  envAliases: { serverUrl: "ACME_SERVER" },
  apiUrl: { key: "serverUrl", normalise: (url) => new URL(url.pathname.endsWith("/api") ? url.href : `${url.href.replace(/\/$/, "")}/api`) },
  apiKey: { header: "authorization", scheme: "Bearer" },
  parseErrorBody: () => ({}),
  paging: { style: "pageNumber", sizeParam: "page_size", numberParam: "page_number", firstPage: 1 },
};
const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("a service profile drives the settings", () => {
  it("reads the profile's URL key and normalises it", () => {
    const s = readConnectionSettings(config({ "acme:serverUrl": "https://acme.example.com", "acme:apiKey": "k" }), acme, {});
    expect(s.apiUrl?.href).toBe("https://acme.example.com/api");
    expect(s.credentials).toEqual({ kind: "apiKey", apiKey: "k" });
    expect(s.tokenUrl).toBeUndefined();
  });

  it("reads no OAuth client for a service without OAuth2", () => {
    expect(readConnectionSettings(config({ "acme:clientId": "id", "acme:clientSecret": "s" }), acme, {}).credentials).toBeUndefined();
  });

  it("says which key to set when a required URL is missing, and which for credentials", () => {
    const s = readConnectionSettings(config({ "acme:apiKey": "k" }), acme, {});
    expect(() => requireConnection(s, acme)).toThrow(/pulumi config set acme:serverUrl/);
    const noKey = readConnectionSettings(config({ "acme:serverUrl": "https://a.example.com" }), acme, {});
    expect(() => requireConnection(noKey, acme)).toThrow(/pulumi config set acme:apiKey --secret/);
  });

  it("builds its hints from the namespace and the URL key", () => {
    const hints = hintsFor(acme);
    expect(hints.UNAUTHORIZED).toBe("check the credentials: `pulumi config set acme:apiKey --secret`");
    expect(hints.NETWORK).toBe("check acme:serverUrl and the network path to it");
    expect(Object.values(hints).join(" ")).not.toMatch(/vectara/i);
  });
});

describe("hints for the service's own error codes", () => {
  const withCodes: ServiceProfile = {
    ...acme,
    parseErrorBody: (json) => ({ apiCode: String((json as { code?: unknown }).code), messages: ["said"] }),
    apiCodeHints: { "64": "a seat is needed" },
  };
  const answering = (status: number, body: object) => {
    const transport = { send: async () => ({ status, headers: {}, text: JSON.stringify(body) }), close: async () => undefined } as unknown as Transport;
    const settings = readConnectionSettings(config({ "acme:serverUrl": "https://a.example.com", "acme:apiKey": "k", "acme:maxRetries": "0" }), withCodes, {});
    return new ApiClient(settings, { profile: withCodes, logger: { debug: () => undefined, warn: () => undefined }, transport });
  };

  it("win over the status's hint when the body carries a code the profile knows", async () => {
    const error = await answering(400, { code: 64 }).send({ method: "GET", path: "/x", expect: [200] }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/400: GET \/api\/x — code 64; said — hint: a seat is needed$/);
  });

  it("leave the status's hint for a code the profile does not know", async () => {
    const error = await answering(401, { code: 3 }).send({ method: "GET", path: "/x", expect: [200] }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/hint: check the credentials/);
  });
});

describe("accounts", () => {
  it("give a second account its own namespace and environment prefix", () => {
    const staging = forAccount(acme, "eu-staging");
    expect(staging.namespace).toBe("acme-eu-staging");
    expect(staging.envPrefix).toBe("ACME_EU_STAGING");
    const s = readConnectionSettings(config({ "acme:serverUrl": "https://prod.example.com" }), staging, { ACME_EU_STAGING_SERVER_URL: "https://eu.example.com" });
    expect(s.apiUrl?.href).toBe("https://eu.example.com/api");
  });

  it("leave the vendor's own variable names to the default account", () => {
    expect(readConnectionSettings(config({}), acme, { ACME_SERVER: "https://a.example.com" }).apiUrl?.host).toBe("a.example.com");
    expect(readConnectionSettings(config({}), forAccount(acme, "b"), { ACME_SERVER: "https://a.example.com" }).apiUrl).toBeUndefined();
  });
});

test("provider/core names no service", () => {
  const dir = path.resolve(__dirname, "../../../provider/core");
  const named = fs.readdirSync(dir).flatMap((file) => {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    return /vectara|\barize\b|\bposit\b|\bconnect:|\bCONNECT_|ConnectUser/i.test(text) ? [file] : [];
  });
  expect(named).toEqual([]);
});
