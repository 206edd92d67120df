// `npm run bench:services`: the per-service rows of the bench (Connect and Arize; Vectara's are in
// `npm run bench`). For each service, a 1,000-user stack made by a real `up` of its
// test/harness/fixtures program through the harness, against its emulator with 20 ms latency on
// every answer; then `refresh` (the whole command: host start, every Read at once, a state write
// per resource) after a few users were changed and deleted on the server; and 300 creates against
// a limit of 50 requests/s answered 429 + Retry-After beyond it (bench/rate-limit.ts, as P3 of
// `npm run bench`). Prints a table per service and writes bench/SERVICES.md.
import { setMaxListeners } from "node:events";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ArizeEmulator } from "../emulator/arize/server";
import { ConnectEmulator } from "../emulator/connect/server";
import { Stack } from "../test/harness/engine";
import type { ResourceState } from "../test/harness/state-file";
import { repo } from "./env";
import { rateLimitedCreates } from "./rate-limit";
import { fmt, timed } from "./stats";

const USERS = 1000;
const LATENCY_MS = 20;
const LIMIT = { creates: 300, perSecond: 50, width: 16 };

interface Emulator {
  requests: Array<{ method: string; path: string; status: unknown }>;
  inject(fault: { kind: "latency"; ms: number } | { kind: "rate-limit"; perSecond: number }): void;
  close(): Promise<void>;
}

/** What differs between services: the emulator, the program, the users, and how the server changes one. */
interface ServiceBench<E extends Emulator> {
  name: string;
  type: string;
  /** The package module its `__provider` loads. */
  entry: string;
  project: string;
  example: string;
  fixture: string;
  /** The list endpoint, as the emulator logs it, and its page size. */
  listPath: string;
  pageSize: number;
  /** Where the API's paths start (the rest, e.g. a token endpoint, is not counted against the limit). */
  apiPrefix: string;
  start(): Promise<E>;
  config(e: E): Record<string, string>;
  secretKeys: string[];
  user(i: number): Record<string, unknown>;
  /** Changes a user on the server; `edited(outputs)` says whether a refresh saw it. */
  edit(e: E, r: ResourceState): void;
  edited(outputs: Record<string, unknown> | undefined): boolean;
  remove(e: E, r: ResourceState): void;
}

const pad = (i: number) => String(i).padStart(4, "0");

const connect: ServiceBench<ConnectEmulator> = {
  name: "ConnectUser", type: "pulumi-nodejs:dynamic/connect:User", entry: "pulumi-saas-users/connect-user", project: "connect-users",
  example: "examples/connect-users", fixture: "dist/test/harness/fixtures/connect-users/index.js",
  listPath: "/__api__/v1/users", pageSize: 500, apiPrefix: "/__api__/",
  start: () => ConnectEmulator.start(),
  config: (e) => ({ "connect:serverUrl": e.serverUrl, "connect:apiKey": e.apiKey }),
  secretKeys: ["connect:apiKey"],
  user: (i) => ({ username: `u${pad(i)}`, userRole: "viewer" }),
  edit: (e, r) => void e.patchUser(r.id, { first_name: "edited" }),
  edited: (o) => o?.firstName === "edited",
  remove: (e, r) => void e.deleteUser(r.id),
};

const arize: ServiceBench<ArizeEmulator> = {
  name: "ArizeUser", type: "pulumi-nodejs:dynamic/arize:User", entry: "pulumi-saas-users/arize-user", project: "arize-users",
  example: "examples/arize-users", fixture: "dist/test/harness/fixtures/arize-users/index.js",
  listPath: "/v2/users", pageSize: 100, apiPrefix: "/v2/",
  start: () => ArizeEmulator.start(),
  config: (e) => ({ "arize:baseUrl": e.url, "arize:apiKey": e.apiKey }),
  secretKeys: ["arize:apiKey"],
  user: (i) => ({ email: `u${pad(i)}@example.com`, name: `User ${pad(i)}`, inviteMode: "NONE" }),
  edit: (e, r) => void e.patchUser(r.id, { name: "edited" }),
  edited: (o) => o?.name === "edited",
  remove: (e, r) => void e.deleteUser(r.id),
};

async function measure<E extends Emulator>(s: ServiceBench<E>): Promise<string[][]> {
  const emulator = await s.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "service-bench-"));
  try {
    emulator.inject({ kind: "latency", ms: LATENCY_MS });
    const users = Object.fromEntries(Array.from({ length: USERS }, (_, i) => [`u${i}`, s.user(i)]));
    const stack = new Stack({
      stateDir: dir, project: s.project, stack: "bench", secretConfigKeys: s.secretKeys,
      config: { ...s.config(emulator), [`${s.project}:users`]: JSON.stringify(users) },
    });
    const programDir = path.join(repo, s.example);
    const up = await timed(() => stack.up(path.join(repo, s.fixture), { programDir }));
    if (up.value.error) throw new Error(`${s.name} up failed: ${up.value.error.slice(0, 1000)}`);
    const resources = stack.state().resources.filter((r) => r.type === s.type);
    const edited = resources.filter((_, i) => i % 97 === 5);
    const deleted = resources.filter((_, i) => i % 211 === 7);
    for (const r of edited) s.edit(emulator, r);
    for (const r of deleted) s.remove(emulator, r);
    const before = emulator.requests.length;
    const refresh = await timed(() => stack.refresh({ programDir }));
    if (refresh.value.error) throw new Error(`${s.name} refresh failed: ${refresh.value.error.slice(0, 1000)}`);
    const calls = emulator.requests.slice(before);
    const pages = calls.filter((r) => r.method === "GET" && r.path === s.listPath).length;
    const after = stack.state().resources;
    const wrong = edited.filter((r) => !s.edited(after.find((a) => a.id === r.id)?.outputs)).length
      + deleted.filter((r) => after.some((a) => a.id === r.id)).length;
    const stateBytes = fs.statSync(path.join(dir, "state.json")).size;
    const provider = Buffer.byteLength(String(resources[0]?.inputs.__provider));
    return [
      [`API calls to refresh ${USERS} users (list pages of ${s.pageSize} + single GETs)`, `${calls.length} (${pages} pages)`, "≤ 20"],
      [`refresh wall, ${USERS} users, ${LATENCY_MS} ms latency (whole command)`, `${Math.round(refresh.ms)} ms`, "report"],
      [`refresh answers wrong (stale, missed change or deletion; ${edited.length} edited, ${deleted.length} deleted)`, String(wrong), "0"],
      [`up of ${USERS} users, wall`, `${Math.round(up.ms)} ms`, "report"],
      ["state bytes per resource", String(Math.round(stateBytes / USERS)), "report"],
      ["`__provider` bytes per resource", String(provider), "≤ 1024"],
      ...(await rateLimited(s)),
    ];
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 300 creates through the host against 50 requests/s, as P3 of `npm run bench`. */
async function rateLimited<E extends Emulator>(s: ServiceBench<E>): Promise<string[][]> {
  const run = await rateLimitedCreates({
    start: () => s.start(), entry: s.entry, type: s.type.split("/").pop()!, programDir: path.join(repo, s.example), project: s.project,
    config: (e) => s.config(e), secretKeys: s.secretKeys, inputs: (i) => s.user(10_000 + i), apiPath: s.apiPrefix,
  }, LIMIT.creates, LIMIT.perSecond, LIMIT.width, LATENCY_MS);
  const accepted = run.requests - run.rejected;
  return [
    [`failed creates of ${LIMIT.creates} at ${LIMIT.perSecond} requests/s (429 + Retry-After beyond)${run.firstError ? `; first: ${run.firstError}` : ""}`, String(run.failures), "0"],
    [`  wall ÷ (${accepted} API calls ÷ ${LIMIT.perSecond}/s)`, `${fmt(run.ratio)}× (${Math.round(run.wallMs)} ms; ${run.rejected} answered 429)`, "≤ 1.25"],
  ];
}

async function main(): Promise<void> {
  const sections: string[] = [];
  for (const s of [connect, arize] as ServiceBench<Emulator>[]) {
    const rows = await measure(s);
    const table = [`## ${s.name}`, "", "| figure | value | target |", "|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
    console.log(`${table}\n`);
    sections.push(table);
  }
  fs.writeFileSync(path.join(repo, "bench/SERVICES.md"),
    `# Per-service bench\n\nOne run of \`npm run bench:services\` (bench/service-refresh.ts), ${new Date().toISOString().slice(0, 10)}.\n\n${sections.join("\n\n")}\n`);
}

// Emulator latency waits each listen on one AbortSignal; hundreds at once are expected here.
setMaxListeners(10_000);
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
