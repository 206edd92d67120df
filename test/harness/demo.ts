// `npm run demo`: the quickstart through the real dynamic-provider host against the embedded
// emulator — up, update, refresh after an out-of-band change, up again, destroy — printing each step.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator } from "../emulator/server";
import { Stack, formatSteps, type OperationResult } from "./engine";

const repo = path.resolve(__dirname, "../../..");
const program = path.join(repo, "dist/examples/quickstart/index.js");
const programDir = path.join(repo, "examples/quickstart");
const project = "vectara-users-quickstart";

async function main(): Promise<void> {
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
