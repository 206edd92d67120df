/**
 * A stateful in-memory Posit Connect Server API (the users endpoints) on the emulator core (../core),
 * for tests, demos and offline work: `Authorization: Key`, page-number paging, PUT updates, the lock
 * action, no DELETE, `{code, error}` error bodies with Connect's codes, a switch between password
 * servers (POST creates) and LDAP servers (remote search and temp tickets), seat limits and the
 * last administrator. It logs every request, can be made to fail (`inject`), and can be changed
 * out of band, as if on the server's dashboard.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { authorization, Emulator, listen, serveResources, type Service } from "../core";
import { DEFAULT_AUTH_KIND, DEFAULT_GENERATION, WWW_AUTHENTICATE, type AuthKind, type Generation } from "./choices";
import { connectErrors } from "./errors";
import { accessRoutes, groupView, newAccessState, type AccessState } from "./access-api";
import type { ContentItem, Group, Permission } from "./access-spec";
import { collectionExtras, usersResource, type ConnectState } from "./users-api";
import type { DirectoryUser, User } from "./users-spec";
import { UserStore } from "./users-store";

export type { Fault, FaultMatch, RequestLogEntry } from "../core";
export type { DirectoryUser, User } from "./users-spec";
export type { ContentItem, Group, Permission } from "./access-spec";

export interface ConnectEmulatorOptions {
  port?: number;
  /** The IPv4 address to listen on (default 127.0.0.1); another of this machine's, for a server reached over plain http inside a network. */
  host?: string;
  /** The administrator's API key (default: random). */
  apiKey?: string;
  /** A publisher's API key: it may read, not write (default: random). */
  publisherApiKey?: string;
  /** "password" (default): POST creates users. "ldap": users are imported from the directory. */
  authKind?: AuthKind;
  /** Unlocked users the licence allows (default: no limit). */
  seats?: number;
  /** "current" (default): the newer spec, `external_id`. "2023": an older server that knows only `unique_id` (choices.ts). */
  generation?: Generation;
  /** false: user groups are disabled (`Authorization.UserGroups = false`); every groups operation answers 400 (choices.ts). Default true. */
  groupsEnabled?: boolean;
  /** true: the authentication provider supplies group membership; member changes are refused with code 132 (choices.ts). */
  membershipFromProvider?: boolean;
}

/** A seed: a UserCreatePushInput with plain strings. */
export interface SeedUser {
  username: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  user_role?: string;
  external_id?: string;
}

export class ConnectEmulator extends Emulator {
  readonly apiKey: string;
  readonly publisherApiKey: string;
  /** The server URL a client configures (the API lives under /__api__). */
  readonly serverUrl: string;
  protected readonly service: Service;
  readonly #state: ConnectState;
  readonly #access: AccessState;

  private constructor(server: Server, opts: ConnectEmulatorOptions) {
    super(server);
    this.serverUrl = this.url;
    this.apiKey = opts.apiKey ?? randomBytes(16).toString("hex");
    this.publisherApiKey = opts.publisherApiKey ?? randomBytes(16).toString("hex");
    this.#state = {
      store: new UserStore(), authKind: opts.authKind ?? DEFAULT_AUTH_KIND, seats: opts.seats,
      directory: new Map(), tickets: new Map(), immutable: new Set(),
      generation: opts.generation ?? DEFAULT_GENERATION, keyOwners: new Map(),
    };
    this.#access = newAccessState(opts);
    const resources = [usersResource(this.#state)];
    this.service = {
      errors: connectErrors,
      auth: authorization("Key", [[this.apiKey, "full"], [this.publisherApiKey, "read-only"]]),
      unauthenticated: { message: "Invalid API key.", challenge: WWW_AUTHENTICATE },
      apiPrefix: "/__api__",
      handle: (req) => collectionExtras(req, this.#state) ?? accessRoutes(req, this.#state, this.#access) ?? serveResources(req, resources),
    };
  }

  static async start(opts: ConnectEmulatorOptions = {}): Promise<ConnectEmulator> {
    if (![undefined, "password", "ldap"].includes(opts.authKind)) throw new RangeError('authKind must be "password" or "ldap"');
    if (![undefined, "current", "2023"].includes(opts.generation)) throw new RangeError('generation must be "current" or "2023"');
    if (opts.seats !== undefined && !(Number.isInteger(opts.seats) && opts.seats >= 0)) throw new RangeError("seats must be an integer ≥ 0");
    return new ConnectEmulator(await listen(opts.port, opts.host), opts);
  }

  get authKind(): AuthKind {
    return this.#state.authKind;
  }

  get generation(): Generation {
    return this.#state.generation;
  }

  /** Makes `guid` the owner of the administrator's key (or the publisher's): what GET /v1/user answers for it; undefined: no owner. */
  setKeyOwner(guid: string | undefined, key: "admin" | "publisher" = "admin"): void {
    const access = key === "admin" ? "full" : "read-only";
    if (guid === undefined) return void this.#state.keyOwners.delete(access);
    if (!this.#state.store.get(guid)) throw new Error(`setKeyOwner: no user ${guid}`);
    this.#state.keyOwners.set(access, guid);
  }

  /** Changes the licence's seats (undefined: no limit). */
  setSeats(seats: number | undefined): void {
    this.#state.seats = seats;
  }

  /** Creates a user out of band, as an administrator would on the dashboard, whatever the server kind. */
  seedUser(body: SeedUser, opts: { locked?: boolean } = {}): User {
    return this.#state.store.createOrThrow("seedUser", body, { locked: opts.locked ?? false });
  }

  /** Changes a user out of band (UserUpdateInput fields, or locked); bumps updated_time. */
  patchUser(guid: string, patch: Partial<Pick<User, "email" | "username" | "first_name" | "last_name" | "user_role" | "locked">>): User {
    return this.#state.store.updateOrThrow("patchUser", guid, patch);
  }

  /** Deletes a user out of band, as `usermanager delete` on the server does; false when there was none. */
  deleteUser(guid: string): boolean {
    return this.#state.store.remove(guid);
  }

  /** Adds a person to an LDAP server's directory, who has no Connect account until imported. */
  addDirectoryUser(person: DirectoryUser): void {
    this.#state.directory.set(person.username, { ...person });
  }

  /** From now on a PUT that changes `field` is refused with code 53. */
  makeImmutable(field: string): void {
    this.#state.immutable.add(field);
  }

  user(guid: string): User | undefined {
    return this.#state.store.get(guid);
  }

  userNamed(username: string): User | undefined {
    return this.#state.store.named(username);
  }

  users(): User[] {
    return this.#state.store.all();
  }

  /** Switches user groups on or off (Authorization.UserGroups). */
  setGroupsEnabled(enabled: boolean): void {
    this.#access.groupsEnabled = enabled;
  }

  /** Whether the authentication provider supplies group membership (member changes refused). */
  setMembershipFromProvider(supplied: boolean): void {
    this.#access.membershipFromProvider = supplied;
  }

  /** Creates a group out of band, as on the dashboard, whatever the server kind. */
  seedGroup(name: string, opts: { owner_guid?: string } = {}): Group {
    const group: Group = { guid: randomUUID(), name, owner_guid: opts.owner_guid ?? null, gid: null, member_count: 0 };
    this.#access.groups.set(group.guid, group);
    this.#access.members.set(group.guid, new Set());
    return groupView(this.#access, group);
  }

  /** Renames a group out of band. */
  renameGroup(guid: string, name: string): void {
    const group = this.#access.groups.get(guid);
    if (!group) throw new Error(`renameGroup: no group ${guid}`);
    this.#access.groups.set(guid, { ...group, name });
  }

  /** Deletes a group out of band; false when there was none. */
  deleteGroup(guid: string): boolean {
    this.#access.members.delete(guid);
    return this.#access.groups.delete(guid);
  }

  group(guid: string): Group | undefined {
    const group = this.#access.groups.get(guid);
    return group && groupView(this.#access, group);
  }

  groups(): Group[] {
    return [...this.#access.groups.values()].map((g) => groupView(this.#access, g));
  }

  /** Adds a group to an LDAP server's directory, which has no Connect group until imported. */
  addDirectoryGroup(name: string): void {
    this.#access.directoryGroups.add(name);
  }

  /** The guids of a group's members, in the order added. */
  members(groupGuid: string): string[] {
    return [...(this.#access.members.get(groupGuid) ?? [])];
  }

  /** Adds or removes a member out of band. */
  setMember(groupGuid: string, userGuid: string, member: boolean): void {
    const members = this.#access.members.get(groupGuid);
    if (!members) throw new Error(`setMember: no group ${groupGuid}`);
    if (member) members.add(userGuid);
    else members.delete(userGuid);
  }

  /** Creates a content item owned by `owner_guid` (the content API is not emulated). */
  seedContent(name: string, ownerGuid: string): ContentItem {
    const item: ContentItem = { guid: randomUUID(), name, owner_guid: ownerGuid };
    this.#access.content.set(item.guid, item);
    this.#access.permissions.set(item.guid, []);
    return { ...item };
  }

  /** A content item's permissions, in the order granted. */
  permissions(contentGuid: string): Permission[] {
    return (this.#access.permissions.get(contentGuid) ?? []).map((p) => ({ ...p }));
  }

  /** Changes or removes (role undefined) a permission out of band. */
  setPermissionRole(contentGuid: string, id: string, role: string | undefined): void {
    const list = this.#access.permissions.get(contentGuid) ?? [];
    const index = list.findIndex((p) => p.id === id);
    if (index < 0) throw new Error(`setPermissionRole: no permission ${id}`);
    if (role === undefined) list.splice(index, 1);
    else list[index] = { ...list[index]!, role };
  }

  /** Forgets users, groups, content, key owners, the directory, tickets, immutable fields, the request log and faults; keeps the server kind, generation and seats. */
  override reset(): void {
    super.reset();
    this.#state.store.clear();
    this.#state.directory.clear();
    this.#state.tickets.clear();
    this.#state.immutable.clear();
    this.#state.keyOwners.clear();
    const fresh = newAccessState({ groupsEnabled: this.#access.groupsEnabled, membershipFromProvider: this.#access.membershipFromProvider });
    Object.assign(this.#access, fresh);
  }
}
