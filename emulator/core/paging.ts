/**
 * Paging over a list held in memory, in the three styles SaaS list endpoints use:
 * - an opaque key or cursor for the next page (`cursorPage`): the key encodes an offset as
 *   base64 of `{"offset":N}` (e.g. `eyJvZmZzZXQiOjF9`); clients must treat it as opaque;
 * - a page number and page size (`numberedPage`), 1-based, with the total count;
 * - a plain offset and limit (`cursorPage` with the offset taken from the query).
 * Offsets count in the list as the store returns it, so an item created or deleted between
 * pages shifts later pages, as with any offset cursor. Query checks return messages, not replies:
 * the service decides the error shape.
 */

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), "utf8").toString("base64");
}

/** The offset a cursor stands for, or undefined when it is not one this emulator issued. */
export function decodeCursor(key: string): number | undefined {
  // Buffer's base64 decoder skips junk silently, so check the alphabet first (padding optional).
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(key, "base64").toString("utf8"));
    const offset = (parsed as { offset?: unknown } | null)?.offset;
    return Number.isSafeInteger(offset) && (offset as number) >= 0 ? (offset as number) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One page from `offset`, and the cursor of the next one, or undefined on the last page. A full
 * last page gets no cursor (no empty trailing page).
 */
export function cursorPage<T>(all: readonly T[], offset: number, limit: number): { items: T[]; next?: string } {
  const items = all.slice(offset, offset + limit);
  return offset + limit < all.length ? { items, next: encodeCursor(offset + limit) } : { items };
}

/** Page `pageNumber` (1-based) of `pageSize` items, with the total the list has. */
export function numberedPage<T>(all: readonly T[], pageNumber: number, pageSize: number): { items: T[]; total: number } {
  const offset = (pageNumber - 1) * pageSize;
  return { items: all.slice(offset, offset + pageSize), total: all.length };
}

export interface IntegerRange {
  min: number;
  max: number;
  default: number;
}

/**
 * Query parameters as a list endpoint reads them: each may be given once, integers lie in their
 * range. `problems` maps a parameter name to its message (the first problem found for it).
 */
export class QueryReader {
  readonly problems: Record<string, string> = {};

  constructor(private readonly query: URLSearchParams, once: readonly string[]) {
    for (const name of once) {
      if (query.getAll(name).length > 1) this.problems[name] = `${name} may be given once`;
    }
  }

  problem(name: string, message: string): void {
    this.problems[name] ??= message;
  }

  get(name: string): string | undefined {
    return this.query.get(name) ?? undefined;
  }

  /** The parameter as an integer in `range`, its default when absent; NaN (and a problem) when invalid. */
  integer(name: string, range: IntegerRange): number {
    const raw = this.query.get(name);
    if (raw === null) return range.default;
    const value = Number(raw);
    if (/^\d+$/.test(raw) && value >= range.min && value <= range.max) return value;
    this.problem(name, `${name} must be an integer from ${range.min} to ${range.max}`);
    return NaN;
  }

  /** The offset of a cursor parameter (0 when absent); undefined (and a problem) when not one this
   *  emulator issued. `what` names it in the message ("page key", "cursor"). */
  cursor(name: string, what: string): number | undefined {
    const raw = this.query.get(name);
    if (raw === null) return 0;
    const offset = decodeCursor(raw);
    if (offset === undefined) this.problem(name, `${name} is not a ${what} this server issued`);
    return offset;
  }

  get ok(): boolean {
    return Object.keys(this.problems).length === 0;
  }
}
