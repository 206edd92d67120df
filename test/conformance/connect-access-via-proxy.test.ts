/**
 * ConnectGroup, ConnectGroupMembership and ConnectContentPermission conformance: provider → Prism
 * (proxy, --errors) → Connect emulator, judged against the committed subset of Connect's groups
 * and content-permissions operations (./specs/connect-access.subset.json). Every request the
 * provider sends and every answer the emulator gives must carry no violation.
 */
import path from "node:path";
import { ConnectEmulator } from "../../emulator/connect/server";
import { groupsApi } from "../../provider/connect/groups/api";
import { checkGroup } from "../../provider/connect/groups/logic";
import { connectGroupProvider } from "../../provider/connect/groups/provider";
import { checkMembership } from "../../provider/connect/memberships/logic";
import { connectGroupMembershipProvider } from "../../provider/connect/memberships/provider";
import { permissionsApi } from "../../provider/connect/permissions/api";
import { checkPermission } from "../../provider/connect/permissions/logic";
import { connectContentPermissionProvider } from "../../provider/connect/permissions/provider";
import { connectProfile } from "../../provider/connect/profile";
import { ApiClient } from "../../provider/core/client";
import { readConnectionSettings } from "../../provider/core/settings";
import { Transport, type Attempt, type RawResponse } from "../../provider/core/transport";
import { violationsIn, type Violation } from "./judge";
import { startPrisms, type Prism } from "./prism";

const SPEC = path.resolve(__dirname, "specs/connect-access.subset.json");

/** The provider's transport, keeping Prism's verdict on every attempt (see connect-via-proxy.test.ts for the `/__api__` detail). */
class JudgedTransport extends Transport {
  readonly violations: Violation[] = [];
  readonly seen: string[] = [];
  constructor() {
    super(16);
  }
  override async send(origin: URL, attempt: Attempt): Promise<RawResponse> {
    expect(attempt.path.startsWith("/__api__/")).toBe(true);
    const response = await super.send(origin, { ...attempt, path: attempt.path.slice("/__api__".length) });
    this.violations.push(...violationsIn(attempt.method, attempt.path, response));
    this.seen.push(`${attempt.method} ${attempt.path.split("?")[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{guid}")} ${response.status}`);
    return response;
  }
}

type Hosted = Required<Omit<ReturnType<typeof connectGroupProvider>, "configure" | "invoke">>;
const quiet = { debug: () => undefined, warn: () => undefined };

function providersVia(url: string, apiKey: string, transport: JudgedTransport) {
  const values: Record<string, string> = { "connect:serverUrl": url, "connect:apiKey": apiKey, "connect:maxRetries": "0" };
  const client = new ApiClient(readConnectionSettings({ get: (k) => values[k] }, connectProfile, {}), { profile: connectProfile, logger: quiet, transport });
  return {
    group: connectGroupProvider({ api: () => groupsApi(client), logger: () => quiet }) as Hosted,
    membership: connectGroupMembershipProvider({ api: () => groupsApi(client), logger: () => quiet }) as Hosted,
    permission: connectContentPermissionProvider({ api: () => permissionsApi(client), logger: () => quiet }) as Hosted,
    close: () => client.close(),
  };
}

const checked = (check: (n: Record<string, unknown>) => { inputs: Record<string, unknown>; failures: unknown[] }) => (news: Record<string, unknown>) => {
  const { inputs, failures } = check(news);
  if (failures.length) throw new Error(JSON.stringify(failures));
  return inputs;
};
const groupInputs = checked(checkGroup);
const membershipInputs = checked(checkMembership);
const permissionInputs = checked(checkPermission);
const describe_ = (v: Violation) => `${v.request}: ${v.side}${v.field ? `.${v.field}` : ""} — ${v.message} [${v.severity}]`;

let emulator: ConnectEmulator;
let ldap: ConnectEmulator;
let prism: Prism;
let prismLdap: Prism;
beforeAll(async () => {
  [emulator, ldap] = await Promise.all([ConnectEmulator.start(), ConnectEmulator.start({ authKind: "ldap" })]);
  [prism, prismLdap] = (await startPrisms(
    { mode: "proxy", upstream: `${emulator.url}/__api__`, spec: SPEC },
    { mode: "proxy", upstream: `${ldap.url}/__api__`, spec: SPEC },
  )) as [Prism, Prism];
});
afterAll(async () => {
  await Promise.all([prism?.stop(), prismLdap?.stop()]);
  await Promise.all([emulator?.close(), ldap?.close()]);
});

test("groups, members and content permissions on a password server: 0 violations on either side", async () => {
  const t = new JudgedTransport();
  const p = providersVia(prism.url, emulator.apiKey, t);
  try {
    const owner = emulator.seedUser({ username: "owner", user_role: "publisher" });
    const ann = emulator.seedUser({ username: "ann", user_role: "publisher" });
    const users = Array.from({ length: 10 }, (_, i) => emulator.seedUser({ username: `u${i}` }));
    const content = emulator.seedContent("dashboard", owner.guid);
    emulator.seedGroup("taken");

    // ConnectGroup: create with an owner, rename, a taken name, adopt, read, delete.
    const { id, outs } = await p.group.create(groupInputs({ name: "analysts", ownerGuid: ann.guid }));
    const { outs: renamed } = await p.group.update(id, outs, groupInputs({ name: "data-team", ownerGuid: ann.guid }));
    await expect(p.group.create(groupInputs({ name: "taken" }))).rejects.toThrow(/already exists/);
    const adopted = await p.group.create(groupInputs({ name: "taken", adoptExisting: true }));
    await p.group.read(id, renamed);

    // ConnectGroupMembership: add, already a member, a refresh burst, remove, removed again.
    const memberships = [];
    for (const u of users) memberships.push(await p.membership.create(membershipInputs({ groupGuid: id, userGuid: u.guid })));
    await p.membership.create(membershipInputs({ groupGuid: id, userGuid: users[0]!.guid }));
    await Promise.all(memberships.map((m) => p.membership.read(m.id, m.outs)));
    await p.membership.delete(memberships[0]!.id, memberships[0]!.outs);
    await p.membership.delete(memberships[0]!.id, memberships[0]!.outs);

    // ConnectContentPermission: grant a user and a group, change a role, adopt, read, revoke, revoke again.
    const grant = await p.permission.create(permissionInputs({ contentGuid: content.guid, principalGuid: ann.guid, principalType: "user", role: "viewer" }));
    await p.permission.create(permissionInputs({ contentGuid: content.guid, principalGuid: id, principalType: "group", role: "viewer" }));
    const { outs: promoted } = await p.permission.update(grant.id, grant.outs, permissionInputs({ contentGuid: content.guid, principalGuid: ann.guid, principalType: "user", role: "owner" }));
    await p.permission.create(permissionInputs({ contentGuid: content.guid, principalGuid: ann.guid, principalType: "user", role: "viewer", adoptExisting: true }));
    await p.permission.read(grant.id, promoted);
    await p.permission.delete(grant.id, promoted);
    await p.permission.delete(grant.id, promoted);
    expect(await p.permission.read(grant.id, promoted)).toEqual({});

    await p.group.delete(adopted.id, adopted.outs);
    await p.group.delete(id, renamed);
    await p.group.delete(id, renamed);
    expect(await p.group.read(id, renamed)).toEqual({});

    expect(t.seen).toEqual(expect.arrayContaining([
      "POST /__api__/v1/groups 200", "PATCH /__api__/v1/groups/{guid} 200", "POST /__api__/v1/groups 409", "GET /__api__/v1/groups 200", "GET /__api__/v1/groups/{guid} 200",
      "POST /__api__/v1/groups/{guid}/members 204", "POST /__api__/v1/groups/{guid}/members 409", "GET /__api__/v1/groups/{guid}/members 200",
      "DELETE /__api__/v1/groups/{guid}/members/{guid} 204", "DELETE /__api__/v1/groups/{guid}/members/{guid} 404",
      "GET /__api__/v1/content/{guid}/permissions 200", "POST /__api__/v1/content/{guid}/permissions 201", "PUT /__api__/v1/content/{guid}/permissions/1 200",
      "GET /__api__/v1/content/{guid}/permissions/1 200", "DELETE /__api__/v1/content/{guid}/permissions/1 204", "DELETE /__api__/v1/content/{guid}/permissions/1 404",
      "GET /__api__/v1/content/{guid}/permissions/1 404", "DELETE /__api__/v1/groups/{guid} 204", "DELETE /__api__/v1/groups/{guid} 404", "GET /__api__/v1/groups/{guid} 404",
    ]));
    expect(t.violations.map(describe_)).toEqual([]);
    expect(prism.violationLines()).toEqual([]);
  } finally {
    await p.close();
  }
});

test("an LDAP server: the group import (120, remote search, PUT with a ticket) and refused member changes: 0 violations", async () => {
  const t = new JudgedTransport();
  const p = providersVia(prismLdap.url, ldap.apiKey, t);
  try {
    ldap.addDirectoryGroup("engineering");
    const user = ldap.seedUser({ username: "lee" });
    const { id } = await p.group.create(groupInputs({ name: "engineering" }));
    await expect(p.membership.create(membershipInputs({ groupGuid: id, userGuid: user.guid }))).rejects.toThrow(/authentication provider supplies group membership/);
    expect(t.seen).toEqual(["POST /__api__/v1/groups 400", "GET /__api__/v1/groups/remote 200", "PUT /__api__/v1/groups 200", "POST /__api__/v1/groups/{guid}/members 400"]);
    expect(t.violations.map(describe_)).toEqual([]);
    expect(prismLdap.violationLines()).toEqual([]);
  } finally {
    await p.close();
  }
});
