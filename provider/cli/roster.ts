import type { Declared, Listing, Refused } from "./listing";
import type { ProgramFile } from "./program";

/**
 * The roster form of an import (the shape examples/roster reads): each person once, keyed by email,
 * with the service's block holding the resource's inputs. Corpora are not people, so a Vectara
 * roster leaves them out; a Connect user without an email has no key here and is skipped.
 */

const lists: Record<string, string> = { corpusRoles: "corpusKey", agentRoles: "agentKey" };

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
    const by = lists[key];
    out[key] = by ? Object.fromEntries((value as Array<Record<string, string>>).map((r) => [r[by], r.role])) : value;
  }
  return out;
}

export function rosterFiles(listing: Listing): { files: ProgramFile[]; refused: Refused[] } {
  const refused: Refused[] = [];
  const people = new Map<string, { email: string; block: Record<string, unknown> }>();
  for (const d of listing.declared) {
    if (d.kind === "VectaraCorpus") continue;
    const email = d.args.email;
    if (typeof email !== "string") {
      refused.push({ kind: d.kind, key: d.key, reasons: ["email: the user has none, and a roster keys each person by email"] });
      continue;
    }
    const id = email.toLowerCase();
    const seen = people.get(id);
    if (seen) {
      refused.push({ kind: d.kind, key: d.key, reasons: [`email: ${seen.email} already holds a ${listing.service} account in the roster, which keeps one per person`] });
      continue;
    }
    people.set(id, { email, block: block(d) });
  }
  const lines = [
    `# Imported by \`pulumi-saas-users import ${listing.service} --format roster\`: each person once, keyed by email,`,
    "# with their account as it is and adoptExisting: true. See examples/roster/README.md for every field.",
    "people:",
  ];
  for (const id of [...people.keys()].sort()) {
    const person = people.get(id)!;
    lines.push(`  ${JSON.stringify(person.email)}:`, `    ${listing.service}:`);
    for (const [key, value] of Object.entries(person.block)) lines.push(`      ${key}: ${scalar(value)}`);
  }
  return { files: [{ name: "roster.yaml", text: `${lines.join("\n")}\n` }], refused };
}
