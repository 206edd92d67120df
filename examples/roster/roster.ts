// The access roster: each person once, with the accounts they hold in Vectara, Arize and Posit
// Connect, read from YAML or CSV and checked against the resources' own role lists. Every problem
// is collected with its file, line and field, and reported together before any resource exists.
//
// YAML (see roster.yaml):
//   defaults:                          # optional, per service; applies to everyone holding it
//     vectara: { onDelete: disable }
//   people:
//     alice@example.com:               # the person's email: their identity in every service
//       name: Alice Liddell            # Arize's name unless arize.name is given
//       vectara: { apiRoles: [corpus_administrator], corpusRoles: { docs: editor } }
//       arize: { role: MEMBER, isDeveloper: true }
//       connect: { username: alice, userRole: publisher }
//     bob@example.com:
//       leaver: true                   # offboarded as if removed (each service's onDelete)
//
// CSV (see roster.csv): one row per person, one column per field, `<service>.<field>` for a
// service's fields; a person holds a service's account when any of its cells is filled. Lists are
// separated by `;`, corpus roles written `key:role`:
//   email,name,leaver,vectara.apiRoles,vectara.corpusRoles,arize.role,connect.username,connect.userRole
//   alice@example.com,Alice Liddell,,corpus_administrator,docs:editor,MEMBER,alice,publisher
import * as fs from "node:fs";
import * as path from "node:path";
import { LineCounter, isMap, isScalar, parseDocument, type Node, type Pair } from "yaml";
import {
  ArizeUser, ConnectUser, VectaraUser,
  arizeOnDeletePolicies, arizeRoles, connectOnDeletePolicies, connectUserRoles,
  vectaraAgentRoles, vectaraApiRoles, vectaraCorpusRoles, vectaraOnDeletePolicies,
  type ArizeUserArgs, type ConnectUserArgs, type VectaraUserArgs,
} from "pulumi-saas-users";

export const services = ["vectara", "arize", "connect"] as const;
export type Service = (typeof services)[number];

/** One person of the roster, with the resource args of each account they hold. */
export interface Person {
  email: string;
  /** Where the person starts in the file (1-based). */
  line: number;
  name?: string;
  /** Marked as a leaver: no account is declared, so each service's onDelete applies. */
  leaver: boolean;
  vectara?: VectaraUserArgs;
  arize?: ArizeUserArgs;
  connect?: ConnectUserArgs;
}

export interface Roster {
  file: string;
  people: Person[];
}

export interface RosterProblem {
  file: string;
  line: number;
  /** The roster field: `email`, `name`, `leaver`, or `<service>.<field>` (the CSV column). */
  field: string;
  /** The person concerned, when there is one. */
  person?: string;
  message: string;
}

/** Every problem of a roster file, in file order; `code` lets callers branch without instanceof. */
export class RosterError extends Error {
  readonly code = "ROSTER_INVALID";
  constructor(readonly problems: RosterProblem[]) {
    const n = problems.length;
    super(`the roster has ${n} problem${n === 1 ? "" : "s"}; nothing was changed:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.name = "RosterError";
  }
}

/** `file:line: field (person): message`, the form compilers use, so editors can jump to it. */
export const formatProblem = (p: RosterProblem) => `${p.file}:${p.line}: ${p.field}${p.person ? ` (${p.person})` : ""}: ${p.message}`;

// ---- What each service accepts, as data: field → how to read a YAML value or a CSV cell.
type Parsed = { value: unknown } | { error: string };
type Reader = (value: unknown) => Parsed;

const text: Reader = (v) => (typeof v === "string" && v.trim() !== "" ? { value: v.trim() } : typeof v === "number" ? { value: String(v) } : { error: "must be a non-empty text" });
const bool: Reader = (v) => {
  if (typeof v === "boolean") return { value: v };
  if (typeof v === "string" && /^(true|false)$/i.test(v.trim())) return { value: v.trim().toLowerCase() === "true" };
  return { error: `must be true or false, not ${JSON.stringify(v)}` };
};
const oneOf = (what: string, names: readonly string[], normalise = (s: string) => s): Reader => (v) => {
  const s = typeof v === "string" ? normalise(v.trim()) : v;
  return typeof s === "string" && names.includes(s) ? { value: s } : { error: `${JSON.stringify(v)} is not ${what}; use one of ${names.join(", ")}` };
};
/** A CSV cell `a;b`, or a YAML list. */
const splitList = (v: unknown): unknown[] | undefined =>
  Array.isArray(v) ? v : typeof v === "string" ? v.split(";").map((s) => s.trim()).filter(Boolean) : undefined;
const listOf = (item: Reader): Reader => (v) => {
  const items = splitList(v);
  if (!items) return { error: "must be a list (in CSV: names separated by ;)" };
  const values: unknown[] = [];
  for (const i of items) {
    const r = item(i);
    if ("error" in r) return r;
    values.push(r.value);
  }
  return { value: values };
};
/** Key → role (corpus or agent): a YAML map, or a CSV cell `docs:editor;support:viewer`. */
function keyedRoles(what: "corpus" | "agent", keyProp: "corpusKey" | "agentKey", roleNames: readonly string[]): Reader {
  return (v) => {
    const pairs = v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.entries(v)
      : splitList(v)?.map((s) => String(s).split(":").map((p) => p.trim()) as [string, unknown]);
    if (!pairs) return { error: `must map ${what} keys to roles (in CSV: key:role separated by ;)` };
    const roles: Array<Record<string, string>> = [];
    for (const [key, role] of pairs) {
      if (!key || !/^[a-zA-Z0-9_=-]{1,50}$/.test(key)) return { error: `${JSON.stringify(key)} is not ${what === "agent" ? "an agent" : "a corpus"} key (letters, digits, _, = and -)` };
      const r = oneOf(`a Vectara ${what} role`, roleNames)(role);
      if ("error" in r) return { error: `${what} ${key}: ${r.error}` };
      roles.push({ [keyProp]: key, role: r.value as string });
    }
    return { value: roles };
  };
}

interface FieldSpec { read: Reader; required?: boolean }
const fieldSpecs: Record<Service, Record<string, FieldSpec>> = {
  vectara: {
    username: { read: text },
    description: { read: text },
    apiRoles: { read: listOf(oneOf("a Vectara API role", vectaraApiRoles)) },
    corpusRoles: { read: keyedRoles("corpus", "corpusKey", vectaraCorpusRoles) },
    agentRoles: { read: keyedRoles("agent", "agentKey", vectaraAgentRoles) },
    enabled: { read: bool },
    onDelete: { read: oneOf("a Vectara delete policy", vectaraOnDeletePolicies) },
    adoptExisting: { read: bool },
  },
  arize: {
    name: { read: text },
    role: { read: oneOf("an Arize role", arizeRoles, (s) => s.toUpperCase()) },
    isDeveloper: { read: bool },
    onDelete: { read: oneOf("an Arize delete policy", arizeOnDeletePolicies) },
    adoptExisting: { read: bool },
  },
  connect: {
    username: { read: text, required: true },
    userRole: { read: oneOf("a Connect user role", connectUserRoles) },
    locked: { read: bool },
    firstName: { read: text },
    lastName: { read: text },
    externalId: { read: text },
    onDelete: {
      read: (v) => (v === "delete" ? { error: "Connect cannot delete users; a leaver is locked (\"lock\", the default) or left alone (\"retain\")" } : oneOf("a Connect delete policy", connectOnDeletePolicies)(v)),
    },
    adoptExisting: { read: bool },
  },
};
const personFields: Record<string, FieldSpec> = { name: { read: text }, leaver: { read: bool } };
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

// ---- Both formats become the same raw shape, each value with its line; validation is shared.
interface Cell { value: unknown; line: number }
interface RawPerson { email: string; line: number; fields: Map<string, Cell>; services: Map<Service, number> }
interface RawRoster { people: RawPerson[]; defaults: Map<string, Cell> }

class Problems {
  readonly list: RosterProblem[] = [];
  constructor(readonly file: string) {}
  add(line: number, field: string, message: string, person?: string) {
    this.list.push({ file: this.file, line, field, message, ...(person ? { person } : {}) });
  }
}

const isService = (s: string): s is Service => (services as readonly string[]).includes(s);
const unknownService = (s: string) => `unknown service "${s}"; a person holds accounts in ${services.join(", ")}`;

/** Reads and checks a roster file (`.csv` is CSV, anything else YAML); throws a RosterError listing every problem. */
export function readRoster(file: string, shownAs = path.basename(file)): Roster {
  return parseRoster(fs.readFileSync(file, "utf8"), shownAs, path.extname(file).toLowerCase() === ".csv" ? "csv" : "yaml");
}

/** Parses roster text; `file` names it in problems. */
export function parseRoster(source: string, file: string, format: "yaml" | "csv"): Roster {
  const problems = new Problems(file);
  const raw = format === "csv" ? fromCsv(source, problems) : fromYaml(source, problems);
  const people = validate(raw, problems);
  if (problems.list.length > 0) throw new RosterError(problems.list.sort((a, b) => a.line - b.line));
  return { file, people };
}

function validate(raw: RawRoster, problems: Problems): Person[] {
  const defaults = new Map<string, unknown>();
  for (const [field, cell] of raw.defaults) {
    const value = readField(field, cell, problems);
    if (value !== undefined) defaults.set(field, value);
  }
  const seen = new Map<string, number>();
  const taken = new Map<string, { email: string; line: number }>(); // service usernames
  const people: Person[] = [];
  for (const p of raw.people) {
    if (!emailPattern.test(p.email)) problems.add(p.line, "email", `${JSON.stringify(p.email)} is not an email address`);
    const first = seen.get(p.email.toLowerCase());
    if (first !== undefined) {
      problems.add(p.line, "email", `${p.email} appears twice (first on line ${first}); each person appears once, with all their accounts`, p.email);
      continue;
    }
    seen.set(p.email.toLowerCase(), p.line);
    const values = new Map<string, unknown>();
    for (const [field, cell] of p.fields) {
      const value = readField(field, cell, problems, p.email);
      if (value !== undefined) values.set(field, value);
    }
    const get = (field: string) => values.get(field) ?? defaults.get(field);
    const person: Person = { email: p.email, line: p.line, leaver: values.get("leaver") === true };
    if (values.has("name")) person.name = values.get("name") as string;
    for (const [service, line] of p.services) {
      const args: Record<string, unknown> = {};
      for (const [field, spec] of Object.entries(fieldSpecs[service])) {
        const value = get(`${service}.${field}`);
        if (value !== undefined) args[field] = value;
        else if (spec.required && !p.fields.has(`${service}.${field}`)) problems.add(line, `${service}.${field}`, "is required", p.email);
      }
      if (service === "arize" && args.name === undefined) {
        if (person.name) args.name = person.name;
        else problems.add(line, "arize.name", "is required (or give the person a name)", p.email);
      }
      const login = service === "vectara" ? String(args.username ?? p.email) : service === "connect" ? (args.username as string | undefined) : undefined;
      if (login !== undefined) {
        const key = `${service}:${login}`;
        const other = taken.get(key);
        if (other) problems.add(line, `${service}.username`, `${login} is already ${other.email}'s (line ${other.line})`, p.email);
        else taken.set(key, { email: p.email, line });
      }
      if (service === "vectara") person.vectara = { email: p.email, ...args } as VectaraUserArgs;
      if (service === "arize") person.arize = { email: p.email, ...args } as ArizeUserArgs;
      if (service === "connect") person.connect = { email: p.email, ...args } as ConnectUserArgs;
    }
    people.push(person);
  }
  return people;
}

function readField(field: string, cell: Cell, problems: Problems, person?: string): unknown {
  const [service, name] = field.includes(".") ? (field.split(".", 2) as [string, string]) : [undefined, field];
  const spec = service === undefined ? personFields[name] : isService(service) ? fieldSpecs[service][name] : undefined;
  if (!spec) {
    const message = service !== undefined && !isService(service)
      ? unknownService(service)
      : service !== undefined ? `unknown field; ${service} takes ${Object.keys(fieldSpecs[service as Service]).join(", ")}`
      : unknownService(name);
    problems.add(cell.line, field, message, person);
    return undefined;
  }
  const r = spec.read(cell.value);
  if ("error" in r) {
    problems.add(cell.line, field, r.error, person);
    return undefined;
  }
  return r.value;
}

// ---- YAML: line numbers from the parser's source ranges.
function fromYaml(source: string, problems: Problems): RawRoster {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const range = node && "range" in node ? node.range : node && "key" in node ? (node.key as Node | null)?.range : undefined;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const roster: RawRoster = { people: [], defaults: new Map() };
  for (const e of doc.errors) problems.add(lineCounter.linePos(e.pos[0]).line, "(yaml)", e.message.split("\n")[0] ?? e.message);
  if (doc.errors.length > 0) return roster;
  if (doc.contents === null) return roster;
  if (!isMap(doc.contents)) {
    problems.add(lineOf(doc.contents), "(roster)", "must be a map with `people` (and optionally `defaults`)");
    return roster;
  }
  for (const top of doc.contents.items) {
    const key = isScalar(top.key) ? String(top.key.value) : "";
    if (key === "people") {
      if (top.value !== null && !isMap(top.value)) {
        problems.add(lineOf(top), "people", "must map each person's email to their accounts");
        continue;
      }
      for (const entry of top.value?.items ?? []) {
        const email = isScalar(entry.key) ? String(entry.key.value) : "";
        const person: RawPerson = { email, line: lineOf(entry), fields: new Map(), services: new Map() };
        roster.people.push(person);
        if (entry.value !== null && !isMap(entry.value)) {
          problems.add(lineOf(entry), "email", "must map to the person's name, leaver flag and accounts", email);
          continue;
        }
        for (const f of (entry.value as { items?: Pair[] } | null)?.items ?? []) {
          const name = isScalar(f.key) ? String(f.key.value) : "";
          if (isService(name)) {
            person.services.set(name, lineOf(f));
            collectService(name, f, person.fields, problems, lineOf, email);
          } else if (name in personFields) {
            person.fields.set(name, { value: toJs(f.value), line: lineOf(f) });
          } else {
            problems.add(lineOf(f), name, unknownService(name), email);
          }
        }
      }
    } else if (key === "defaults") {
      for (const s of isMap(top.value) ? top.value.items : []) {
        const name = isScalar(s.key) ? String(s.key.value) : "";
        if (!isService(name)) problems.add(lineOf(s), `defaults.${name}`, unknownService(name));
        else collectService(name, s, roster.defaults, problems, lineOf);
      }
    } else {
      problems.add(lineOf(top), key, "unknown section; a roster has `people` and optionally `defaults`");
    }
  }
  return roster;
}

function collectService(service: Service, pair: Pair, into: Map<string, Cell>, problems: Problems, lineOf: (n: Node | Pair) => number, person?: string) {
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return; // `arize:` alone: the account with defaults
  if (!isMap(pair.value)) {
    problems.add(lineOf(pair), service, "must map field names to values", person);
    return;
  }
  for (const f of pair.value.items) {
    const name = isScalar(f.key) ? String(f.key.value) : "";
    into.set(`${service}.${name}`, { value: toJs(f.value), line: lineOf(f) });
  }
}

const toJs = (node: unknown): unknown => (node && typeof node === "object" && "toJSON" in node ? (node as { toJSON(): unknown }).toJSON() : node);

// ---- CSV (RFC 4180: quoted cells may hold commas, quotes doubled and line breaks); each record keeps its first line.
function fromCsv(source: string, problems: Problems): RawRoster {
  const records = csvRecords(source.replace(/^\uFEFF/, "")); // spreadsheets often save a byte-order mark
  const roster: RawRoster = { people: [], defaults: new Map() };
  const header = records.shift();
  if (!header) {
    problems.add(1, "(header)", "a CSV roster starts with a header row naming its columns (email, name, leaver, <service>.<field>)");
    return roster;
  }
  const columns = header.cells.map((c) => c.trim());
  const known = columns.map((column, i) => {
    const problem = columns.indexOf(column) < i ? "appears twice in the header" : columnProblem(column);
    if (problem) problems.add(header.line, column, problem);
    return problem === undefined;
  });
  if (!columns.includes("email")) problems.add(header.line, "email", "the header has no email column: each row is one person, named by email");
  for (const record of records) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    const cell = (i: number) => (record.cells[i] ?? "").trim();
    const email = cell(columns.indexOf("email"));
    const person: RawPerson = { email, line: record.line, fields: new Map(), services: new Map() };
    if (columns.includes("email") && email === "") {
      problems.add(record.line, "email", "is required: each row is one person, named by email");
      continue;
    }
    if (record.cells.length > columns.length) problems.add(record.line, "(row)", `has ${record.cells.length} cells but the header names ${columns.length} columns`, email);
    columns.forEach((column, i) => {
      const value = cell(i);
      if (column === "email" || !known[i] || value === "") return;
      person.fields.set(column, { value, line: record.line });
      const service = column.split(".")[0]!;
      if (isService(service)) person.services.set(service, record.line);
    });
    roster.people.push(person);
  }
  for (const p of roster.people) {
    // In CSV a second row for the same person is the tempting mistake (one row per service): say so.
    const first = roster.people.find((q) => q.email.toLowerCase() === p.email.toLowerCase());
    if (first && first !== p) {
      problems.add(p.line, "email", `${p.email} has two rows (lines ${first.line} and ${p.line}); one row per person carries all their services' columns`, p.email);
      p.email = ""; // reported once here, not again as a duplicate
    }
  }
  roster.people = roster.people.filter((p) => p.email !== "");
  return roster;
}

/** Why a header column is not one of the roster's, or undefined when it is. */
function columnProblem(column: string): string | undefined {
  if (column === "email" || column in personFields) return undefined;
  if (!column.includes(".")) return isService(column) ? `a service's columns are named ${column}.<field>` : unknownService(column);
  const [service, field] = column.split(".", 2) as [string, string];
  if (!isService(service)) return unknownService(service);
  return field in fieldSpecs[service] ? undefined : `unknown field; ${service} takes ${Object.keys(fieldSpecs[service]).join(", ")}`;
}

function csvRecords(source: string): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let line = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let start = 1;
  let any = false;
  const end = () => {
    cells.push(cell);
    if (any || cells.length > 1 || cell !== "") records.push({ line: start, cells });
    cells = [];
    cell = "";
    any = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"') (quoted = true), (any = true);
    else if (c === ",") cells.push(cell), (cell = ""), (any = true);
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      end();
      line++;
      start = line;
    } else cell += c;
  }
  end();
  return records;
}

/**
 * Declares the roster's accounts: one resource per person per service, named by the person's email
 * (distinct per resource type). Leavers, and people no longer listed, are not declared, so Pulumi
 * removes their accounts according to each resource's onDelete.
 */
export function declareRoster(roster: Roster) {
  const declared = { vectara: [] as VectaraUser[], arize: [] as ArizeUser[], connect: [] as ConnectUser[] };
  for (const p of roster.people) {
    if (p.leaver) continue;
    if (p.vectara) declared.vectara.push(new VectaraUser(p.email, p.vectara));
    if (p.arize) declared.arize.push(new ArizeUser(p.email, p.arize));
    if (p.connect) declared.connect.push(new ConnectUser(p.email, p.connect));
  }
  return declared;
}
