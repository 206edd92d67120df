// `npm run bench:profile`: where the provider host's CPU goes during P1's lifecycle (create → read →
// update → delete of 500 users, 16 in flight, 20 ms latency), for VectaraUser and for the reference
// provider. Each host runs under `node --cpu-prof`; the profile's self time is summed by the code it
// belongs to (our package, zod, undici, the Pulumi SDK, gRPC/protobuf, Node itself, GC) and the top
// functions are listed. Prints a table; `--out FILE` also writes it as markdown; `--results` writes it
// as a section of bench/RESULTS.md; `--keep` keeps the .cpuprofile files
// (open them in Chrome DevTools); BENCH_HOST_FLAGS adds node flags to the hosts; `--node 24` runs the
// hosts on another Node.js line (tools/node/resolve.js); `--closure` also profiles the old closure reference;
// `--variants ours,reference,ours1k,closure` picks any (bench/serialize.ts).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator } from "../emulator/vectara/server";
import { runLifecycle, type LifecycleRun, type Phase } from "./lifecycle";
import type { Variant } from "./serialize";
import { repo } from "./env";
import { writeSection } from "./report";
import { fmt, progress } from "./stats";

const USERS = Number(process.env.BENCH_USERS ?? 500);
const WIDTH = 16;
const LATENCY_MS = 20;
const TOP = 25;
/** More node/V8 flags for the hosts, e.g. `--single-threaded` to see background compiles and GC on the main thread. */
const HOST_FLAGS = (process.env.BENCH_HOST_FLAGS ?? "").split(" ").filter(Boolean);

const argOf = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
/** The Node.js line the hosts run on: `--node <major>`, default the one running this script. */
const HOST_NODE = (() => {
  const major = argOf("--node");
  if (!major || major === process.versions.node.split(".")[0]) return { bin: process.execPath, version: process.versions.node };
  const { resolveNode } = require(path.join(repo, "tools/node/resolve.js")) as { resolveNode(major: number, opts?: { log?: (l: string) => void }): { version: string; bin: string } };
  return resolveNode(Number(major), { log: progress });
})();

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface CpuProfile { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** Which body of code a profile node's self time belongs to. */
function owner(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(idle)") return "idle";
  if (fn === "(program)" || fn === "(root)") return "V8 / native";
  if (url === "") return "V8 / native";
  // Dependencies first: the checkout's own path may contain "bench" or "provider".
  for (const [pattern, name] of [
    [/node_modules\/zod\//, "zod"],
    [/node_modules\/undici\//, "undici"],
    [/node_modules\/@pulumi\//, "@pulumi/pulumi"],
    [/node_modules\/(@grpc|google-protobuf|protobufjs)\//, "gRPC / protobuf"],
    [/^node:|^internal\//, "Node built-ins"],
  ] as const) if (pattern.test(url)) return name;
  if (url.includes("node_modules/")) return `other: ${url.split("node_modules/").pop()!.split("/")[0]}`;
  if (/\/dist\/provider\//.test(url)) return "pulumi-saas-users";
  if (/\/dist\/bench\/|reference-provider|lean-provider/.test(url)) return "reference provider";
  if (/^wasm:/.test(url)) return "WebAssembly (undici's llhttp)";
  return url.includes("node_modules/") ? `other: ${url.split("node_modules/").pop()!.split("/")[0]}` : `other: ${path.basename(url)}`;
}

type ByOwner = Map<string, number>;
interface Summary { variant: Variant; run: LifecycleRun; byPhase: Record<Phase, ByOwner>; top: Array<[string, number]> }

const PHASES: Phase[] = ["create", "read", "update", "delete"];
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const busy = (m: ByOwner) => [...m].filter(([k]) => k !== "idle").reduce((t, [, v]) => t + v, 0);

/**
 * Self time of the samples taken inside each phase's window (the profile's clock is the monotonic
 * clock the bench marked the phases with), so the host's start and warm-up are left out.
 */
function summarise(variant: Variant, run: LifecycleRun, file: string): Summary {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const byPhase = Object.fromEntries(PHASES.map((k) => [k, new Map()])) as Record<Phase, ByOwner>;
  const byFunction = new Map<string, number>();
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    t += p.timeDeltas[i] ?? 0;
    const phase = PHASES.find((k) => t >= run.windows![k][0] && t <= run.windows![k][1]);
    if (!phase) return;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const who = owner(url, functionName);
    add(byPhase[phase], who, ms);
    if (who === "idle") return;
    const where = url ? `${url.replace(/^.*node_modules\//, "").replace(/^.*\/dist\//, "dist/").replace(/^file:\/\//, "")}:${lineNumber + 1}` : "";
    add(byFunction, `${functionName || "(anonymous)"} ${where}`.trim(), ms);
  });
  return { variant, run, byPhase, top: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP) };
}

async function profileOnce(variant: Variant, dir: string): Promise<Summary> {
  const out = path.join(dir, variant);
  fs.mkdirSync(out);
  // The harness stops a host with SIGTERM; exiting on it lets V8 write the profile.
  const exitOnTerm = path.join(dir, "exit-on-term.js");
  fs.writeFileSync(exitOnTerm, "process.on('SIGTERM', () => process.exit(0));\n");
  const emulator = await VectaraEmulator.start();
  try {
    emulator.inject({ kind: "latency", ms: LATENCY_MS });
    const run = await runLifecycle(variant, emulator, USERS, WIDTH, {
      node: HOST_NODE.bin,
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${out}`, "--require", exitOnTerm, ...HOST_FLAGS],
    });
    const [file] = fs.readdirSync(out).filter((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error(`${variant}: the host wrote no CPU profile in ${out}`);
    return summarise(variant, run, path.join(out, file));
  } finally {
    await emulator.close();
  }
}

function render(s: Summary[]): string {
  const total = (x: Summary) => PHASES.reduce((m, k) => { for (const [o, v] of x.byPhase[k]) add(m, o, v); return m; }, new Map<string, number>());
  const totals = s.map(total);
  const owners = [...new Set(totals.flatMap((m) => [...m.keys()]))].filter((k) => k !== "idle")
    .sort((a, b) => (totals[0]!.get(b) ?? 0) - (totals[0]!.get(a) ?? 0)).filter((o) => totals.some((m) => (m.get(o) ?? 0) >= 5));
  const cols = s.flatMap((x) => PHASES.map((k) => `${x.variant} ${k}`));
  const cell = (x: Summary, k: Phase, o: string) => fmt(x.byPhase[k].get(o) ?? 0, 0);
  const lines = [
    `Provider host on Node ${HOST_NODE.version}: CPU (profile self time, ms) inside each phase of one lifecycle of ${USERS} users (${WIDTH} in flight, ${LATENCY_MS} ms latency), VectaraUser beside the lean reference; owners under 5 ms left out:`,
    "",
    `| owner | ${cols.join(" | ")} |`,
    `|---|${cols.map(() => "---:").join("|")}|`,
    ...owners.map((o) => `| ${o} | ${s.flatMap((x) => PHASES.map((k) => cell(x, k, o))).join(" | ")} |`),
    `| **busy (all but idle)** | ${s.flatMap((x) => PHASES.map((k) => fmt(busy(x.byPhase[k]), 0))).join(" | ")} |`,
    `| host CPU from /proc | ${s.flatMap((x) => PHASES.map((k) => (x.run.hostCpu ? fmt(x.run.hostCpu[k], 0) : "n/a"))).join(" | ")} |`,
    `| phase wall | ${s.flatMap((x) => PHASES.map((k) => fmt(x.run.phases[k], 0))).join(" | ")} |`,
    "",
  ];
  for (const x of s) {
    lines.push(`Top ${TOP} functions by self time over the four phases, ${x.variant} (ms):`, "", "| ms | function |", "|---:|---|");
    for (const [k, v] of x.top) lines.push(`| ${fmt(v, 0)} | \`${k}\` |`);
    lines.push("");
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-profile-"));
  try {
    const summaries: Summary[] = [];
    const variants = (argOf("--variants") ?? (process.argv.includes("--closure") ? "ours,reference,closure" : "ours,reference")).split(",") as Variant[];
    for (const variant of variants) {
      progress(`profiling the host of ${variant}`);
      summaries.push(await profileOnce(variant, dir));
    }
    const text = render(summaries);
    process.stdout.write(`\n${text}\n`);
    const at = process.argv.indexOf("--out");
    if (at > 0 && process.argv[at + 1]) fs.writeFileSync(process.argv[at + 1]!, text);
    // `--results`: also as a section of bench/RESULTS.md, which `npm run bench` keeps.
    if (process.argv.includes("--results")) writeSection(path.join(repo, "bench/RESULTS.md"), "profile", `## Host CPU profile (\`npm run bench:profile -- ${process.argv.slice(2).filter((a) => a !== "--results").join(" ")}\`, ${new Date().toISOString()})\n\n${text}`);
  } finally {
    if (process.argv.includes("--keep")) progress(`profiles kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`profile failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
