/**
 * ConnectUser conformance: provider → Prism (proxy, --errors) → Connect emulator, judged against
 * Connect's spec (./specs/connect.subset.json). Every request the provider sends and every answer
 * the emulator gives must carry no violation; then the provider runs against Prism's mock of the
 * same spec, with no emulator at all.
 */
import path from "node:path";
import { ConnectEmulator } from "../../emulator/connect/server";
import { connectProfile } from "../../provider/connect/profile";
import { usersApi, type UsersApi } from "../../provider/connect/users/api";
import { checkUser } from "../../provider/connect/users/logic";
import { connectUserProvider } from "../../provider/connect/users/provider";
import { ApiClient } from "../../provider/core/client";
import { readConnectionSettings } from "../../provider/core/settings";
import { Transport, type Attempt, type RawResponse } from "../../provider/core/transport";
import { violationsIn, type Violation } from "./judge";
import { startPrisms, type Prism } from "./prism";

const SPEC = path.resolve(__dirname, "specs/connect.subset.json");

/**
 * The provider's transport, keeping Prism's verdict on every attempt and each status. The spec's
 * server is the relative `/__api__`, which Prism 5.16 does not strip from a request's path before
 * matching it to the spec's paths (its router matches servers only for absolute URLs); so the
 * server part is taken off here, and Prism's proxy puts it back (its upstream is the emulator's
 * `/__api__`). The provider still builds every path itself.
 */
class JudgedTransport extends Transport {
  readonly violations: Violation[] = [];
  readonly seen: string[] = [];
  constructor(private readonly headers: Record<string, string> = {}) {
    super(16);
  }
  override async send(origin: URL, attempt: Attempt): Promise<RawResponse> {
    expect(attempt.path.startsWith("/__api__/")).toBe(true);
    const response = await super.send(origin, { ...attempt, path: attempt.path.slice("/__api__".length), headers: { ...attempt.headers, ...this.headers } });
    this.violations.push(...violationsIn(attempt.method, attempt.path, response));
    this.seen.push(`${attempt.method} ${attempt.path.split("?")[0]!.replace(/[0-9a-f-]{36}/, "{guid}")} ${response.status}`);
    return response;
  }
}

function providerVia(url: string, apiKey: string, transport: JudgedTransport) {
  const values: Record<string, string> = { "connect:serverUrl": url, "connect:apiKey": apiKey, "connect:maxRetries": "0" };
  const client = new ApiClient(readConnectionSettings({ get: (k) => values[k] }, connectProfile, {}), { profile: connectProfile, logger: { debug: () => undefined, warn: () => undefined }, transport });
  const api: UsersApi = usersApi(client);
  const provider = connectUserProvider({ api: () => api, logger: () => ({ debug: () => undefined, warn: () => undefined }) }) as Required<Omit<ReturnType<typeof connectUserProvider>, "configure" | "invoke">>;
  return { provider, api, close: () => client.close() };
}

const inputsOf = (news: Record<string, unknown>) => {
  const { inputs, failures } = checkUser(news);
  if (failures.length) throw new Error(JSON.stringify(failures));
  return inputs;
};
const describe_ = (v: Violation) => `${v.request}: ${v.side}${v.field ? `.${v.field}` : ""} — ${v.message} [${v.severity}]`;

let emulator: ConnectEmulator;
let ldap: ConnectEmulator;
let prism: Prism;
let prismLdap: Prism;
let mock: Prism;
beforeAll(async () => {
  [emulator, ldap] = await Promise.all([ConnectEmulator.start(), ConnectEmulator.start({ authKind: "ldap" })]);
  [prism, prismLdap, mock] = (await startPrisms(
    { mode: "proxy", upstream: `${emulator.url}/__api__`, spec: SPEC },
    { mode: "proxy", upstream: `${ldap.url}/__api__`, spec: SPEC },
    { mode: "mock", spec: SPEC },
  )) as [Prism, Prism, Prism];
});
afterAll(async () => {
  await Promise.all([prism?.stop(), prismLdap?.stop(), mock?.stop()]);
  await Promise.all([emulator?.close(), ldap?.close()]);
});

test("the provider's whole lifecycle on a password server: 0 violations on either side", async () => {
  const t = new JudgedTransport();
  const { provider, api, close } = providerVia(prism.url, emulator.apiKey, t);
  try {
    emulator.setKeyOwner(emulator.seedUser({ username: "root", user_role: "administrator" }).guid);
    emulator.seedUser({ username: "taken", email: "taken@example.com" });
    const { id, outs } = await provider.create(inputsOf({ username: "alice", email: "alice@example.com", firstName: "Alice", lastName: "L", userRole: "publisher", password: "wonderland", externalId: "ext-1" }));
    const { outs: renamed } = await provider.update(id, outs, inputsOf({ username: "alice2", email: "alice@example.com", userRole: "viewer", locked: true }));
    expect(renamed).toMatchObject({ username: "alice2", userRole: "viewer", locked: true });
    await provider.read(id, renamed);
    await expect(provider.create(inputsOf({ username: "taken" }))).rejects.toThrow(/already exists/);
    await provider.create(inputsOf({ username: "taken", userRole: "publisher", adoptExisting: true }));
    await provider.create(inputsOf({ username: "bob", userMustSetPassword: true, locked: true }));
    await provider.delete(id, renamed);
    emulator.deleteUser(id);
    expect(await provider.read(id, renamed)).toEqual({});
    await provider.delete(id, renamed);
    const all = [];
    for (let p = await api.page(undefined, {}, 2); ; p = await api.page(p.next, {}, 2)) {
      all.push(...p.items);
      if (p.next === undefined) break;
    }
    expect(all.map((u) => u.username)).toEqual(["root", "taken", "bob"]);
    await api.list({ userRole: "viewer", accountStatus: "locked", pageSize: 500 });
    expect(t.seen).toEqual(expect.arrayContaining([
      "POST /__api__/v1/users 200", "PUT /__api__/v1/users/{guid} 200", "POST /__api__/v1/users/{guid}/lock 200", "GET /__api__/v1/users/{guid} 200",
      "POST /__api__/v1/users 409", "GET /__api__/v1/users 200", "GET /__api__/v1/users/{guid} 404", "POST /__api__/v1/users/{guid}/lock 404",
      "GET /__api__/v1/user 200",
    ]));
    expect(t.violations.map(describe_)).toEqual([]);
    expect(prism.violationLines()).toEqual([]);
  } finally {
    await close();
  }
});

test("the LDAP import (120, remote search, PUT with a ticket) and refused edits: 0 violations", async () => {
  const t = new JudgedTransport();
  const { provider, close } = providerVia(prismLdap.url, ldap.apiKey, t);
  try {
    ldap.addDirectoryUser({ username: "frank", email: "frank@corp.example.com" });
    const { id, outs } = await provider.create(inputsOf({ username: "frank", userRole: "publisher" }));
    await expect(provider.update(id, outs, inputsOf({ username: "frank", email: "other@example.com" }))).rejects.toThrow(/code 46/);
    expect(t.seen).toEqual([
      "POST /__api__/v1/users 400", "GET /__api__/v1/users/remote 200", "PUT /__api__/v1/users 200", "PUT /__api__/v1/users/{guid} 200", "GET /__api__/v1/users/{guid} 200",
      "PUT /__api__/v1/users/{guid} 400",
    ]);
    expect(t.violations.map(describe_)).toEqual([]);
    expect(prismLdap.violationLines()).toEqual([]);
  } finally {
    await close();
  }
});

test("the provider runs against Prism's mock of the spec: create, update, read; a lock of the key's own user is refused", async () => {
  const t = new JudgedTransport({ prefer: "dynamic=false" });
  const { provider, close } = providerVia(mock.url, "any-key", t);
  try {
    const { id, outs } = await provider.create(inputsOf({ username: "mocked", userRole: "viewer" }));
    expect(typeof id).toBe("string");
    await provider.update(id, outs, inputsOf({ username: "mocked2" }));
    await provider.read(id, outs);
    // The static mock answers the spec's one example user everywhere, GET /v1/user included: to
    // the provider every user is the API key's own, which it never locks (nothing is sent).
    const before = t.seen.length;
    await expect(provider.update(id, { ...outs, locked: false }, inputsOf({ username: outs.username, locked: true }))).rejects.toThrow(/the API key's own account/);
    await expect(provider.delete(id, outs)).rejects.toThrow(/the API key's own account/);
    expect(t.seen.slice(before)).toEqual(["GET /__api__/v1/user 200"]);
    expect(t.violations.map(describe_)).toEqual([]);
    expect(t.seen.every((s) => / 200$/.test(s))).toBe(true);
  } finally {
    await close();
  }
});
