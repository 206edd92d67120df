/**
 * A service's records of one kind, keyed by one field, in creation order (a Map keeps insertion
 * order). Bodies are validated against the spec's create and update schemas before anything else;
 * a service's store says how a record is built, copied and touched. Callers only ever get copies.
 */
import type { z } from "zod";
import { check, type Invalid } from "./validation";

export type CreateResult<T> = { kind: "created"; item: T } | Invalid | { kind: "duplicate"; field: string; value: string };
export type UpdateResult<T> = { kind: "updated"; item: T } | Invalid | { kind: "not-found" };

export abstract class ResourceStore<T extends object, Create, Update extends object> {
  readonly #items = new Map<string, T>();

  constructor(protected readonly now: () => number = Date.now) {}

  /** Lower case, for messages: "A user with … already exists", "User … not found", "no user …". */
  abstract readonly noun: string;
  /** The field that names a record: its key in the store and in paths. */
  protected abstract readonly keyField: keyof T & string;
  protected abstract readonly createSchema: z.ZodType<Create>;
  protected abstract readonly updateSchema: z.ZodType<Update>;
  /** Fields besides the key that no two records may share. */
  protected readonly uniqueFields: readonly (keyof T & string)[] = [];
  /** How a unique field's values compare: as given by default; a service may fold case (emails). */
  protected uniqueValue(_field: keyof T & string, value: unknown): unknown {
    return value;
  }

  /** The key a valid create body asks for, or why it cannot have one. */
  protected abstract keyOf(req: Create): string | Invalid;
  /** The new record; called once the key is known to be free. */
  protected abstract build(req: Create, key: string): T;
  /** A deep copy with the properties in the spec's order and without undefined ones. */
  protected abstract copy(item: T): T;
  /** What every accepted update sets besides the request's fields (e.g. `updated_at`). */
  protected touched(_current: T): Partial<T> {
    return {};
  }

  /** `preset` overrides what the body cannot set (e.g. a record created disabled, out of band). */
  create(body: unknown, preset: Partial<T> = {}): CreateResult<T> {
    const checked = check(this.createSchema, body);
    if (!checked.ok) return { kind: "invalid", fieldErrors: checked.fieldErrors, messages: checked.messages };
    const key = this.keyOf(checked.value);
    if (typeof key !== "string") return key;
    if (this.#items.has(key)) return { kind: "duplicate", field: this.keyField, value: key };
    const item = this.copy({ ...this.build(checked.value, key), ...preset });
    for (const field of this.uniqueFields) {
      const wanted = this.uniqueValue(field, item[field]);
      if ([...this.#items.values()].some((other) => this.uniqueValue(field, other[field]) === wanted)) {
        return { kind: "duplicate", field, value: String(item[field]) };
      }
    }
    this.#items.set(key, item);
    return { kind: "created", item: this.copy(item) };
  }

  /** Partial update: fields absent or null in the body are left alone. Validates before looking up. */
  update(key: string, body: unknown): UpdateResult<T> {
    const checked = check(this.updateSchema, body);
    if (!checked.ok) return { kind: "invalid", fieldErrors: checked.fieldErrors, messages: checked.messages };
    const current = this.#items.get(key);
    if (!current) return { kind: "not-found" };
    const changes = Object.fromEntries(Object.entries(checked.value).filter(([, v]) => v !== undefined && v !== null));
    const item = this.copy({ ...current, ...changes, ...this.touched(current) });
    this.#items.set(key, item);
    return { kind: "updated", item: this.copy(item) };
  }

  /** create() for out-of-band use (seeding, as if in a console): the record, or throws saying why, prefixed with `caller`. */
  createOrThrow(caller: string, body: unknown, preset: Partial<T> = {}): T {
    const result = this.create(body, preset);
    if (result.kind === "created") return result.item;
    throw new Error(`${caller}: ${result.kind === "invalid" ? result.messages.join("; ") : `${result.field} ${result.value} exists`}`);
  }

  /** update() for out-of-band use: the record, or throws on a bad body or an unknown key. */
  updateOrThrow(caller: string, key: string, body: unknown): T {
    const result = this.update(key, body);
    if (result.kind === "updated") return result.item;
    throw new Error(`${caller}: ${result.kind === "invalid" ? result.messages.join("; ") : `no ${this.noun} ${key}`}`);
  }

  /**
   * Replaces a record without the update schema, for what a service changes on its own (a status
   * that moves with time, a re-issued invitation); false when there is no such record.
   */
  protected replace(key: string, item: T): boolean {
    if (!this.#items.has(key)) return false;
    this.#items.set(key, this.copy(item));
    return true;
  }

  get(key: string): T | undefined {
    const item = this.#items.get(key);
    return item && this.copy(item);
  }

  remove(key: string): boolean {
    return this.#items.delete(key);
  }

  /** Every record, in creation order. */
  all(): T[] {
    return [...this.#items.values()].map((item) => this.copy(item));
  }

  clear(): void {
    this.#items.clear();
  }
}
