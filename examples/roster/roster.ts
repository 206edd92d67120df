import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { VectaraUserArgs } from "pulumi-saas-users";

/**
 * A roster: the people who should have a Vectara account, keyed by username.
 *
 * YAML:
 *   defaults: { onDelete: disable }          # applied to every entry
 *   users:
 *     alice@example.com:                     # email defaults to the username
 *       apiRoles: [corpus_administrator]
 *       corpusRoles: { docs: editor }        # corpus key → role
 *       description: Content manager
 * CSV (header required; lists separated by ";"; corpus roles as key:role):
 *   username,email,apiRoles,corpusRoles,description,enabled,onDelete
 *   alice@example.com,,corpus_administrator,docs:editor,Content manager,,
 */
export type Roster = Record<string, VectaraUserArgs>;

interface RosterFile {
  defaults?: Partial<Entry>;
  users?: Record<string, Entry>;
}

interface Entry extends Omit<VectaraUserArgs, "corpusRoles" | "email"> {
  email?: string;
  corpusRoles?: Record<string, "owner" | "administrator" | "viewer" | "editor">;
}

export function readRoster(file: string): Roster {
  const text = fs.readFileSync(file, "utf8");
  const doc: RosterFile = path.extname(file) === ".csv" ? fromCsv(text) : parse(text);
  const roster: Roster = {};
  for (const [username, entry] of Object.entries(doc.users ?? {})) {
    const { corpusRoles, ...rest } = { ...doc.defaults, ...entry };
    roster[username] = {
      ...rest,
      username,
      email: entry.email ?? username,
      corpusRoles: Object.entries(corpusRoles ?? {}).map(([corpusKey, role]) => ({ corpusKey, role })),
    };
  }
  return roster;
}

function fromCsv(text: string): RosterFile {
  const [header, ...rows] = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const columns = (header ?? "").split(",").map((c) => c.trim());
  const users: Record<string, Entry> = {};
  for (const row of rows) {
    const cell = Object.fromEntries(row.split(",").map((value, i) => [columns[i], value.trim()]));
    const list = (value?: string) => (value ? value.split(";").map((v) => v.trim()).filter(Boolean) : undefined);
    const entry: Entry = {};
    if (cell.email) entry.email = cell.email;
    if (cell.description) entry.description = cell.description;
    if (cell.enabled) entry.enabled = cell.enabled === "true";
    if (cell.onDelete) entry.onDelete = cell.onDelete as Entry["onDelete"];
    // Role names are checked by the provider (a CheckFailure names the bad one).
    if (cell.apiRoles) entry.apiRoles = list(cell.apiRoles) as Entry["apiRoles"];
    if (cell.corpusRoles) entry.corpusRoles = Object.fromEntries((list(cell.corpusRoles) ?? []).map((pair) => pair.split(":") as [string, "viewer"]));
    users[String(cell.username)] = entry;
  }
  return { users };
}
