// `npm run demo`: the quickstart against the embedded emulator — up, update, refresh after an
// out-of-band change, up again, destroy — printing each step. With the Pulumi CLI on PATH it runs
// the CLI (local file backend, stack `dev`); without it, test/harness drives the same provider host.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { Stack, formatSteps, type OperationResult } from "./engine";

const repo = path.resolve(__dirname, "../../..");
const program = path.join(repo, "dist/examples/quickstart/index.js");
const programDir = path.join(repo, "examples/quickstart");
const project = "vectara-users-quickstart";

/** The real CLI when it is installed: local file backend, stack `dev`, pointed at the emulator. */
function pulumiCli(): string | undefined {
  const found = spawnSync("pulumi", ["version"], { encoding: "utf8" });
  return found.status === 0 ? "pulumi" : undefined;
}

async function withCli(cli: string): Promise<void> {
  const emulator = await VectaraEmulator.start();
  const backend = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-demo-backend-"));
  const env = { ...process.env, PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: "demo", PULUMI_SKIP_UPDATE_CHECK: "true" };
  const run = (title: string, args: string[]) => {
    console.log(`\n=== ${title}: pulumi ${args.join(" ")}`);
    const r = spawnSync(cli, args, { cwd: repo, env, stdio: "inherit" });
    if (r.status !== 0) throw new Error(`pulumi ${args[0]} failed with exit code ${r.status}`);
  };
  try {
    run("stack", ["stack", "init", "dev", "--non-interactive"]);
    run("config", ["config", "set", "vectara:apiUrl", emulator.url]);
    run("config", ["config", "set", "--secret", "vectara:apiKey", emulator.apiKey]);
    run("up", ["up", "--yes", "--skip-preview"]);
    run("update", ["config", "set", "aliceDescription", "Head of content"]);
    run("up", ["up", "--yes", "--skip-preview"]);
    console.log("\n=== someone edits bob in the console: corpus role docs → editor, and disables him");
    emulator.patchUser("bob@example.com", { corpus_roles: [{ corpus_key: "docs", role: "editor" }], enabled: false });
    run("refresh", ["refresh", "--yes", "--skip-preview"]);
    run("up", ["up", "--yes", "--skip-preview"]);
    run("destroy", ["destroy", "--yes", "--skip-preview"]);
    run("cleanup", ["stack", "rm", "dev", "--yes"]);
  } finally {
    await emulator.close();
    fs.rmSync(backend, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cli = pulumiCli();
  if (cli) return withCli(cli);
  console.log("No pulumi CLI on PATH: running the quickstart through test/harness, which drives the same provider host.");
  const emulator = await VectaraEmulator.start();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-demo-"));
  const stack = (config: Record<string, string> = {}) => new Stack({
    stateDir, project, stack: "dev",
    config: { "vectara:apiUrl": emulator.url, "vectara:apiKey": emulator.apiKey, ...config },
    secretConfigKeys: ["vectara:apiKey"],
  });
  const step = async (title: string, run: () => Promise<OperationResult>) => {
    console.log(`\n=== ${title}`);
    const result = await run();
    console.log(formatSteps(result));
    if (result.error) throw new Error(`${title} failed: ${result.error}`);
  };
  try {
    console.log(`Vectara emulator on ${emulator.url}; state in ${stateDir}`);
    await step("pulumi up (examples/quickstart)", () => stack().up(program, { programDir }));
    console.log("users now:", emulator.users().map((u) => `${u.username} [${u.api_roles.join(",")}] ${u.description ?? ""}`).join("; "));
    await step("pulumi config set aliceDescription 'Head of content' && pulumi up", () =>
      stack({ [`${project}:aliceDescription`]: "Head of content" }).up(program, { programDir }));
    console.log("\n=== someone edits bob in the console: corpus role docs → editor, and disables him");
    emulator.patchUser("bob@example.com", { corpus_roles: [{ corpus_key: "docs", role: "editor" }], enabled: false });
    await step("pulumi refresh", () => stack().refresh({ programDir }));
    await step("pulumi up (converges bob back to the program)", () =>
      stack({ [`${project}:aliceDescription`]: "Head of content" }).up(program, { programDir }));
    console.log("bob now:", JSON.stringify(emulator.user("bob@example.com")));
    await step("pulumi destroy (alice is deleted; bob has onDelete: disable)", () => stack().destroy({ programDir }));
    console.log("users left:", emulator.users().map((u) => `${u.username} enabled=${u.enabled}`).join("; ") || "none");
    console.log(`\n${emulator.requests.length} API requests served; state was ${stateDir}/state.json`);
  } finally {
    await emulator.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
