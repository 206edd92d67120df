// `npm run bench`: provider cost against the physical floor, as ratios measured in one run.
// Prints progress and a table, and writes bench/RESULTS.md. `--save-baseline` also records the
// figures as bench/baseline.json (the "before" of the before/after table). BENCH_ROUNDS overrides
// the number of runs per figure (at least 3).
import { setMaxListeners } from "node:events";
import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { VectaraEmulator } from "../emulator/vectara/server";
import { coldStart, type ColdStartRun } from "./cold-start";
import { programDir, project, repo, stackConfig, stopChildren, stopLiveHosts, vectaraSecretKeys } from "./env";
import { runBareLoop, runLifecycle, type LifecycleRun, type Phase } from "./lifecycle";
import { oauthBurst, type OAuthRun } from "./oauth";
import { rateLimitedCreates, type RateLimitRun, type RateLimitTarget } from "./rate-limit";
import { referenceProviderBytes, refreshBurst, stackRefresh, upStack, type RefreshRun } from "./refresh";
import { consoleTable, figure, keptSection, machine, markdown, value, type Baseline, type Figure, type Fix } from "./report";
import { fmt, progress, spread, timed, type Spread } from "./stats";

const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
/**
 * P1's rounds per Node.js line (BENCH_P1_ROUNDS, default 4): P1 runs on two lines now, so a round
 * costs twice what it did; an even count balances the order.
 */
const P1_ROUNDS = Math.max(2, Number(process.env.BENCH_P1_ROUNDS ?? 4));
/** BENCH_NODE_LINES (default "24"): the other Node.js lines P1 and cold start run the host on, beside the bench's own. */
const OTHER_LINES = (process.env.BENCH_NODE_LINES ?? "24").split(/[ ,]+/).filter(Boolean).map(Number);
interface Line { name: string; bin: string; version: string }
const LINES: Line[] = (() => {
  const { resolveNode } = require(path.join(repo, "tools/node/resolve.js")) as { resolveNode(major: number, opts?: { log?: (l: string) => void }): { version: string; bin: string } };
  const own = { name: process.versions.node.split(".")[0]!, bin: process.execPath, version: process.versions.node };
  const others = OTHER_LINES.filter((m) => String(m) !== own.name).map((m) => {
    const r = resolveNode(m, { log: progress });
    return { name: String(m), bin: r.bin, version: r.version };
  });
  return [own, ...others];
})();
const LATENCY_MS = 20;
const WIDTH = 16;
const P1_USERS = 500;
const P2_USERS = 1000;
const P3 = { creates: 300, perSecond: 50 };
const P4_OPERATIONS = 500;
/** Two Node.js lines double P1; on a loaded machine a run takes up to twice its usual 8–10 minutes. */
const DEADLINE_MS = 30 * 60_000;

/** P3's target: VectaraUser against the Vectara emulator. */
const vectaraUsers: RateLimitTarget<VectaraEmulator> = {
  start: () => VectaraEmulator.start(), entry: "pulumi-saas-users/vectara-user", type: "vectara:User", programDir, project,
  config: (e) => stackConfig(e).config, secretKeys: vectaraSecretKeys, inputs: (i) => ({ email: `rl${i}@example.com` }), apiPath: "/v2/",
};

const resultsFile = path.join(repo, "bench/RESULTS.md");
const baselineFile = path.join(repo, "bench/baseline.json");

/** What each provider change did, by the figures it moved (shown under the before/after table). */
const FIXES: Fix[] = [
  {
    figures: ["P5", "P5s", "P1xs", "P1xsc"],
    what: "resources register a one-line `__provider` (provider/core/dynamic-loader.ts loaderSource, through HostedResource): 161 bytes instead of the 1,014 of Pulumi's " +
      "closure serialization of the loader. The string rides in every operation's inputs and outputs, and the host's protobuf string coding paid for it " +
      "(npm run bench:profile -- --node 24 --variants ours,ours1k). P1xs/P1xsc measure it in the same run against VectaraUser with the old loader (ours1k).",
  },
  {
    figures: ["P2", "P2w", "P1b", "P1"],
    what: "reads in a refresh burst are answered from list pages (provider/core/burst-reader.ts, provider/vectara/users/reads.ts). " +
      "With 8 reads in flight (a read waits 5 ms for company before its own GET), the users are listed 100 a page, once per burst, " +
      "and pages are fetched only while reads wait for them and pay for themselves. A read the pages did not answer (a user deleted meanwhile), " +
      "a user this process created, updated or deleted after its page was requested, and a lone read each get their own GET. " +
      "A burst ends after 1 s without reads, 30 s after it began, or when a key it already answered is read again (a second refresh in the same process lists afresh), and never serves another burst's pages. " +
      "In P1 the read phase (16 in flight) becomes 5 list pages instead of 500 GETs.",
  },
  {
    figures: ["P1c", "P1w", "P1b"],
    what: "requests go through undici's `dispatch` with a handler that collects the body (provider/core/transport.ts) instead of `request()`, " +
      "which made a response stream and an AbortSignal per request: about 20–25% less client CPU per request in a local A/B (6,000 POSTs, 16 in flight). " +
      "Found with `npm run bench:profile`; the rest of the per-request path was already at the reference's CPU on a warm host.",
  },
  {
    figures: ["P3r", "P3"],
    what: "a 429 (or 503) with Retry-After pauses every request of the process until then (provider/core/rate-gate.ts; statuses as data in " +
      "RetryPolicy.pauseAllOn, decision in retry.ts pauseAll), closed before the refused request frees its concurrency slot, " +
      "so requests wait instead of each being refused in turn. Failures were already 0 and the ratio already met; the refused requests drop.",
  },
];

const METHOD = [
  `**P1** — ${P1_USERS} users, ${P1_ROUNDS} rounds per Node.js line (BENCH_P1_ROUNDS), ${LATENCY_MS} ms injected latency on every request, the provider host run by each line's \`node\` in turn (the bench's own, and each of BENCH_NODE_LINES, default 24, through tools/node/resolve.js) in the same run. The bench drives \`ProviderHost\` (test/harness/host.ts, the real @pulumi/pulumi dynamic-provider host over gRPC) directly with a ${WIDTH}-wide worker pool issuing the engine's calls per phase: Check→Create; Read; Check→Diff→Update; Delete. One host per run, configured and warmed before the clock starts by one Check (which loads the provider) and one Read of a user that does not exist (which loads what a first request needs: for VectaraUser, undici, which it loads with the first request, and a connection); host start and those loads are the cold-start figures. Each host then runs the lifecycle a second time (P1h: what a warm host costs; P1o: the CPU a fresh host's first create phase pays over its second). The anchor (P1b and the phase ratios) is the **lean reference** (bench/lean-provider.ts): a module of the bench's compiled output that the host loads by path, its \`__provider\` one line of under 100 bytes (P5'), plain node:http with one keep-alive agent, one request per operation, no validation, no retries. (a) divides by a bare keep-alive HTTP loop in the bench process making one POST, GET, PATCH and DELETE per user at the same parallelism. P1k divides the old **closure reference** (bench/reference-provider.ts, the same requests, serialized by value with Pulumi's serializeFunction into a 2.4 KB \`__provider\` that every call carries both ways) by the lean one: what a closure-serialized provider pays, and why the old anchor flattered the ratio; it runs once per host. In every round the bare loop runs once, then each line's three providers, the lines' order and the providers' order alternating, each with a fresh emulator, after a garbage collection of the bench process. P1wc/P1wu/P1wd and P1r split the ratio by phase; P1c is the host process's CPU time (/proc) over the lifecycle, VectaraUser's ÷ the lean reference's on the same line.`,
  `**P2** — a ${P2_USERS}-user stack created by a real \`up\` of test/harness/fixtures/users through the harness. A burst sends every resource's Read to a fresh host at once (what the harness's refreshAll and the engine do); before each burst ~10 users are edited and ~5 deleted out of band, and every answer is checked against the emulator (\`wrong\` must be 0). The anchor is the reference provider's burst (one GET per resource). The full \`refresh\` command through the harness, which also writes the state file once per resource, is timed once.`,
  `**P3** — ${P3.creates} Check→Create through the host, ${WIDTH} in flight, against the emulator's token bucket of ${P3.perSecond} requests/s (it starts full) answering 429 + Retry-After beyond it, plus ${LATENCY_MS} ms latency. Ratio = wall ÷ (API calls accepted ÷ ${P3.perSecond}/s): one call per create here, so ${P3.creates} ÷ ${P3.perSecond} s.`,
  `**P4** — ${P4_OPERATIONS} Check→Create sent to one host at once with OAuth client credentials (${LATENCY_MS} ms latency on the token endpoint too); the emulator counts issued tokens.`,
  `**P5** — from the ${P2_USERS}-user stack's state file: the \`__provider\` string of a resource, and the file's size ÷ ${P2_USERS}.`,
  `**Cold start** — on each Node.js line: spawn → port printed is the host's own start; then the first Read (deserializes \`__provider\`, runs configure, opens the first connection) minus the median of 5 warm Reads; and on another fresh host the first Check (what a preview pays: no request) minus the median of 5 warm Checks; for VectaraUser and for the lean reference, ${ROUNDS} rounds each, the order alternating.`,
];

/** What the figures say beyond met/missed: where the remaining cost sits. */
function notes(figures: readonly Figure[], baseline: Baseline | undefined): string[] {
  const m = (id: string) => figures.find((f) => f.id === id)?.spread.median;
  const v = (id: string, unit = "") => {
    const x = m(id);
    return x === undefined ? "n/a" : value(x, unit);
  };
  const before = (id: string) => baseline?.figures[id]?.median;
  const out = [
    ...LINES.map(({ name: l }) =>
      `P1 on Node ${l}: the lifecycle costs ${v(`P1b@${l}`, "×")} the lean reference's wall (create ${v(`P1wc@${l}`, "×")}, update ${v(`P1wu@${l}`, "×")}, delete ${v(`P1wd@${l}`, "×")}, read ${v(`P1r@${l}`, "×")} with ${v(`P1q@${l}`)} HTTP requests instead of 2000), ` +
      `with ${v(`P1c@${l}`, "×")} its host CPU (${v(`P1cc@${l}`, "×")} in the create phase). On the same host a second time: ${v(`P1h@${l}`, "×")} (host CPU ${v(`P1hcpu@${l}`, "×")}); a fresh host's first create phase pays ${v(`P1o@${l}`, "ms")} of CPU over its second (lean reference: ${v(`P1o'@${l}`, "ms")}). ` +
      `With its old 1 KB loader \`__provider\` VectaraUser cost ${v(`P1x@${l}`, "×")} the lean reference (host CPU ${v(`P1xc@${l}`, "×")}); the one-line loader takes ${v(`P1xsc@${l}`, "×")} of that host CPU. ` +
      `The old closure reference costs ${v(`P1k@${l}`, "×")} the lean one (host CPU ${v(`P1kc@${l}`, "×")}), which is why it flattered the ratio (${v(`P1kb@${l}`, "×")} against it).`),
    "The walls are CPU-bound: the host, the emulator and the bench's gRPC client share two cores, so host CPU shows in the write phases' walls, and one run's phase can differ from the next by 20–30% (the min and max in the table); only the ratios taken per round, interleaved, compare providers.",
    `P2: ${v("P2")} API calls (${before("P2") !== undefined ? `before: ${value(before("P2")!, "")}; ` : ""}anchor: ${v("P2'")}), of which one per user deleted out of band (a user missing from the pages is confirmed with its own GET). Burst wall ${v("P2w", "ms")} against the anchor's ${v("P2w'", "ms")}.`,
    `P3: ${v("P3r")} requests refused with 429${before("P3r") !== undefined ? ` (before: ${value(before("P3r")!, "")})` : ""}; the emulator always asks for at least 1 s, so the pause costs some wall against clients that keep hammering, within the target.`,
    ...LINES.map(({ name: l }) => `Cold start on Node ${l}: the first Read costs ${v(`C1@${l}`, "ms")} over a warm one, after the host's own ${v(`C@${l}`, "ms")} start (lean reference: ${v(`C1'@${l}`, "ms")}): loading the package, zod and undici on first use; a first Check (a preview: no request, undici not loaded) ${v(`C2@${l}`, "ms")} (lean reference: ${v(`C2'@${l}`, "ms")}). A lone read also waits 5 ms for company (gatherMs) before its GET, which shows in the warm Read. Report only.`),
  ];
  return out;
}

/** P1's figures for one Node.js line; ids end with `@<line>` (the report puts the lines side by side). */
function p1Figures(line: string, p1: Record<"bare" | "reference" | "ours" | "ours1k" | "closure", LifecycleRun[]>): Figure[] {
  const figures: Figure[] = [];
  const add = (id: string, label: string, unit: string, sp: Spread, target: string, check?: (v: number) => boolean) => figures.push(figure(`${id}@${line}`, label, unit, sp, target, check));
  const ratio = (a: LifecycleRun[], b: LifecycleRun[]) => spread(a.map((r, i) => r.wallMs / b[i]!.wallMs));
  add("P1b", "lifecycle wall ÷ lean reference", "×", ratio(p1.ours, p1.reference), "≤ 1.05", (v) => v <= 1.05);
  add("P1", `lifecycle wall, ${P1_USERS} users × 4 operations`, "ms", spread(p1.ours.map((r) => r.wallMs)), "report");
  add("P1'", "  lean reference's lifecycle wall", "ms", spread(p1.reference.map((r) => r.wallMs)), "report");
  add("P1a", "lifecycle wall ÷ bare HTTP loop", "×", ratio(p1.ours, p1.bare), "report");
  add("P1a'", "  lean reference wall ÷ bare HTTP loop (host+harness cost)", "×", ratio(p1.reference, p1.bare), "report");
  const phaseRatio = (phases: Phase[], pick: (r: LifecycleRun) => Record<Phase, number> | undefined, runs = { ours: p1.ours, reference: p1.reference }) =>
    spread(runs.ours.map((r, i) => {
      const sum = (x: LifecycleRun) => phases.reduce((t, k) => t + (pick(x)?.[k] ?? NaN), 0);
      return sum(r) / sum(runs.reference[i]!);
    }).filter((v) => !Number.isNaN(v)));
  const writeTarget = (v: number) => v <= 1.1;
  add("P1wc", "  create phase (Check → Create) ÷ lean reference", "×", phaseRatio(["create"], (r) => r.phases), "≤ 1.10", writeTarget);
  add("P1wu", "  update phase (Check → Diff → Update) ÷ lean reference", "×", phaseRatio(["update"], (r) => r.phases), "≤ 1.10", writeTarget);
  add("P1wd", "  delete phase ÷ lean reference", "×", phaseRatio(["delete"], (r) => r.phases), "≤ 1.10", writeTarget);
  add("P1w", "  write phases together ÷ lean reference", "×", phaseRatio(["create", "update", "delete"], (r) => r.phases), "report");
  add("P1r", "  read phase ÷ lean reference", "×", phaseRatio(["read"], (r) => r.phases), "report");
  const hostCpu = phaseRatio(["create", "read", "update", "delete"], (r) => r.hostCpu);
  if (hostCpu.runs.length) {
    add("P1c", "  provider host CPU ÷ lean reference's", "×", hostCpu, "report");
    add("P1cc", "  host CPU in the create phase ÷ lean reference's", "×", phaseRatio(["create"], (r) => r.hostCpu), "report");
  }
  const seconds = { ours: p1.ours.map((r) => r.second!), reference: p1.reference.map((r) => r.second!) };
  if (seconds.ours.every(Boolean) && seconds.reference.every(Boolean)) {
    add("P1h", "  second lifecycle on the same host ÷ lean reference's second", "×", ratio(seconds.ours, seconds.reference), "report");
    add("P1hc", "  its create phase ÷ lean reference's", "×", phaseRatio(["create"], (r) => r.phases, seconds), "report");
    add("P1hu", "  its update phase ÷ lean reference's", "×", phaseRatio(["update"], (r) => r.phases, seconds), "report");
    add("P1hcpu", "  its host CPU ÷ lean reference's", "×", phaseRatio(["create", "read", "update", "delete"], (r) => r.hostCpu, seconds), "report");
    const once = (runs: LifecycleRun[]) => spread(runs.map((r) => (r.hostCpu?.create ?? NaN) - (r.second!.hostCpu?.create ?? NaN)).filter((v) => !Number.isNaN(v)));
    add("P1o", "  host CPU a fresh host pays once (first create phase − second's), ours", "ms", once(p1.ours), "report");
    add("P1o'", "  same, lean reference", "ms", once(p1.reference), "report");
  }
  add("P1q", "  HTTP requests (reference: 2000)", "", spread(p1.ours.map((r) => r.requests)), "report");
  if (p1.ours1k.length === p1.ours.length) {
    const cpu = (a: LifecycleRun[], b: LifecycleRun[]) => phaseRatio(["create", "read", "update", "delete"], (r) => r.hostCpu, { ours: a, reference: b });
    add("P1x", "VectaraUser with its old 1 KB loader `__provider` (before) ÷ lean reference", "×", ratio(p1.ours1k, p1.reference), "report");
    add("P1xc", "  its host CPU ÷ lean reference's", "×", cpu(p1.ours1k, p1.reference), "report");
    add("P1xs", "  lifecycle wall now ÷ with the old loader", "×", ratio(p1.ours, p1.ours1k), "report");
    add("P1xsc", "  host CPU now ÷ with the old loader", "×", cpu(p1.ours, p1.ours1k), "report");
  }
  if (p1.closure.length === p1.ours.length) {
    add("P1k", "closure reference (2.4 KB `__provider`) wall ÷ lean reference", "×", ratio(p1.closure, p1.reference), "report");
    add("P1kb", "  lifecycle wall ÷ closure reference (the old anchor)", "×", ratio(p1.ours, p1.closure), "report");
    add("P1kc", "  closure reference host CPU ÷ lean reference's", "×", phaseRatio(["create", "read", "update", "delete"], (r) => r.hostCpu, { ours: p1.closure, reference: p1.reference }), "report");
  }
  return figures;
}

/** A fixed amount of CPU work: how fast and how steady this machine is during the run. */
function calibrate(): number {
  const doc = { rows: Array.from({ length: 5000 }, (_, i) => ({ i, name: `row ${i}`, tags: ["a", "b", "c"], nested: { x: i / 3, y: String(i) } })) };
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) JSON.parse(JSON.stringify(doc));
  return performance.now() - t0;
}

/**
 * Collects this process's garbage and pauses, so that a run does not pay for the one before it
 * (in P1 the run right after another was measurably slower). `gc` is exposed at run time because
 * `npm run bench` passes no node flags.
 */
const collect = (() => {
  v8.setFlagsFromString("--expose_gc");
  return vm.runInNewContext("gc") as () => void;
})();

async function settle(): Promise<void> {
  collect();
  await sleep(250);
}

async function withEmulator<T>(body: (e: VectaraEmulator) => Promise<T>): Promise<T> {
  const emulator = await VectaraEmulator.start();
  try {
    return await body(emulator);
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const calibration: number[] = [calibrate()];
  const details: string[] = [];
  const figures: Figure[] = [];
  const log = (line: string) => {
    details.push(line);
    progress(line);
  };
  progress(`${machine()}; ${ROUNDS} rounds per figure, ${P1_ROUNDS} P1 rounds per Node.js line; lines: ${LINES.map((l) => `${l.name} (v${l.version})`).join(", ")}`);

  // ---- P1, on each Node.js line
  const p1 = Object.fromEntries(LINES.map((l) => [l.name, { bare: [] as LifecycleRun[], reference: [] as LifecycleRun[], ours: [] as LifecycleRun[], ours1k: [] as LifecycleRun[], closure: [] as LifecycleRun[] }]));
  const phases = (r: LifecycleRun) => Object.entries(r.phases).map(([k, v]) => `${k} ${fmt(v, 0)}`).join(", ");
  for (let round = 1; round <= P1_ROUNDS; round++) {
    // Alternate the order of the lines and of the providers within a line, so that neither always
    // runs right after the other; each run gets a fresh emulator and a moment to settle, so that
    // none inherits another's garbage. The bare loop runs in this process, once per round, and is
    // the denominator of both lines' P1a.
    await settle();
    const bare = await withEmulator((emulator) => {
      emulator.inject({ kind: "latency", ms: LATENCY_MS });
      return runBareLoop(emulator, P1_USERS, WIDTH);
    });
    log(`P1 round ${round} bare loop wall ${fmt(bare.wallMs, 0)} ms, ${bare.requests} requests (${phases(bare)})`);
    for (const line of round % 2 ? LINES : [...LINES].reverse()) {
      p1[line.name]!.bare.push(bare);
      const order = round % 2 ? (["reference", "ours", "ours1k", "closure"] as const) : (["ours1k", "ours", "reference", "closure"] as const);
      for (const variant of order) {
        await settle();
        // The closure reference and VectaraUser with its old 1 KB loader run once per host: they
        // tell what a larger `__provider` costs, not what a warm host does.
        const run = await withEmulator((emulator) => {
          emulator.inject({ kind: "latency", ms: LATENCY_MS });
          return runLifecycle(variant, emulator, P1_USERS, WIDTH, { second: variant === "ours" || variant === "reference", node: line.bin });
        });
        p1[line.name]![variant].push(run);
        const who = `${variant.padEnd(9)} node ${line.name}`;
        log(`P1 round ${round} ${who} wall ${fmt(run.wallMs, 0)} ms, ${run.requests} requests (${phases(run)})`);
        if (run.second) log(`P1 round ${round} ${who} same host again: wall ${fmt(run.second.wallMs, 0)} ms (${phases(run.second)})`);
      }
    }
    calibration.push(calibrate());
  }
  for (const line of LINES) figures.push(...p1Figures(line.name, p1[line.name]!));

  // ---- P2 + P5
  await withEmulator(async (emulator) => {
    emulator.inject({ kind: "latency", ms: LATENCY_MS });
    progress(`P2 setup: up of ${P2_USERS} users through the harness`);
    const s = await upStack(emulator, P2_USERS);
    try {
      log(`P2 setup: up of ${P2_USERS} users took ${fmt(s.upMs, 0)} ms; state ${s.stateBytes} bytes`);
      const runs = { reference: [] as RefreshRun[], ours: [] as RefreshRun[] };
      for (let round = 1; round <= ROUNDS; round++) {
        for (const variant of ["reference", "ours"] as const) {
          await settle();
          const run = await refreshBurst(variant, emulator, s.resources);
          runs[variant].push(run);
          log(`P2 round ${round} ${variant.padEnd(9)} wall ${fmt(run.wallMs, 0)} ms, ${run.calls} API calls, ${run.failures} failed, ${run.wrong} wrong`);
        }
        calibration.push(calibrate());
      }
      const full = await stackRefresh(emulator, s);
      log(`P2 full \`refresh\` command through the harness: ${fmt(full.wallMs, 0)} ms, ${full.calls} API calls${full.error ? `, error: ${full.error}` : ""}`);
      const correct = (v: number) => v === 0;
      figures.push(figure("P2", `API calls to refresh ${P2_USERS} users`, "", spread(runs.ours.map((r) => r.calls)), "≤ 20", (v) => v <= 20));
      figures.push(figure("P2'", "  anchor: one GET per resource (reference provider)", "", spread(runs.reference.map((r) => r.calls)), "report"));
      figures.push(figure("P2w", `refresh burst wall, ${P2_USERS} users`, "ms", spread(runs.ours.map((r) => r.wallMs)), "report"));
      figures.push(figure("P2w'", "  anchor wall (reference provider)", "ms", spread(runs.reference.map((r) => r.wallMs)), "report"));
      figures.push(figure("P2c", "refresh answers wrong or failed (stale, missed change)", "", spread(runs.ours.map((r) => r.wrong + r.failures)), "0", correct));
      figures.push(figure("P5", "`__provider` bytes per resource", "B", spread([s.providerBytes]), "≤ 1024", (v) => v <= 1024));
      figures.push(figure("P5'", "  lean reference's `__provider`", "B", spread([await referenceProviderBytes("reference")]), "report"));
      figures.push(figure("P5k", "  closure reference's `__provider`", "B", spread([await referenceProviderBytes("closure")]), "report"));
      figures.push(figure("P5s", `state bytes per user (${P2_USERS}-user state file)`, "B", spread([s.stateBytes / P2_USERS]), "report"));
    } finally {
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  });

  // ---- P3
  const p3: RateLimitRun[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    await settle();
    const run = await rateLimitedCreates(vectaraUsers, P3.creates, P3.perSecond, WIDTH, LATENCY_MS);
    p3.push(run);
    log(`P3 round ${round} wall ${fmt(run.wallMs, 0)} ms (ratio ${fmt(run.ratio)}), ${run.failures} failed, ${run.requests} requests of which ${run.rejected} answered 429${run.firstError ? `; first error: ${run.firstError}` : ""}`);
  }
  figures.push(figure("P3f", `failed creates of ${P3.creates} at ${P3.perSecond} requests/s`, "", spread(p3.map((r) => r.failures)), "0", (v) => v === 0));
  figures.push(figure("P3", `wall ÷ (${P3.creates} ÷ ${P3.perSecond}/s)`, "×", spread(p3.map((r) => r.ratio)), "≤ 1.25", (v) => v <= 1.25));
  figures.push(figure("P3r", "  requests answered 429", "", spread(p3.map((r) => r.rejected)), "report"));

  // ---- P4
  const p4: OAuthRun[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    await settle();
    const run = await oauthBurst(P4_OPERATIONS, LATENCY_MS);
    p4.push(run);
    log(`P4 round ${round} ${run.tokens} token requests for ${P4_OPERATIONS} operations, ${run.failures} failed, ${fmt(run.wallMs, 0)} ms`);
  }
  figures.push(figure("P4", `OAuth token requests for ${P4_OPERATIONS} parallel operations`, "", spread(p4.map((r) => r.tokens)), "1", (v) => v === 1));
  figures.push(figure("P4f", "  failed operations", "", spread(p4.map((r) => r.failures)), "0", (v) => v === 0));

  // ---- Cold start, on each Node.js line
  for (const line of LINES) {
    const cold = { ours: [] as ColdStartRun[], reference: [] as ColdStartRun[] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const variant of round % 2 ? (["reference", "ours"] as const) : (["ours", "reference"] as const)) {
        await settle();
        const run = await coldStart(variant, LATENCY_MS, line.bin);
        cold[variant].push(run);
        log(`cold round ${round} ${variant.padEnd(9)} node ${line.name} host start ${fmt(run.hostStartMs, 0)} ms, first Read ${fmt(run.firstMs, 0)} ms, warm Read ${fmt(run.warmMs, 0)} ms, first Check ${fmt(run.checkExtraMs, 0)} ms over a warm one`);
      }
    }
    const add = (id: string, label: string, runs: ColdStartRun[], pick: (r: ColdStartRun) => number) => figures.push(figure(`${id}@${line.name}`, label, "ms", spread(runs.map(pick)), "report"));
    add("C", "host's own start (spawn → port)", cold.ours, (r) => r.hostStartMs);
    add("C1", "first Read's extra latency (VectaraUser)", cold.ours, (r) => r.extraMs);
    add("C1'", "  same, lean reference", cold.reference, (r) => r.extraMs);
    add("C2", "first Check's extra latency (a preview; VectaraUser)", cold.ours, (r) => r.checkExtraMs);
    add("C2'", "  same, lean reference", cold.reference, (r) => r.checkExtraMs);
  }

  calibration.push(calibrate());
  const cal: Spread = spread(calibration);
  const totalMs = performance.now() - started;
  const baseline = fs.existsSync(baselineFile) ? (JSON.parse(fs.readFileSync(baselineFile, "utf8")) as Baseline) : undefined;
  if (process.argv.includes("--save-baseline")) {
    const saved: Baseline = {
      recordedAt: new Date().toISOString(), machine: machine(),
      note: process.env.BENCH_BASELINE_NOTE ?? "the provider before the fixes below.",
      figures: Object.fromEntries(figures.map((f) => [f.id, { median: f.spread.median, min: f.spread.min, max: f.spread.max }])),
      runs: details,
    };
    fs.writeFileSync(baselineFile, JSON.stringify(saved, null, 2) + "\n");
    progress(`baseline saved to ${path.relative(repo, baselineFile)}`);
  }
  const kept = ["cli", "profile"].map((name) => keptSection(resultsFile, name)).filter((s): s is string => s !== undefined);
  fs.writeFileSync(resultsFile, markdown({ figures, calibration: cal, baseline, fixes: FIXES, details, method: METHOD, notes: notes(figures, baseline), totalMs, rounds: ROUNDS, kept }));
  process.stdout.write(`\n${consoleTable(figures)}\n\nmachine noise: CPU task min ${fmt(cal.min)} / median ${fmt(cal.median)} / max ${fmt(cal.max)} ms\n`);
  progress(`done in ${fmt(totalMs / 1000, 0)} s; wrote ${path.relative(repo, resultsFile)}`);
  const missed = figures.filter((f) => f.met === false).map((f) => f.id);
  if (missed.length) progress(`targets missed: ${missed.join(", ")}`);
}

// Emulator latency waits each listen on one AbortSignal; hundreds at once are expected here.
setMaxListeners(10_000);
const watchdog = setTimeout(() => {
  progress(`the run passed ${DEADLINE_MS / 60_000} minutes: stopping`);
  void stopLiveHosts().finally(() => {
    stopChildren();
    process.exit(2);
  });
}, DEADLINE_MS);
watchdog.unref();
main().then(
  () => stopLiveHosts(),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
    return stopLiveHosts();
  },
).finally(() => clearTimeout(watchdog));
