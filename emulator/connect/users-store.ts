/**
 * The emulator's users, keyed by guid, in creation order; usernames are unique (case-sensitive).
 * The store's update schema is wider than the API's UserUpdateInput: locks and out-of-band edits
 * go through it too (the HTTP handler checks the API's schema first).
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ResourceStore } from "../core";
import { DEFAULT_ROLE } from "./choices";
import { UserCreatePushInput, UserUpdateInput, type User } from "./users-spec";

const StoreUpdate = UserUpdateInput.extend({ locked: z.boolean().optional(), confirmed: z.boolean().optional(), external_id: z.string().optional() });
type StoreUpdate = z.infer<typeof StoreUpdate>;

export class UserStore extends ResourceStore<User, UserCreatePushInput, StoreUpdate> {
  readonly noun = "user";
  protected readonly keyField = "guid";
  protected readonly createSchema = UserCreatePushInput;
  protected readonly updateSchema = StoreUpdate;
  protected override readonly uniqueFields = ["username"] as const;

  protected keyOf(): string {
    return randomUUID();
  }

  protected build(req: UserCreatePushInput, guid: string): User {
    const at = new Date(this.now()).toISOString();
    return {
      email: req.email, username: req.username, first_name: req.first_name, last_name: req.last_name,
      user_role: req.user_role ?? DEFAULT_ROLE, created_time: at, updated_time: at, active_time: null,
      confirmed: req.user_must_set_password !== true, locked: false, external_id: req.external_id ?? req.unique_id, guid,
    };
  }

  /** Every accepted change bumps updated_time, strictly later than before even within one millisecond. */
  protected override touched(current: User): Partial<User> {
    return { updated_time: new Date(Math.max(this.now(), Date.parse(current.updated_time) + 1)).toISOString() };
  }

  protected copy(u: User): User {
    const out: User = {
      ...(u.email !== undefined && { email: u.email }),
      username: u.username,
      ...(u.first_name !== undefined && { first_name: u.first_name }),
      ...(u.last_name !== undefined && { last_name: u.last_name }),
      user_role: u.user_role, created_time: u.created_time, updated_time: u.updated_time, active_time: u.active_time,
      confirmed: u.confirmed, locked: u.locked,
      ...(u.external_id !== undefined && { external_id: u.external_id }),
      guid: u.guid,
    };
    return out;
  }

  named(username: string): User | undefined {
    return this.all().find((u) => u.username === username);
  }
}
