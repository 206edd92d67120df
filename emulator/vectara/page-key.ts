/**
 * The opaque list cursor. Its format copies the spec's only example, ListMetadata.page_key
 * `eyJvZmZzZXQiOjF9`, which is base64 of `{"offset":1}`. Clients must treat it as opaque.
 */

export function encodePageKey(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), "utf8").toString("base64");
}

/** The offset a page key stands for, or undefined when it is not one this emulator issued. */
export function decodePageKey(key: string): number | undefined {
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
