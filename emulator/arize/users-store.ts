/**
 * The emulator's users, keyed by id (opaque base64, like Arize's `VXNlcjoxMjM0NQ==`), in creation
 * order. Deleted users leave the store; their emails stay burnt. Statuses move on their own:
 * an invitation older than the TTL reads as EXPIRED (see choices.ts).
 */
import { ResourceStore } from "../core";
import { STATUS_AFTER_CREATE } from "./choices";
import { CreateUserRequest, UpdateUserRequest, type User, type UserStatus } from "./users-spec";

export class UserStore extends ResourceStore<User, CreateUserRequest, UpdateUserRequest> {
  readonly noun = "user";
  protected readonly keyField = "id";
  protected readonly createSchema = CreateUserRequest;
  protected readonly updateSchema = UpdateUserRequest;
  #last = 0;
  /** When each pending invitation was sent. */
  readonly #invitedAt = new Map<string, number>();
  /** Lower-cased emails of deleted users, and their ids. */
  readonly #burnt = new Set<string>();
  readonly #deletedIds = new Set<string>();

  constructor(private readonly invitationTtlMs: number, now: () => number = Date.now) {
    super(now);
  }

  protected keyOf(): string {
    return Buffer.from(`User:${++this.#last}`).toString("base64");
  }

  protected build(req: CreateUserRequest, id: string): User {
    this.#invitedAt.set(id, this.now());
    return {
      id,
      name: req.name,
      email: req.email,
      created_at: new Date(this.now()).toISOString(),
      status: STATUS_AFTER_CREATE[req.invite_mode],
      role: req.role.type === "PREDEFINED" ? { type: "PREDEFINED", name: req.role.name } : { type: "CUSTOM", id: req.role.id },
      is_developer: req.is_developer ?? (req.role.type === "PREDEFINED" && req.role.name === "ANNOTATOR" ? false : true),
    };
  }

  protected copy(u: User): User {
    const { id, name, email, created_at, status, is_developer } = u;
    return { id, name, email, created_at, status, role: { ...u.role }, is_developer };
  }

  /** Invitations past their TTL expire; called before every request is served. */
  settle(): void {
    for (const user of super.all()) {
      const at = this.#invitedAt.get(user.id);
      if (user.status === "INVITED" && at !== undefined && this.now() - at >= this.invitationTtlMs) this.setStatus(user.id, "EXPIRED");
    }
  }

  setStatus(id: string, status: UserStatus): User | undefined {
    const user = this.get(id);
    if (!user) return undefined;
    if (status === "INVITED") this.#invitedAt.set(id, this.now());
    this.replace(id, { ...user, status });
    return this.get(id);
  }

  /** What only Arize's console can change. */
  setRole(id: string, role: "ADMIN" | "MEMBER" | "ANNOTATOR"): void {
    const user = this.get(id);
    if (user) this.replace(id, { ...user, role: { type: "PREDEFINED", name: role } });
  }

  /** A new invitation for an EXPIRED user: the request's name, role and is_developer, a fresh clock. */
  reinvite(id: string, req: CreateUserRequest): User | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const fresh = this.build(req, id);
    this.replace(id, { ...fresh, created_at: current.created_at });
    return this.get(id);
  }

  /**
   * A new invitation for an EXPIRED user as a new user record (a new id): the old record leaves
   * the store without burning the email (it was not deleted, it was re-invited).
   */
  reinviteAsNew(id: string, req: CreateUserRequest): User | undefined {
    if (!this.get(id) || !super.remove(id)) return undefined;
    this.#invitedAt.delete(id);
    const result = this.create(req);
    return result.kind === "created" ? result.item : undefined;
  }

  /** The live user with this email (case-insensitive). */
  byEmail(email: string): User | undefined {
    return this.all().find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  isBurnt(email: string): boolean {
    return this.#burnt.has(email.toLowerCase());
  }

  wasDeleted(id: string): boolean {
    return this.#deletedIds.has(id);
  }

  /** Terminal: the email can never be invited again. */
  override remove(id: string): boolean {
    const user = this.get(id);
    if (!user || !super.remove(id)) return false;
    this.#burnt.add(user.email.toLowerCase());
    this.#deletedIds.add(id);
    this.#invitedAt.delete(id);
    return true;
  }

  override clear(): void {
    super.clear();
    this.#invitedAt.clear();
    this.#burnt.clear();
    this.#deletedIds.clear();
    this.#last = 0;
  }
}
