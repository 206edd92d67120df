// What a CheckFailure for a bad input at `where` (`email`, `corpusRoles[0].role`) must look like:
// on the top-level property (the only one the engine can look up and print the value of), with
// the path inside it leading the reason.
export function failureAt(where: string): { property: string; reason: unknown } {
  const property = where.split(/[.[]/)[0]!;
  return property === where
    ? { property, reason: expect.any(String) }
    : { property, reason: expect.stringMatching(new RegExp(`^${where.replace(/[.[\]]/g, "\\$&")}: \\S`)) };
}
