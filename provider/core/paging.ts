/** Query values; an array repeats the key (`status=A&status=B`). Paging builds them, the client sends them. */
export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

/**
 * How a service pages its lists (declared in its profile): an opaque key the answer hands back
 * (`page_key`), a cursor (the same, under another name), or page numbers that stop at a short page.
 */
export type Paging =
  | { style: "pageKey" | "cursor"; sizeParam: string; cursorParam: string }
  | { style: "pageNumber"; sizeParam: string; numberParam: string; firstPage: number };

/** One page of a list: its items, and where the next starts (undefined: this was the last). */
export interface Page<T> {
  items: readonly T[];
  next?: string;
}

/** The query for the page at `cursor` (undefined: the first page). */
export function pageQuery(p: Paging, cursor: string | undefined, size: number): Query {
  if (p.style === "pageNumber") return { [p.sizeParam]: size, [p.numberParam]: cursor ?? p.firstPage };
  return { [p.sizeParam]: size, [p.cursorParam]: cursor };
}

/**
 * Where the next page starts. Keys and cursors: what the answer returned (an empty one ends the
 * list, as the vendors' SDKs read it). Page numbers: the next number, while pages come back full.
 */
export function nextCursor(p: Paging, cursor: string | undefined, answer: { count: number; size: number; next?: string }): string | undefined {
  if (p.style !== "pageNumber") return answer.next || undefined;
  return answer.count < answer.size ? undefined : String(Number(cursor ?? p.firstPage) + 1);
}

/** Every item of a list, fetching pages as they are needed. */
export async function* allItems<T>(page: (cursor: string | undefined) => Promise<Page<T>>): AsyncIterableIterator<T> {
  let cursor: string | undefined;
  do {
    const { items, next } = await page(cursor);
    yield* items;
    cursor = next;
  } while (cursor !== undefined);
}
