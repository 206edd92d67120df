// What the CLI-tier suites share: the real `pulumi` (tools/pulumi-cli/resolve.js), one emulator,
// one file backend and one PULUMI_HOME per suite, offline, and copies of the example programs.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator, type EmulatorOptions } from "../../emulator/vectara/server";
import { cliPath, offlineEnv, resolvePulumi } from "../../tools/pulumi-cli/resolve";

export const repo = path.resolve(__dirname, "../..");
export const PASSPHRASE = "cli-tier-passphrase";
/** Wire encoding of a secret in state (sdk/go/common/resource/sig): `{<sig>: <secret sig>, ciphertext}`. */
export const SECRET_SIG = { key: "4dabf18193072939515e22adb298388d", value: "1b47061264138c4ac30d75fd1eb44270" };
const RUN_TIMEOUT_MS = 180_000;

export interface CliResult { code: number; stdout: string; stderr: string }

export interface Resource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
  external?: boolean;
}

/** One suite's world: the CLI, an emulator, a backend, a home, and a transcript of every run. */
export class CliSuite {
  emulator!: VectaraEmulator;
  root = "";
  bin = "";
  env: NodeJS.ProcessEnv = {};
  /** Everything every CLI run printed, for secret scans. */
  transcript = "";

  /** Copies an example (or fixture) folder into this suite's root, beside a link to the repo's node_modules. */
  program(source: string, name = path.basename(source)): string {
    const dir = path.join(this.root, name);
    fs.cpSync(source, dir, { recursive: true, filter: (f) => !/(^|\/)(node_modules|Pulumi\.[^/]+\.yaml)$/.test(f) });
    // Resolution climbs from the program to <root>/node_modules, the repo's (with pulumi-saas-users linked in).
    const modules = path.join(this.root, "node_modules");
    if (!fs.existsSync(modules)) fs.symlinkSync(path.join(repo, "node_modules"), modules, "dir");
    return dir;
  }

  /**
   * Runs `pulumi <args>` in `cwd`, `input` on stdin; never rejects, and gives up (killing the CLI)
   * after a timeout. The transcript records the arguments, never the input.
   */
  run(cwd: string, args: string[], { env = {}, input }: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
    const child = spawn(this.bin, withFlags(args, ["--non-interactive", "--color", "never"]), {
      cwd, env: { ...this.env, ...env }, stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin.end(input ?? "");
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
    return new Promise((resolve) => {
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        this.transcript += `\n$ pulumi ${args.join(" ")}\n${stdout}${stderr}`;
        resolve({ code: code ?? (signal === "SIGKILL" ? -9 : -1), stdout, stderr });
      });
    });
  }
}

/** Flags go before a `--`, after which everything is a positional argument. */
function withFlags(args: string[], flags: string[]): string[] {
  const end = args.indexOf("--");
  return end < 0 ? [...args, ...flags] : [...args.slice(0, end), ...flags, ...args.slice(end)];
}

/** Registers the jest hooks of a CLI suite and returns it (filled in by beforeAll); `emulator` starts it in a mode. */
export function cliSuite(emulator: EmulatorOptions = {}): CliSuite {
  const suite = new CliSuite();
  beforeAll(async () => {
    const cli = resolvePulumi({ build: false });
    if (!cli.bin) throw new Error(`CLI tier: ${cli.reason}. Run it with \`npm run test:cli\`, which builds the CLI or skips.`);
    for (const f of ["dist/provider/index.js", "node_modules/pulumi-saas-users"]) {
      if (!fs.existsSync(path.join(repo, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
    }
    suite.bin = cli.bin;
    suite.root = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-cli-"));
    suite.emulator = await VectaraEmulator.start(emulator);
    suite.env = offlineEnv({ root: suite.root, PATH: cliPath(cli), passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await suite.emulator?.close();
    if (suite.root) fs.rmSync(suite.root, { recursive: true, force: true });
  });
  return suite;
}

/** A stack of one program copy, pointed at the suite's emulator. */
export class CliStack {
  constructor(readonly suite: CliSuite, readonly dir: string, readonly name: string) {}

  /** `pulumi stack init`, then the emulator's URL and (secret) API key, then `config`. */
  static async init(suite: CliSuite, dir: string, name: string, config: Record<string, string> = {}): Promise<CliStack> {
    const stack = new CliStack(suite, dir, name);
    await stack.ok(["stack", "init", name]);
    await stack.setConfig("vectara:apiUrl", suite.emulator.url);
    await stack.setConfig("vectara:apiKey", suite.emulator.apiKey, { secret: true });
    for (const [k, v] of Object.entries(config)) await stack.setConfig(k, v);
    return stack;
  }

  pulumi(args: string[], opts?: { env?: Record<string, string>; input?: string }): Promise<CliResult> {
    const stackFlag = args[0] === "stack" && args[1] === "init" ? [] : ["--stack", this.name];
    return this.suite.run(this.dir, withFlags(args, stackFlag), opts);
  }

  /** Like pulumi(), but a non-zero exit fails the test with the CLI's output. */
  async ok(args: string[], opts?: { input?: string }): Promise<CliResult> {
    const r = await this.pulumi(args, opts);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited with ${r.code}:\n${r.stdout}\n${r.stderr}`);
    return r;
  }

  /** The value goes on stdin, as a user would pipe a secret: never an argument, never in a transcript. */
  setConfig(key: string, value: string, { secret = false } = {}): Promise<CliResult> {
    return this.ok(["config", "set", key, ...(secret ? ["--secret"] : [])], { input: value });
  }

  up(...extra: string[]): Promise<CliResult> {
    return this.pulumi(["up", "--yes", "--skip-preview", ...extra]);
  }

  refresh(...extra: string[]): Promise<CliResult> {
    return this.pulumi(["refresh", "--yes", "--skip-preview", ...extra]);
  }

  destroy(...extra: string[]): Promise<CliResult> {
    return this.pulumi(["destroy", "--yes", "--skip-preview", ...extra]);
  }

  /** `pulumi preview --json`: the planned steps and the change summary. */
  async preview(...extra: string[]): Promise<PreviewJson> {
    const r = await this.ok(["preview", "--json", ...extra]);
    return JSON.parse(r.stdout) as PreviewJson;
  }

  /** `pulumi stack export`: the checkpoint, secrets left encrypted. */
  async exportText(): Promise<string> {
    return (await this.ok(["stack", "export"])).stdout;
  }

  async resources(): Promise<Resource[]> {
    const exported = JSON.parse(await this.exportText()) as { deployment: { resources?: Resource[] } };
    return exported.deployment.resources ?? [];
  }

  async user(name: string): Promise<Resource | undefined> {
    return (await this.resources()).find((r) => r.type === USER && r.urn.endsWith(`::${name}`));
  }
}

export const USER = "pulumi-nodejs:dynamic/vectara:User";
export const CORPUS = "pulumi-nodejs:dynamic/vectara:Corpus";

export interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[];
  replaceReasons?: string[];
  newState?: { inputs?: Record<string, unknown>; propertyDependencies?: Record<string, string[]> };
}
export interface PreviewJson { steps: PreviewStep[]; changeSummary: Record<string, number>; diagnostics?: Array<{ message: string; severity: string }> }

/** "op name" per step, sorted (the engine runs steps concurrently). */
export const planOf = (p: PreviewJson) => p.steps.filter((s) => !s.urn.includes("pulumi:pulumi:Stack")).map((s) => `${s.op} ${s.urn.split("::").pop()}`).sort();

/** The emulator's writes (not GETs) to the API since `from`, as "METHOD rawPath", in arrival order. */
export function writesSince(emulator: VectaraEmulator, from = 0): string[] {
  return emulator.requests.slice(from).filter((r) => r.method !== "GET" && r.path.startsWith("/v2/")).map((r) => `${r.method} ${r.rawPath}`);
}

/** The `Resources:` block of a CLI summary, one trimmed line per entry. */
export function summaryOf(stdout: string): string[] {
  const block = stdout.split(/\nResources:\n/)[1] ?? "";
  return block.split("\n").map((l) => l.trim()).filter((l, i, all) => l !== "" && all.slice(0, i).every((x) => x !== "")).map((l) => l.replace(/\s+/g, " "));
}

/** test/cli/fixtures/users: one VectaraUser per entry of the `users` config (args plus `options`). */
export const usersFixture = path.join(__dirname, "fixtures/users");
/** test/cli/fixtures/unknown-inputs: a user whose inputs are corpus outputs, unknown at the first preview. */
export const unknownInputsFixture = path.join(__dirname, "fixtures/unknown-inputs");

export async function setUsers(stack: CliStack, users: Record<string, unknown>): Promise<void> {
  await stack.setConfig("users", JSON.stringify(users));
}

/**
 * examples/<example> as the suite's stack "dev", made before the file's tests: pointed at the
 * suite's emulator (CliStack.init), or set from `config` (a `{ secret }` value is set as a secret).
 * The value stands for that stack once it exists.
 */
export function exampleStack(suite: CliSuite, example: string, config?: () => Record<string, string | { secret: string }>): CliStack {
  let current: CliStack | undefined;
  beforeAll(async () => {
    const dir = suite.program(path.join(repo, "examples", example));
    if (!config) {
      current = await CliStack.init(suite, dir, "dev");
      return;
    }
    // Another service's example: its own settings (as `config` gives them, once its emulator runs), not the suite's Vectara emulator.
    const stack = new CliStack(suite, dir, "dev");
    await stack.ok(["stack", "init", "dev"]);
    for (const [key, value] of Object.entries(config())) await (typeof value === "string" ? stack.setConfig(key, value) : stack.setConfig(key, value.secret, { secret: true }));
    current = stack;
  });
  return new Proxy({} as CliStack, {
    get(_, key) {
      if (!current) throw new Error(`the ${example} stack is used before it was made (reading ${String(key)})`);
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
