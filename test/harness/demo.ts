// `npm run demo`: the quickstart against the embedded emulator — up, update, refresh after an
// out-of-band change, up again, destroy — printing each step. It runs the real Pulumi CLI that
// `npm run pulumi` runs (a `pulumi` on PATH, else the build cached by tools/pulumi-cli, built first
// when Go is available), with a local file backend and a stack `dev`; without any CLI,
// test/harness drives the same provider host.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { Stack, formatSteps, type OperationResult } from "./engine";

const repo = path.resolve(__dirname, "../../..");
const program = path.join(repo, "dist/examples/quickstart/index.js");
const programDir = path.join(repo, "examples/quickstart");
const project = "vectara-users-quickstart";

/** The CLI `npm run pulumi` runs (tools/pulumi-cli/resolve.js, plain JS beside the sources). */
function pulumiCli(): { bin: string; PATH: string } | undefined {
  const { resolvePulumi, cliPath } = require(path.join(repo, "tools/pulumi-cli/resolve.js")) as typeof import("../../tools/pulumi-cli/resolve");
  const cli = resolvePulumi();
  if (!cli.bin) {
    console.log(`No Pulumi CLI (${cli.reason}).`);
    return undefined;
  }
  console.log(`Pulumi CLI ${cli.version} (${cli.source === "path" ? "from PATH" : "built from source"}): ${cli.bin}`);
  return { bin: cli.bin, PATH: cliPath(cli) };
}

async function withCli(cli: { bin: string; PATH: string }): Promise<void> {
  const emulator = await VectaraEmulator.start();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-demo-"));
  fs.mkdirSync(path.join(home, "backend"));
  const env = {
    ...process.env, PATH: cli.PATH, PULUMI_HOME: path.join(home, "home"), PULUMI_BACKEND_URL: `file://${path.join(home, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "demo", PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  // Asynchronous on purpose: the emulator answers from this process while the CLI runs.
  const run = async (title: string, args: string[]) => {
    console.log(`\n=== ${title}: pulumi ${args.join(" ")}`);
    const code = await new Promise<number | null>((resolve) => {
      spawn(cli.bin, args, { cwd: programDir, env, stdio: "inherit" }).on("close", resolve);
    });
    if (code !== 0) throw new Error(`pulumi ${args[0]} failed with exit code ${code}`);
  };
  try {
    await run("stack", ["stack", "init", "dev", "--non-interactive"]);
    await run("config", ["config", "set", "vectara:apiUrl", emulator.url]);
    await run("config", ["config", "set", "--secret", "vectara:apiKey", emulator.apiKey]);
    await run("up", ["up", "--yes", "--skip-preview"]);
    await run("update", ["config", "set", "aliceDescription", "Head of content"]);
    await run("up", ["up", "--yes", "--skip-preview"]);
    console.log("\n=== someone edits bob in the console: corpus role docs → editor, and disables him");
    emulator.patchUser("bob@example.com", { corpus_roles: [{ corpus_key: "docs", role: "editor" }], enabled: false });
    await run("refresh", ["refresh", "--yes", "--skip-preview", "--diff"]);
    await run("up", ["up", "--yes", "--skip-preview"]);
    await run("destroy", ["destroy", "--yes", "--skip-preview"]);
    console.log("users left:", emulator.users().map((u) => `${u.username} enabled=${u.enabled}`).join("; ") || "none");
    console.log(`\n${emulator.requests.length} API requests served`);
  } finally {
    // Removes the stack and its config file (Pulumi.dev.yaml) from the example folder.
    await run("cleanup", ["stack", "rm", "dev", "--yes", "--force", "--non-interactive"]).catch(() => undefined);
    await emulator.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cli = pulumiCli();
  if (cli) return withCli(cli);
  console.log("Running the quickstart through test/harness, which drives the same provider host.");
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
