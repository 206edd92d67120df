/**
 * A stateful in-memory Arize AX REST API v2 (the users endpoints) on the emulator core (../core),
 * for tests, demos and offline work. It logs every request, can be made to fail (`inject`), and
 * can be changed out of band, as if the invited person had acted or someone had used the console.
 */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { authorization, Emulator, listen, serveResources, type Service, type ServiceRequest } from "../core";
import { DEFAULT_INVITATION_TTL_MS, WWW_AUTHENTICATE } from "./choices";
import { arizeErrors } from "./errors";
import { serveAccess } from "./access-api";
import type { MemberRole, Organization, OrganizationMembership, Space, SpaceMembership } from "./access-spec";
import { AccessStore } from "./access-store";
import { usersResource } from "./users-api";
import type { CreateUserRequest, User, UserRole, UserStatus } from "./users-spec";
import { UserStore } from "./users-store";

export type { Fault, FaultMatch, RequestLogEntry } from "../core";
export type { User } from "./users-spec";
export type { Organization, OrganizationMembership, Space, SpaceMembership } from "./access-spec";

export interface ArizeEmulatorOptions {
  port?: number;
  /** An account admin's key (may do everything). */
  apiKey?: string;
  /** A key with USER_* permissions but no admin role: everything except setting is_developer. */
  memberApiKey?: string;
  /** How long an invitation stays INVITED before it reads as EXPIRED. */
  invitationTtlMs?: number;
  /**
   * Whether creating an EXPIRED user again keeps its id (default, choices.ts REINVITE_KEEPS_ID) or
   * answers a new user record with a new id (the old one gone, its email not burnt).
   */
  reinviteKeepsId?: boolean;
}

const key = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;

export class ArizeEmulator extends Emulator {
  readonly apiKey: string;
  readonly memberApiKey: string;
  protected readonly service: Service;
  readonly #users: UserStore;
  readonly #access = new AccessStore();

  private constructor(server: Server, opts: ArizeEmulatorOptions) {
    super(server);
    this.apiKey = opts.apiKey ?? key("ak-admin-");
    this.memberApiKey = opts.memberApiKey ?? key("ak-member-");
    this.#users = new UserStore(opts.invitationTtlMs ?? DEFAULT_INVITATION_TTL_MS);
    const isAdmin = (req: ServiceRequest) => /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? "")?.[1] === this.apiKey;
    const resources = [usersResource(this.#users, isAdmin, opts.reinviteKeepsId)];
    this.service = {
      errors: arizeErrors,
      auth: authorization("Bearer", [[this.apiKey, "full"], [this.memberApiKey, "full"]]),
      unauthenticated: { message: "Missing or invalid API key.", challenge: WWW_AUTHENTICATE },
      apiPrefix: "/v2",
      handle: (req) => {
        this.#users.settle();
        this.#access.prune((id) => this.#users.get(id) !== undefined);
        return serveAccess(req, this.#access, this.#users) ?? serveResources(req, resources);
      },
    };
  }

  static async start(opts: ArizeEmulatorOptions = {}): Promise<ArizeEmulator> {
    const ttl = opts.invitationTtlMs;
    if (ttl !== undefined && !(Number.isInteger(ttl) && ttl >= 1)) throw new RangeError("invitationTtlMs must be an integer ≥ 1");
    return new ArizeEmulator(await listen(opts.port), opts);
  }

  /** Creates a user out of band, as if in the console (status as the invite mode sets it). Throws when the body is invalid. */
  seedUser(body: { email: string; name: string; role?: UserRole; invite_mode?: CreateUserRequest["invite_mode"]; is_developer?: boolean }, opts: { status?: UserStatus } = {}): User {
    const { role = "MEMBER", invite_mode = "EMAIL_LINK", ...rest } = body;
    const user = this.#users.createOrThrow("seedUser", { ...rest, role: { type: "PREDEFINED", name: role }, invite_mode });
    return opts.status ? this.#users.setStatus(user.id, opts.status)! : user;
  }

  /** The invited person accepted (→ ACTIVE), or the invitation lapsed (→ EXPIRED): status moving on its own. */
  setStatus(id: string, status: UserStatus): User {
    const user = this.#users.setStatus(id, status);
    if (!user) throw new Error(`setStatus: no user ${id}`);
    return user;
  }

  /** Changes a user's role as an admin would in Arize's console (the API cannot). */
  setRole(id: string, role: UserRole): User {
    const user = this.#users.get(id);
    if (!user) throw new Error(`setRole: no user ${id}`);
    this.#users.setRole(id, role);
    return this.#users.get(id)!;
  }

  /** Changes a user out of band with an UpdateUserRequest body. Throws on a bad body or unknown user. */
  patchUser(id: string, patch: object): User {
    return this.#users.updateOrThrow("patchUser", id, patch);
  }

  /** Deletes a user out of band (terminal: its email is burnt); false when there was none. */
  deleteUser(id: string): boolean {
    return this.#users.remove(id);
  }

  user(id: string): User | undefined {
    return this.#users.get(id);
  }

  userByEmail(email: string): User | undefined {
    return this.#users.byEmail(email);
  }

  users(): User[] {
    return this.#users.all();
  }

  // ---- access: organizations, spaces and their members, as an admin would set them in the console

  /** Creates an organization out of band (names are unique in the account). */
  seedOrganization(name: string, description = ""): Organization {
    return this.#access.createOrganization(name, description);
  }

  /** Creates a space in an organization out of band (names are unique per organization). */
  seedSpace(organizationId: string, name: string, opts: { description?: string; isPrivate?: boolean } = {}): Space {
    return this.#access.createSpace(organizationId, name, opts);
  }

  /** Deletes an organization out of band; its spaces and all their memberships go with it. */
  deleteOrganization(id: string): boolean {
    return this.#access.deleteOrganization(id);
  }

  deleteSpace(id: string): boolean {
    return this.#access.deleteSpace(id);
  }

  /** Adds or changes a member out of band, without the API's rules (a console change). */
  setOrganizationMember(orgId: string, userId: string, role: MemberRole): OrganizationMembership {
    return this.#access.setOrgMember(orgId, userId, { type: "PREDEFINED", name: role });
  }

  setSpaceMember(spaceId: string, userId: string, role: MemberRole): SpaceMembership {
    return this.#access.setSpaceMember(spaceId, userId, { type: "PREDEFINED", name: role });
  }

  /** Removes a member out of band (an organization removal also leaves its spaces). */
  removeOrganizationMember(orgId: string, userId: string): boolean {
    return this.#access.removeOrgMember(orgId, userId);
  }

  removeSpaceMember(spaceId: string, userId: string): boolean {
    return this.#access.removeSpaceMember(spaceId, userId);
  }

  organizationMember(orgId: string, userId: string): OrganizationMembership | undefined {
    this.#access.prune((id) => this.#users.get(id) !== undefined);
    return this.#access.orgMember(orgId, userId);
  }

  spaceMember(spaceId: string, userId: string): SpaceMembership | undefined {
    this.#access.prune((id) => this.#users.get(id) !== undefined);
    return this.#access.spaceMember(spaceId, userId);
  }

  organization(id: string): Organization | undefined {
    return this.#access.organization(id);
  }

  space(id: string): Space | undefined {
    return this.#access.space(id);
  }

  /** Forgets users (and burnt emails), organizations, spaces, memberships, the request log and faults. */
  override reset(): void {
    super.reset();
    this.#users.clear();
    this.#access.clear();
  }
}
