// The access roster: each person once, with the accounts they hold in Vectara, Arize and Posit
// Connect, read from YAML or CSV and checked against the resources' own inputs (their schemas, from
// the package's registry). Every problem is collected with its file, line and field, and reported
// together before any resource exists.
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
  ArizeUser, ConnectUser, VectaraUser, registry, vectaraUsernameOf,
  type ArizeUserArgs, type ConnectUserArgs, type VectaraUserArgs,
} from "pulumi-saas-users";

/** Own keys only (a field named `constructor` is no field); Object.hasOwn needs a newer TypeScript lib than a program may set. */
const hasOwn = (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key);

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

// ---- What each service accepts: read from the package's registry, where each service names the
// resource that is a person's account and that resource's input schema (the one its check enforces).
type Parsed = { value: unknown } | { error: string };
type Reader = (value: unknown) => Parsed;

/** The little of a zod schema the roster reads: its definition (zod's documented `_zod.def`) and a check. */
interface Schema {
  _zod: { def: { type: string; innerType?: Schema; out?: Schema; element?: Schema; shape?: Record<string, Schema>; entries?: Record<string, string> } };
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: Array<{ message: string }> } };
}
const wrappers = ["optional", "default", "prefault", "nullable", "readonly", "catch"];
/** The schema under its optional and default wrappers. */
const core = (s: Schema): Schema => (wrappers.includes(s._zod.def.type) && s._zod.def.innerType ? core(s._zod.def.innerType) : s);
/** An enum's values; a pipe into an enum (Arize's either-case role) has the enum's. */
const enumValues = (s: Schema): string[] | undefined => {
  const def = core(s)._zod.def;
  if (def.type === "enum") return Object.values(def.entries ?? {});
  return def.type === "pipe" && def.out ? enumValues(def.out) : undefined;
};
const firstIssue = (r: ReturnType<Schema["safeParse"]>) => (r.success ? "" : (r.error.issues[0]?.message ?? "is not valid"));

const text: Reader = (v) => (typeof v === "string" && v.trim() !== "" ? { value: v.trim() } : typeof v === "number" ? { value: String(v) } : { error: "must be a non-empty text" });
/** Text, then the input's own rules (lengths, patterns), in the schema's words. */
const checkedText = (schema: Schema): Reader => (v) => {
  const r = text(v);
  if ("error" in r) return r;
  const checked = schema.safeParse(r.value);
  return checked.success ? { value: checked.data } : { error: firstIssue(checked) };
};
const bool: Reader = (v) => {
  if (typeof v === "boolean") return { value: v };
  if (typeof v === "string" && /^(true|false)$/i.test(v.trim())) return { value: v.trim().toLowerCase() === "true" };
  return { error: `must be true or false, not ${JSON.stringify(v)}` };
};
/** One of an enum's values, as the schema gives it back (Arize's role in either case comes back uppercase). */
const oneOf = (what: string, schema: Schema): Reader => (v) => {
  const r = typeof v === "string" ? schema.safeParse(v.trim()) : undefined;
  return r?.success ? { value: r.data } : { error: `${JSON.stringify(v)} is not ${what}; use one of ${enumValues(schema)!.join(", ")}` };
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
const an = (word: string) => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
/** `apiRoles` → "API roles", `onDelete` → "delete policy": how a message names an input's values. */
const words = (field: string) => (field === "onDelete" ? "delete policy" : field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/^api\b/, "API"));

/** Key → role (a list of `{corpusKey, role}`): a YAML map, or a CSV cell `docs:editor;support:viewer`. */
function keyedRoles(service: string, keyProp: string, item: Record<string, Schema>): Reader {
  const what = keyProp.replace(/Key$/, "");
  const readRole = oneOf(an(`${service} ${what} role`), item.role!);
  return (v) => {
    const pairs = v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.entries(v)
      : splitList(v)?.map((s) => String(s).split(":").map((p) => p.trim()) as [string, unknown]);
    if (!pairs) return { error: `must map ${what} keys to roles (in CSV: key:role separated by ;)` };
    const roles: Array<Record<string, unknown>> = [];
    for (const [key, role] of pairs) {
      const k = item[keyProp]!.safeParse(key);
      if (!k.success) return { error: `${JSON.stringify(key)} is not ${an(what)} key: ${firstIssue(k)}` };
      const r = readRole(role);
      if ("error" in r) return { error: `${what} ${key}: ${r.error}` };
      roles.push({ [keyProp]: k.data, role: r.value });
    }
    return { value: roles };
  };
}

/** How to read one input from a YAML value or a CSV cell, from its schema; undefined: a shape the roster cannot read. */
function readerOf(service: string, field: string, schema: Schema): Reader | undefined {
  const def = core(schema)._zod.def;
  if (def.type === "boolean") return bool;
  if (def.type === "string") return checkedText(schema);
  if (enumValues(schema)) return oneOf(an(`${service} ${words(field)}`), schema);
  if (def.type === "array" && def.element) {
    const item = core(def.element);
    if (enumValues(item)) return listOf(oneOf(an(`${service} ${words(field).replace(/s$/, "")}`), item));
    const shape = item._zod.def.type === "object" ? item._zod.def.shape ?? {} : {};
    const keys = Object.keys(shape);
    const keyProp = keys.find((k) => k !== "role");
    if (keys.length === 2 && keys.includes("role") && keyProp?.endsWith("Key")) return keyedRoles(service, keyProp, shape);
  }
  return undefined;
}

/**
 * The inputs a roster does not set, and why (what a roster that names one is told): the email is the
 * person; the account is the stack's (one per service, chosen by its settings); a password is a
 * secret, and a roster a plain file; the triggers are one-off actions, not access.
 */
const notInRoster: Record<string, string> = {
  account: "is not set in a roster: one roster serves one account per service, the one the stack's settings name",
  email: "is not set in a roster: the person's email is their key (under `people:` in YAML, the email column in CSV)",
  password: "is not set in a roster: a roster is a plain file, no place for a secret; use userMustSetPassword: true",
  passwordResetTrigger: "is not set in a roster: a password reset is a one-off action, not access; declare the resource in a program to trigger one",
  resendInvitationTrigger: "is not set in a roster: resending an invitation is a one-off action, not access; declare the resource in a program to trigger one",
};

/**
 * What a roster adds to a service's schema. Not in the registry, because each is about the roster
 * (a person, a leaver), not the resource: the person's name filling Arize's; an explanation in the
 * roster's terms for a value the resource refuses anyway (Connect's "delete"); a value the resource
 * accepts but a roster cannot use (an Arize temporary password, a secret output the roster shows no
 * one); and the login two people cannot share (the resource's own rule, the one function for it).
 */
interface ServiceRules {
  /** Inputs the person's own field gives when the service's is not set. */
  fromPerson?: Record<string, "name">;
  /** Input → value → why the roster refuses it. */
  refuse?: Record<string, Record<string, string>>;
  /** The account's login, unique in the service, from its args and the person's email. */
  login?: (args: Record<string, unknown>, email: string) => string | undefined;
}
const rules: Record<Service, ServiceRules> = {
  vectara: { login: (args, email) => vectaraUsernameOf({ email, username: args.username as string | undefined }) },
  arize: {
    fromPerson: { name: "name" },
    refuse: { inviteMode: { TEMPORARY_PASSWORD: "a roster cannot hand out a temporary password (it is the resource's secret output, which the roster program shows no one); use EMAIL_LINK (the default) or NONE (SSO)" } },
  },
  connect: {
    login: (args) => args.username as string | undefined,
    refuse: { onDelete: { delete: "Connect cannot delete users; a leaver is locked (\"lock\", the default) or left alone (\"retain\")" } },
  },
};

interface FieldSpec { read: Reader; required?: boolean }
/** Each service's fields: its person resource's inputs, in the schema's order, less those in `notInRoster`. */
const fieldSpecs = Object.fromEntries(services.map((service) => {
  const entry = registry.find((s) => s.name === service);
  const person = entry?.resources.find((r) => r.kind === entry.personKind);
  if (!entry || !person) throw new Error(`the package's registry has no ${service} person resource`);
  const specs: Record<string, FieldSpec> = {};
  for (const [field, schema] of Object.entries(person.inputs.shape as Record<string, Schema>)) {
    if (hasOwn(notInRoster, field)) continue;
    const read = readerOf(entry.profile.service, field, schema);
    if (!read) throw new Error(`${person.kind}.${field}: an input the roster cannot read; teach readerOf its shape, or list it in notInRoster`);
    const refused = rules[service].refuse?.[field];
    specs[field] = {
      read: refused ? (v) => (typeof v === "string" && hasOwn(refused, v.trim()) ? { error: refused[v.trim()]! } : read(v)) : read,
      ...(!wrappers.includes(schema._zod.def.type) && { required: true }),
    };
  }
  return [service, specs];
})) as Record<Service, Record<string, FieldSpec>>;
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
      const { fromPerson = {}, login: loginOf } = rules[service];
      for (const [field, spec] of Object.entries(fieldSpecs[service])) {
        const value = get(`${service}.${field}`) ?? (fromPerson[field] && values.get(fromPerson[field]));
        if (value !== undefined) args[field] = value;
        else if (spec.required && !p.fields.has(`${service}.${field}`)) {
          problems.add(line, `${service}.${field}`, fromPerson[field] ? `is required (or give the person a ${fromPerson[field]})` : "is required", p.email);
        }
      }
      const login = loginOf?.(args, p.email);
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
  const specs = service === undefined ? personFields : isService(service) ? fieldSpecs[service] : {};
  const spec = hasOwn(specs, name) ? specs[name] : undefined;
  if (!spec) {
    const message = service !== undefined && !isService(service)
      ? unknownService(service)
      : service !== undefined && hasOwn(notInRoster, name) ? notInRoster[name]!
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
          } else if (hasOwn(personFields, name)) {
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
  const { records, errors } = csvRecords(source.replace(/^\uFEFF/, "")); // spreadsheets often save a byte-order mark
  const roster: RawRoster = { people: [], defaults: new Map() };
  // As with YAML, a file that does not parse is reported where it breaks, and not checked further.
  for (const e of errors) problems.add(e.line, "(csv)", e.message);
  if (errors.length > 0) return roster;
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
  if (column === "email" || hasOwn(personFields, column)) return undefined;
  if (!column.includes(".")) return isService(column) ? `a service's columns are named ${column}.<field>` : unknownService(column);
  const [service, field] = column.split(".", 2) as [string, string];
  if (!isService(service)) return unknownService(service);
  if (hasOwn(notInRoster, field)) return notInRoster[field];
  return hasOwn(fieldSpecs[service], field) ? undefined : `unknown field; ${service} takes ${Object.keys(fieldSpecs[service]).join(", ")}`;
}

/**
 * RFC 4180 records, each with the line it starts on. A quote that opens a cell (spaces before it
 * aside) must close it before a comma or the end of the line (spaces aside): anything else (a quote
 * inside an unquoted cell, text after a closing quote, a quote never closed) is an error at its
 * line, since reading on would shift cells.
 */
function csvRecords(source: string): { records: Array<{ line: number; cells: string[] }>; errors: Array<{ line: number; message: string }> } {
  const records: Array<{ line: number; cells: string[] }> = [];
  const errors: Array<{ line: number; message: string }> = [];
  let line = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let opened = 0; // the line of the quote that opened the current cell
  let closed = false; // the current cell was quoted and its quote closed
  let start = 1;
  let any = false;
  const end = () => {
    cells.push(cell);
    if (any || cells.length > 1 || cell !== "") records.push({ line: start, cells });
    cells = [];
    cell = "";
    any = false;
    closed = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') (quoted = false), (closed = true);
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === ",") cells.push(cell), (cell = ""), (any = true), (closed = false);
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      end();
      line++;
      start = line;
    } else if (closed) {
      if (c === " " || c === "\t") continue; // spaces before the comma, as after `a, "b"`
      errors.push({ line, message: "text after a quoted cell's closing quote; a quote inside a quoted cell is written twice (\"\")" });
      return { records, errors };
    } else if (c === '"' && cell.trim() === "") (quoted = true), (any = true), (opened = line), (cell = "");
    else if (c === '"') {
      errors.push({ line, message: "a quote inside an unquoted cell; quote the whole cell and write the quote twice (\"a \"\"b\"\" c\")" });
      return { records, errors };
    } else cell += c;
  }
  if (quoted) {
    errors.push({ line: opened, message: "a quote opens a cell here and is never closed" });
    return { records, errors };
  }
  end();
  return { records, errors };
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
