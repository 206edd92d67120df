/**
 * The emulator's organizations, spaces and their members (ids opaque base64, like Arize's), with
 * Arize's cascades: deleting an organization deletes its spaces; removing a user from an
 * organization removes them from its spaces; a user who is gone leaves every membership (`prune`,
 * run before each request, as Arize's users page says a delete "cascades to memberships, API keys,
 * and role bindings"). Space memberships double as role bindings (choices.ts).
 */
import { PREDEFINED_ROLE_NAMES } from "./choices";
import type { MemberRole, Organization, OrganizationMembership, Role, RoleAssignment, RoleBinding, Space, SpaceMembership } from "./access-spec";

interface StoredSpace extends Space { organization_id: string }
interface StoredMember { id: string; user_id: string; role: RoleAssignment; created_at: string; updated_at: string }

const id = (kind: string, n: number) => Buffer.from(`${kind}:${n}`).toString("base64");

export class AccessStore {
  #last = 0;
  readonly #orgs = new Map<string, Organization>();
  readonly #spaces = new Map<string, StoredSpace>();
  /** org id → user id → member. */
  readonly #orgMembers = new Map<string, Map<string, StoredMember>>();
  /** space id → user id → member. */
  readonly #spaceMembers = new Map<string, Map<string, StoredMember>>();
  readonly #roles: Role[];

  constructor(private readonly now: () => number = Date.now) {
    const at = new Date(0).toISOString();
    this.#roles = PREDEFINED_ROLE_NAMES.map((name, i) => ({ id: id("Role", i + 1), name, permissions: [], is_predefined: true, created_at: at, updated_at: at }));
  }

  #stamp = () => new Date(this.now()).toISOString();

  createOrganization(name: string, description = ""): Organization {
    if ([...this.#orgs.values()].some((o) => o.name === name)) throw new Error(`createOrganization: an organization named ${name} exists (names are unique in the account)`);
    const org: Organization = { id: id("Organization", ++this.#last), name, description, created_at: this.#stamp() };
    this.#orgs.set(org.id, org);
    this.#orgMembers.set(org.id, new Map());
    return { ...org };
  }

  createSpace(organizationId: string, name: string, opts: { description?: string; isPrivate?: boolean } = {}): Space {
    if (!this.#orgs.has(organizationId)) throw new Error(`createSpace: no organization ${organizationId}`);
    if (this.spacesOf(organizationId).some((s) => s.name === name)) throw new Error(`createSpace: organization ${organizationId} has a space named ${name} (unique per organization)`);
    const space: StoredSpace = { id: id("Space", ++this.#last), name, description: opts.description ?? "", created_at: this.#stamp(), is_private: opts.isPrivate ?? false, organization_id: organizationId };
    this.#spaces.set(space.id, space);
    this.#spaceMembers.set(space.id, new Map());
    return publicSpace(space);
  }

  /** Cascades to the organization's spaces and every membership in them. */
  deleteOrganization(orgId: string): boolean {
    if (!this.#orgs.delete(orgId)) return false;
    this.#orgMembers.delete(orgId);
    for (const space of this.spacesOf(orgId)) this.deleteSpace(space.id);
    return true;
  }

  deleteSpace(spaceId: string): boolean {
    this.#spaceMembers.delete(spaceId);
    return this.#spaces.delete(spaceId);
  }

  organization(orgId: string): Organization | undefined {
    const org = this.#orgs.get(orgId);
    return org && { ...org };
  }

  organizations(): Organization[] {
    return [...this.#orgs.values()].map((o) => ({ ...o }));
  }

  space(spaceId: string): Space | undefined {
    const space = this.#spaces.get(spaceId);
    return space && publicSpace(space);
  }

  organizationOfSpace(spaceId: string): string | undefined {
    return this.#spaces.get(spaceId)?.organization_id;
  }

  spaces(orgId?: string): Space[] {
    return [...this.#spaces.values()].filter((s) => orgId === undefined || s.organization_id === orgId).map(publicSpace);
  }

  private spacesOf(orgId: string): StoredSpace[] {
    return [...this.#spaces.values()].filter((s) => s.organization_id === orgId);
  }

  // ---- members

  setOrgMember(orgId: string, userId: string, role: RoleAssignment): OrganizationMembership {
    const member = upsert(this.#orgMembers.get(orgId)!, userId, role, () => id("OrganizationMembership", ++this.#last), this.#stamp());
    return { id: member.id, user_id: userId, organization_id: orgId, role: { ...member.role } };
  }

  orgMember(orgId: string, userId: string): OrganizationMembership | undefined {
    const member = this.#orgMembers.get(orgId)?.get(userId);
    return member && { id: member.id, user_id: userId, organization_id: orgId, role: { ...member.role } };
  }

  /** Removes the user from the organization and from all its spaces. */
  removeOrgMember(orgId: string, userId: string): boolean {
    const removed = this.#orgMembers.get(orgId)?.delete(userId) ?? false;
    for (const space of this.spacesOf(orgId)) this.#spaceMembers.get(space.id)?.delete(userId);
    return removed;
  }

  setSpaceMember(spaceId: string, userId: string, role: RoleAssignment): SpaceMembership {
    const member = upsert(this.#spaceMembers.get(spaceId)!, userId, role, () => id("RoleBinding", ++this.#last), this.#stamp());
    return { id: member.id, user_id: userId, space_id: spaceId, role: { ...member.role } };
  }

  spaceMember(spaceId: string, userId: string): SpaceMembership | undefined {
    const member = this.#spaceMembers.get(spaceId)?.get(userId);
    return member && { id: member.id, user_id: userId, space_id: spaceId, role: { ...member.role } };
  }

  removeSpaceMember(spaceId: string, userId: string): boolean {
    return this.#spaceMembers.get(spaceId)?.delete(userId) ?? false;
  }

  /** Space memberships as role bindings (choices.ts SPACE_MEMBERSHIPS_ARE_BINDINGS), in creation order. */
  roleBindings(): RoleBinding[] {
    const out: RoleBinding[] = [];
    for (const [spaceId, members] of this.#spaceMembers) {
      for (const m of members.values()) {
        out.push({ id: m.id, role_id: this.roleId(m.role), user_id: m.user_id, resource_type: "SPACE", resource_id: spaceId, created_at: m.created_at, updated_at: m.updated_at });
      }
    }
    return out.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  }

  roles(): Role[] {
    return this.#roles.map((r) => ({ ...r, permissions: [...r.permissions] }));
  }

  private roleId(role: RoleAssignment): string {
    return role.type === "CUSTOM" ? role.id : this.#roles.find((r) => r.name === role.name)!.id;
  }

  /** Every membership of a user who no longer exists goes (Arize: a user delete cascades to memberships and role bindings). */
  prune(userExists: (userId: string) => boolean): void {
    for (const members of [...this.#orgMembers.values(), ...this.#spaceMembers.values()]) {
      for (const userId of [...members.keys()]) if (!userExists(userId)) members.delete(userId);
    }
  }

  clear(): void {
    this.#orgs.clear();
    this.#spaces.clear();
    this.#orgMembers.clear();
    this.#spaceMembers.clear();
    this.#last = 0;
  }
}

function publicSpace(s: StoredSpace): Space {
  const { id, name, description, created_at, is_private } = s;
  return { id, name, description, created_at, is_private };
}

function upsert(members: Map<string, StoredMember>, userId: string, role: RoleAssignment, newId: () => string, at: string): StoredMember {
  const existing = members.get(userId);
  const member: StoredMember = existing ? { ...existing, role: { ...role }, updated_at: at } : { id: newId(), user_id: userId, role: { ...role }, created_at: at, updated_at: at };
  members.set(userId, member);
  return member;
}

export type { MemberRole };
