/**
 * The emulator's state: users keyed by username, in creation order (a Map keeps insertion order).
 * Bodies are validated here against the spec's CreateUserRequest / UpdateUserRequest (./spec.ts);
 * what the spec leaves open follows ./choices.ts. Callers only ever get copies.
 */
import { randomBytes } from "node:crypto";
import { UNIQUE_EMAILS } from "./choices";
import { charCount, check, CreateUserRequest, UpdateUserRequest, USERNAME_MAX_CHARS, type User } from "./spec";

export type Invalid = { kind: "invalid"; fieldErrors: Record<string, string>; messages: string[] };
export type CreateResult =
  | { kind: "created"; user: User }
  | Invalid
  | { kind: "duplicate"; field: "username" | "email"; value: string };
export type UpdateResult = { kind: "updated"; user: User } | Invalid | { kind: "not-found" };

const invalid = (field: string, message: string): Invalid => ({
  kind: "invalid",
  fieldErrors: { [field]: `${field} ${message}` },
  messages: [`${field} ${message}`],
});

/** Builds a User with its properties in the spec's order and without undefined ones. */
function shape(u: User): User {
  const { id, email, username, enabled, description, created_at, updated_at } = u;
  return {
    id, email, username, enabled,
    ...(description !== undefined && { description }),
    created_at, updated_at,
    api_roles: [...u.api_roles],
    corpus_roles: u.corpus_roles.map((r) => ({ ...r })),
    agent_roles: u.agent_roles.map((r) => ({ ...r })),
  };
}

export class UserStore {
  readonly #users = new Map<string, User>();

  constructor(private readonly now: () => number = Date.now) {}

  create(body: unknown, enabled = true): CreateResult {
    const checked = check(CreateUserRequest, body);
    if (!checked.ok) return { kind: "invalid", fieldErrors: checked.fieldErrors, messages: checked.messages };
    const req = checked.value;
    const username = req.username ?? req.email;
    if (username === "") return invalid("username", "must not be empty");
    if (charCount(username) > USERNAME_MAX_CHARS) {
      return invalid("username", `defaults to the email, which is longer than ${USERNAME_MAX_CHARS} characters`);
    }
    if (this.#users.has(username)) return { kind: "duplicate", field: "username", value: username };
    if (UNIQUE_EMAILS && this.all().some((u) => u.email === req.email)) {
      return { kind: "duplicate", field: "email", value: req.email };
    }
    const at = new Date(this.now()).toISOString();
    const user = shape({
      id: `usr_${randomBytes(8).toString("hex")}`,
      email: req.email,
      username,
      enabled,
      description: req.description,
      created_at: at,
      updated_at: at,
      api_roles: req.api_roles ?? [],
      corpus_roles: req.corpus_roles ?? [],
      agent_roles: req.agent_roles ?? [],
    });
    this.#users.set(username, user);
    return { kind: "created", user: shape(user) };
  }

  /** Partial update; role arrays replace the stored ones (choices.ts). Validates before looking up. */
  update(username: string, body: unknown): UpdateResult {
    const checked = check(UpdateUserRequest, body);
    if (!checked.ok) return { kind: "invalid", fieldErrors: checked.fieldErrors, messages: checked.messages };
    const current = this.#users.get(username);
    if (!current) return { kind: "not-found" };
    const changes = Object.fromEntries(Object.entries(checked.value).filter(([, v]) => v !== undefined));
    // Strictly later than the previous value even within the same millisecond.
    const updatedAt = new Date(Math.max(this.now(), Date.parse(current.updated_at) + 1)).toISOString();
    const user = shape({ ...current, ...changes, updated_at: updatedAt });
    this.#users.set(username, user);
    return { kind: "updated", user: shape(user) };
  }

  get(username: string): User | undefined {
    const user = this.#users.get(username);
    return user && shape(user);
  }

  remove(username: string): boolean {
    return this.#users.delete(username);
  }

  /** All users in creation order, optionally only those with a corpus_roles entry for corpusKey. */
  all(corpusKey?: string): User[] {
    const users = [...this.#users.values()];
    const kept = corpusKey === undefined ? users : users.filter((u) => u.corpus_roles.some((r) => r.corpus_key === corpusKey));
    return kept.map(shape);
  }

  clear(): void {
    this.#users.clear();
  }
}
