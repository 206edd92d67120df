/**
 * Builds request paths from a template whose interpolations are path parameters. Each value is
 * percent-encoded as exactly one segment, so a username such as `a/../b` or `x?y#z` can only ever
 * name itself (the idea of openai-node's `path` tag).
 */
export function path(strings: TemplateStringsArray, ...params: string[]): string {
  let out = strings[0] ?? "";
  params.forEach((param, i) => {
    out += encodeSegment(param) + (strings[i + 1] ?? "");
  });
  return out;
}

/**
 * encodeURIComponent leaves `.`, `!`, `'`, `(`, `)`, `*` alone; a segment that is only dots would
 * still be resolved as `.`/`..` by some servers and proxies, so dots are encoded in that case.
 */
export function encodeSegment(value: string): string {
  if (value.length === 0) throw new Error("a path parameter cannot be empty");
  // encodeURIComponent throws a bare URIError on a lone surrogate; say what is wrong instead.
  if (!value.isWellFormed()) throw new Error(`a path parameter must be well-formed Unicode: ${JSON.stringify(value)}`);
  const encoded = encodeURIComponent(value);
  return /^\.+$/.test(value) ? encoded.replace(/\./g, "%2E") : encoded;
}
