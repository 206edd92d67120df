// `npm run bench:cli`: the engine's per-resource cost and our share of it, under the real `pulumi`
// CLI (tools/pulumi-cli) with a file backend in a temporary folder, offline. One program, three
// variants of N users: `ours` (VectaraUser), `reference` (bench/reference-provider.ts) and `noop`
// (a dynamic provider that does no I/O: the engine + language host + provider host floor). Each
// variant, against a fresh Vectara emulator with LATENCY_MS on every answer, runs `up` of N users,
// `up` to 2N, `refresh` of 2N and `destroy`; each step is checked (emulator, state, summary) before
// its wall counts. Variants interleave in every round, order alternating. Writes bench/CLI.md, and
// its walls table as a section of bench/RESULTS.md (which `npm run bench` keeps when it rewrites it).
// BENCH_CLI_USERS (default 500) and BENCH_CLI_ROUNDS (default 1: a round of 500/1000 users took
// 12–14 minutes on two cores, much of it the file backend rewriting the state after each step).
import { spawn } from "node:child_process";
import { setMaxListeners } from "node:events";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator } from "../emulator/vectara/server";
import { repo } from "./env";
import { machine, writeSection } from "./report";
import { fmt, progress, spread, type Spread } from "./stats";

const USERS = Number(process.env.BENCH_CLI_USERS ?? 500);
const ROUNDS = Math.max(1, Number(process.env.BENCH_CLI_ROUNDS ?? 1));
const LATENCY_MS = 20;
const STEP_TIMEOUT_MS = 10 * 60_000;
/** A round's wall grows with the square of the users (a state write per step), so the watchdog does too. */
const DEADLINE_MS = (10 + ROUNDS * 20 * (USERS / 500) ** 2) * 60_000;
const PASSPHRASE = "bench-cli";
const USER_TYPE = "pulumi-nodejs:dynamic/bench:User";
const OURS_TYPE = "pulumi-nodejs:dynamic/vectara:User";

const VARIANTS = ["ours", "reference", "noop"] as const;
type Variant = (typeof VARIANTS)[number];
const STEPS = [`up ${USERS}`, `up ${2 * USERS}`, `refresh ${2 * USERS}`, `destroy ${2 * USERS}`] as const;
/** Resources each step works on (the per-resource divisor): the stack's users when it runs. */
const RESOURCES = [USERS, 2 * USERS, 2 * USERS, 2 * USERS];

/** The program: `count` users with the same inputs whatever the variant; plain JS, so no TypeScript compile in the wall. */
const PROGRAM = `const pulumi = require("@pulumi/pulumi");
const config = new pulumi.Config();
const variant = config.require("variant");
const count = config.requireNumber("count");
const noop = {
  create: async (inputs) => ({ id: inputs.email, outs: inputs }),
  read: async (id, props) => ({ id, props }),
  delete: async () => {},
};
class User extends pulumi.dynamic.Resource {
  constructor(name, args, provider) { super(provider, name, args, undefined, "bench", "User"); }
}
const provider = variant === "reference" ? require(${JSON.stringify(path.join(repo, "dist/bench/reference-provider.js"))}).referenceProvider() : noop;
const make = variant === "ours"
  ? (name, args) => new (require("pulumi-saas-users").VectaraUser)(name, args)
  : (name, args) => new User(name, args, provider);
for (let i = 0; i < count; i++) {
  const n = String(i).padStart(5, "0");
  make("u" + n, { email: "u" + n + "@example.com", description: "Bench user " + n });
}
`;

interface Run { round: number; variant: Variant; step: number; ms: number; calls: number; gets: number; pages: number }
const runs: Run[] = [];
const stateBytes: Record<Variant, number[]> = { ours: [], reference: [], noop: [] };
const children = new Set<number>();
let tempRoot = "";
const log: string[] = [];
const note = (line: string) => {
  log.push(line);
  progress(line);
};

interface Cli { bin: string; version: string; root: string; program: string; env: NodeJS.ProcessEnv }

/** Runs `pulumi <args>` in the program folder; rejects with its output on a non-zero exit. */
function pulumi(cli: Cli, args: string[], { env = {}, input = "" }: { env?: Record<string, string>; input?: string } = {}): Promise<{ ms: number; stdout: string }> {
  const t0 = performance.now();
  const child = spawn(cli.bin, [...args, "--non-interactive", "--color", "never"], {
    cwd: cli.program, env: { ...cli.env, ...env }, stdio: ["pipe", "pipe", "pipe"], detached: true,
  });
  children.add(child.pid!);
  child.stdin.end(input);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => kill(child.pid!), STEP_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      children.delete(child.pid!);
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`pulumi ${args.join(" ")} exited with ${code}:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
    });
  });
}

/** The CLI detaches into its own process group, so this stops its plugins too. */
function kill(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // gone already
  }
}

/** The CLI, the program in a temporary folder, and the offline environment the CLI tier uses (tools/pulumi-cli/resolve.js). */
function setup(): Cli {
  // Plain JS beside the sources (as test/harness/demo.ts loads it), so not under dist/.
  const { resolvePulumi, cliPath, offlineEnv } = require(path.join(repo, "tools/pulumi-cli/resolve.js")) as typeof import("../tools/pulumi-cli/resolve");
  const cli = resolvePulumi({ build: true, log: (l) => progress(l) });
  if (!cli.bin) throw new Error(`no pulumi CLI: ${cli.reason}`);
  for (const f of ["dist/provider/index.js", "dist/bench/reference-provider.js", "node_modules/pulumi-saas-users"]) {
    if (!fs.existsSync(path.join(repo, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const root = (tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cli-")));
  const program = path.join(root, "program");
  fs.mkdirSync(program);
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"), "dir");
  fs.writeFileSync(path.join(program, "Pulumi.yaml"), "name: bench-cli\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n");
  fs.writeFileSync(path.join(program, "index.js"), PROGRAM);
  const env = offlineEnv({ root, PATH: cliPath(cli), passphrase: PASSPHRASE, drop: /^(PULUMI_|VECTARA_|BENCH_)/ });
  return { bin: cli.bin, version: cli.version, root, program, env };
}

interface Resource { type: string }

async function exported(cli: Cli, stack: string): Promise<{ bytes: number; users: number }> {
  const { stdout } = await pulumi(cli, ["stack", "export", "--stack", stack]);
  const resources = (JSON.parse(stdout) as { deployment: { resources?: Resource[] } }).deployment.resources ?? [];
  return { bytes: Buffer.byteLength(stdout), users: resources.filter((r) => r.type === USER_TYPE || r.type === OURS_TYPE).length };
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
}

/** One variant's four steps against a fresh emulator and a fresh stack; records a Run per step. */
async function lifecycle(cli: Cli, round: number, variant: Variant): Promise<void> {
  const emulator = await VectaraEmulator.start();
  const stack = `${variant}-${round}`;
  const env = { BENCH_API_URL: emulator.url, BENCH_API_KEY: emulator.apiKey };
  const s = ["--stack", stack];
  try {
    const base = emulator.users().length;
    await pulumi(cli, ["stack", "init", stack]);
    await pulumi(cli, ["config", "set", ...s, "variant"], { input: variant });
    await pulumi(cli, ["config", "set", ...s, "vectara:apiUrl"], { input: emulator.url });
    await pulumi(cli, ["config", "set", ...s, "--secret", "vectara:apiKey"], { input: emulator.apiKey });
    emulator.inject({ kind: "latency", ms: LATENCY_MS });
    const expected = [USERS, 2 * USERS, 2 * USERS, 0];
    for (const [step, name] of STEPS.entries()) {
      if (step < 2) await pulumi(cli, ["config", "set", ...s, "count"], { input: String(RESOURCES[step]) });
      const before = emulator.requests.length;
      const command = name.split(" ")[0]!;
      const r = await pulumi(cli, [command, ...s, "--yes", "--skip-preview"], { env });
      const calls = emulator.requests.slice(before).filter((q) => q.path.startsWith("/v2/"));
      const state = await exported(cli, stack);
      const users = emulator.users().length - base;
      check(state.users === expected[step], `${variant} ${name}: ${state.users} users in state, expected ${expected[step]}`);
      check(variant === "noop" ? calls.length === 0 : users === expected[step], `${variant} ${name}: ${users} users on the server (${calls.length} calls)`);
      if (command === "refresh") {
        const summary = r.stdout.split(/\nResources:\n/)[1] ?? "";
        check(!/\b(created|updated|deleted|replaced)\b/.test(summary) && new RegExp(`\\b${2 * USERS + 1} unchanged`).test(summary),
          `${variant} refresh changed something:\n${summary.slice(0, 500)}`);
      }
      if (step === 1) stateBytes[variant].push(state.bytes);
      const gets = calls.filter((q) => q.method === "GET");
      const run = { round, variant, step, ms: r.ms, calls: calls.length, gets: gets.length, pages: gets.filter((q) => q.path === "/v2/users").length };
      runs.push(run);
      note(`round ${round} ${variant.padEnd(9)} ${name.padEnd(13)} ${fmt(r.ms / 1000)} s, ${run.calls} API calls (${run.gets} GETs, ${run.pages} list pages)`);
    }
  } finally {
    await emulator.close();
  }
}

const ms = (x: number) => `${fmt(x / 1000)} s`;
const pct = (x: number) => `${fmt(100 * x, 0)} %`;
const cell = (s: Spread, f: (x: number) => string) => (s.runs.length > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median));
const wallsOf = (variant: Variant, step: number) => runs.filter((r) => r.variant === variant && r.step === step).map((r) => r.ms);
/** Per round, so that ratios pair runs measured side by side. */
const paired = (step: number, f: (w: Record<Variant, number>) => number) =>
  spread([...new Set(runs.map((r) => r.round))].map((round) => {
    const w = Object.fromEntries(VARIANTS.map((v) => [v, runs.find((r) => r.round === round && r.variant === v && r.step === step)!.ms])) as Record<Variant, number>;
    return f(w);
  }));

function tables(): string[] {
  const walls = ["| step | resources | ours | reference | noop | ours ÷ reference | ours ÷ noop | engine per resource (noop ÷ resources) | our share: (ours − noop) ÷ ours | reference's share |",
    "|---|---|---|---|---|---|---|---|---|---|"];
  const calls = ["| step | ours | reference | noop |", "|---|---|---|---|"];
  for (const [step, name] of STEPS.entries()) {
    const n = RESOURCES[step]!;
    walls.push(`| ${name} | ${n} | ${VARIANTS.map((v) => cell(spread(wallsOf(v, step)), ms)).join(" | ")} | ` +
      `${cell(paired(step, (w) => w.ours / w.reference), (x) => `${fmt(x)}×`)} | ${cell(paired(step, (w) => w.ours / w.noop), (x) => `${fmt(x)}×`)} | ` +
      `${cell(spread(wallsOf("noop", step).map((x) => x / n)), (x) => `${fmt(x)} ms`)} | ` +
      `${cell(paired(step, (w) => (w.ours - w.noop) / w.ours), pct)} | ${cell(paired(step, (w) => (w.reference - w.noop) / w.reference), pct)} |`);
    const c = (v: Variant) => {
      const r = runs.filter((x) => x.variant === v && x.step === step);
      const vals = (k: "calls" | "gets" | "pages") => [...new Set(r.map((x) => x[k]))].join("/");
      return `${vals("calls")} (${vals("gets")} GETs, ${vals("pages")} list pages)`;
    };
    calls.push(`| ${name} | ${VARIANTS.map(c).join(" | ")} |`);
  }
  const bytes = ["| variant | stack export bytes ÷ users, at " + 2 * USERS + " users |", "|---|---|",
    ...VARIANTS.map((v) => `| ${v} | ${[...new Set(stateBytes[v].map((b) => Math.round(b / (2 * USERS))))].join("/")} |`)];
  return [walls.join("\n"), calls.join("\n"), bytes.join("\n")];
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const load0 = os.loadavg();
  const cli = setup();
  try {
    note(`pulumi ${cli.version}, ${USERS}/${2 * USERS} users, ${ROUNDS} round(s), ${LATENCY_MS} ms latency, ${machine()}, load ${load0.map((l) => fmt(l)).join(" ")}`);
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? VARIANTS : [...VARIANTS].reverse();
      for (const variant of order) await lifecycle(cli, round, variant);
    }
  } finally {
    fs.rmSync(cli.root, { recursive: true, force: true });
  }
  const load1 = os.loadavg();
  const totalMs = performance.now() - t0;
  const [walls, calls, bytes] = tables();
  process.stdout.write(`\n${walls}\n\n${calls}\n\n${bytes}\n\n`);
  const out = [
    "# Figures under the real CLI", "",
    `Written by \`npm run bench:cli\` (bench/cli.ts) on ${new Date().toISOString()}; the run took ${fmt(totalMs / 60_000, 1)} min.`, "",
    `- Machine: ${machine()}. Load averages (1/5/15 min) before ${load0.map((l) => fmt(l)).join(" / ")}, after ${load1.map((l) => fmt(l)).join(" / ")}: walls are taken under whatever else the machine ran.`,
    `- Pulumi CLI ${cli.version}, file backend, default \`--parallel\` (8), \`--yes --skip-preview --non-interactive\`; the program is plain JavaScript (no TypeScript compile).`,
    `- ${ROUNDS} round(s); in each, the three variants one after another (order alternating), each against a fresh Vectara emulator with ${LATENCY_MS} ms latency on every answer and a fresh stack: \`up\` of ${USERS} users from empty, \`up\` to ${2 * USERS}, \`refresh\` of ${2 * USERS}, \`destroy\` of ${2 * USERS}. A step counts only after its check: users in \`stack export\` and on the server (${USERS}, ${2 * USERS}, ${2 * USERS}, 0; the noop variant makes no API call), and a refresh summary of nothing but \`${2 * USERS + 1} unchanged\`.`,
    "- Variants: **ours** = `VectaraUser` (API key as a secret config); **reference** = `pulumi.dynamic.Resource` with bench/reference-provider.ts (one request per operation, endpoint and key from the environment); **noop** = `pulumi.dynamic.Resource` whose provider does no I/O (create returns the email as id, read returns the props). Same inputs in all three: email and description.",
    "- Wall = the whole `pulumi` command (CLI start, program run, provider host start, every step, state writes). Median (min–max) over the rounds; ratios and shares are taken per round, then the median. **Engine per resource** = the noop wall ÷ the resources the step works on (fixed costs included). **Share** = (variant − noop) ÷ variant: the part of the wall that is the provider and the API rather than the engine.", "",
    "## Walls", "", walls, "",
    "## API calls per step", "", "Per variant; several values when rounds differed.", "", calls, "",
    "## State", "", bytes, "",
    "## Runs", "", "```", ...log, "```", "",
  ];
  fs.writeFileSync(path.join(repo, "bench/CLI.md"), out.join("\n"));
  writeSection(path.join(repo, "bench/RESULTS.md"), "cli", [
    "## Under the real CLI", "",
    `From \`npm run bench:cli\` on ${new Date().toISOString()} (${machine()}; Pulumi CLI ${cli.version}, file backend, default \`--parallel\`; load averages ${load0.map((l) => fmt(l)).join(" / ")} before, ${load1.map((l) => fmt(l)).join(" / ")} after), ` +
      `${ROUNDS} round(s), median (min–max): one program of N users as \`VectaraUser\` (ours), with the reference provider, and with a provider that does no I/O (noop: the engine's own cost), ${LATENCY_MS} ms latency on every API answer. ` +
      "Engine per resource = noop wall ÷ resources; our share = (ours − noop) ÷ ours. API calls, state bytes and every run: bench/CLI.md.", "",
    walls,
  ].join("\n"));
  progress(`done in ${fmt(totalMs / 60_000, 1)} min; wrote bench/CLI.md`);
}

// Emulator latency waits each listen on one AbortSignal; hundreds at once are expected here.
setMaxListeners(10_000);
const watchdog = setTimeout(() => {
  progress(`the run passed ${fmt(DEADLINE_MS / 60_000, 0)} minutes: stopping`);
  for (const pid of children) kill(pid);
  if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
  process.exit(2);
}, DEADLINE_MS);
watchdog.unref();
main().catch((error: unknown) => {
  for (const pid of children) kill(pid);
  process.stderr.write(`bench:cli failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}).finally(() => clearTimeout(watchdog));
