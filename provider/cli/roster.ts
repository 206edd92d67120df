import type { Declared, Listing, Refused } from "./listing";
import type { ProgramFile } from "./program";

/**
 * The roster form of an import (the shape examples/roster reads): each person once, keyed by email,
 * with the service's block holding the inputs of its person resource (`personKind`). Other
 * resources (corpora) are not people, so a roster leaves them out; a user without an email has no
 * key here and is skipped.
 */

/** `[{corpusKey: "docs", role: "editor"}]` → the name of its key (`corpusKey`): a list of roles a roster writes as a map. */
function roleListKey(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const keys = value.map((item) => (item !== null && typeof item === "object" ? Object.keys(item).filter((k) => k !== "role") : []));
  const first = keys[0];
  return first?.length === 1 && keys.every((k) => k.length === 1 && k[0] === first[0]) && value.every((item) => typeof item.role === "string") ? first[0] : undefined;
}

/** JSON scalars and flow collections are YAML too; quoting every string keeps `yes`, `~` and `0x1` text. */
function scalar(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(scalar).join(", ")}]`;
  if (value !== null && typeof value === "object") return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${scalar(v)}`).join(", ")} }`;
  return JSON.stringify(value);
}

/** The service block of one person: the inputs, less the email (the key) and the account; role lists as maps. */
function block(d: Declared): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d.args)) {
    if (key === "email" || key === "account") continue;
    const by = roleListKey(value);
    out[key] = by ? Object.fromEntries((value as Array<Record<string, string>>).map((r) => [r[by], r.role])) : value;
  }
  return out;
}

export function rosterFiles(listing: Listing): { files: ProgramFile[]; refused: Refused[] } {
  const refused: Refused[] = [];
  const people = new Map<string, { email: string; block: Record<string, unknown> }>();
  for (const d of listing.declared) {
    if (d.kind !== listing.service.personKind) continue;
    const email = d.args.email;
    if (typeof email !== "string") {
      refused.push({ kind: d.kind, key: d.key, reasons: ["email: the user has none, and a roster keys each person by email"] });
      continue;
    }
    const id = email.toLowerCase();
    const seen = people.get(id);
    if (seen) {
      refused.push({ kind: d.kind, key: d.key, reasons: [`email: ${seen.email} already holds a ${listing.service.name} account in the roster, which keeps one per person`] });
      continue;
    }
    people.set(id, { email, block: block(d) });
  }
  const lines = [
    `# Imported by \`pulumi-saas-users import ${listing.service.name} --format roster\`: each person once, keyed by email,`,
    "# with their account as it is and adoptExisting: true. See examples/roster/README.md for every field.",
    "people:",
  ];
  for (const id of [...people.keys()].sort()) {
    const person = people.get(id)!;
    lines.push(`  ${JSON.stringify(person.email)}:`, `    ${listing.service.name}:`);
    for (const [key, value] of Object.entries(person.block)) lines.push(`      ${key}: ${scalar(value)}`);
  }
  return { files: [{ name: "roster.yaml", text: `${lines.join("\n")}\n` }], refused };
}
