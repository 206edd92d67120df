/**
 * The emulator's users, keyed by username, in creation order. Bodies are validated against the
 * spec's CreateUserRequest / UpdateUserRequest (./users-spec.ts); what the spec leaves open follows
 * ./choices.ts.
 */
import { randomBytes } from "node:crypto";
import { charCount, invalid, ResourceStore, type Invalid } from "../core";
import { apiPolicy, UNIQUE_EMAILS } from "./choices";
import { CreateUserRequest, UpdateUserRequest, USERNAME_MAX_CHARS, type User } from "./users-spec";

export class UserStore extends ResourceStore<User, CreateUserRequest, UpdateUserRequest> {
  readonly noun = "user";
  protected readonly keyField = "username";
  protected readonly createSchema = CreateUserRequest;
  protected readonly updateSchema = UpdateUserRequest;
  protected override readonly uniqueFields = UNIQUE_EMAILS ? (["email"] as const) : [];

  /** Emails are unique case-insensitively (choices.ts UNIQUE_EMAILS). */
  protected override uniqueValue(field: keyof User & string, value: unknown): unknown {
    return field === "email" && typeof value === "string" ? value.toLowerCase() : value;
  }

  protected keyOf(req: CreateUserRequest): string | Invalid {
    const username = req.username ?? req.email;
    if (username === "") return invalid("username", "must not be empty");
    if (charCount(username) > USERNAME_MAX_CHARS) {
      return invalid("username", `defaults to the email, which is longer than ${USERNAME_MAX_CHARS} characters`);
    }
    return username;
  }

  protected build(req: CreateUserRequest, username: string): User {
    const at = new Date(this.now()).toISOString();
    return {
      id: `usr_${randomBytes(8).toString("hex")}`,
      email: req.email,
      username,
      enabled: true,
      description: req.description,
      created_at: at,
      updated_at: at,
      api_roles: req.api_roles ?? [],
      corpus_roles: req.corpus_roles ?? [],
      agent_roles: req.agent_roles ?? [],
      api_policy: apiPolicy(req.api_roles ?? [], req.corpus_roles ?? []),
    };
  }

  /** Every accepted PATCH bumps updated_at, strictly later than before even within one millisecond. */
  protected override touched(current: User): Partial<User> {
    return { updated_at: new Date(Math.max(this.now(), Date.parse(current.updated_at) + 1)).toISOString() };
  }

  /** A copy whose api_policy is derived again from its roles, so that it follows every change. */
  protected copy(u: User): User {
    const { id, email, username, enabled, description, created_at, updated_at } = u;
    return {
      id, email, username, enabled,
      ...(description !== undefined && { description }),
      created_at, updated_at,
      api_roles: [...u.api_roles],
      corpus_roles: u.corpus_roles.map((r) => ({ ...r })),
      agent_roles: u.agent_roles.map((r) => ({ ...r })),
      api_policy: apiPolicy(u.api_roles, u.corpus_roles),
    };
  }

  /** All users in creation order, optionally only those with a corpus_roles entry for corpusKey. */
  override all(corpusKey?: string): User[] {
    const users = super.all();
    return corpusKey === undefined ? users : users.filter((u) => u.corpus_roles.some((r) => r.corpus_key === corpusKey));
  }
}
