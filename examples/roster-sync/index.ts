// A roster sync as a script, through the Pulumi Automation API: the program is a function in this
// process (an inline program), the stack lives in a local backend, and the script previews the
// roster's changes, then applies them. The roster format is examples/roster's (YAML or CSV).
//
//   node index.js <roster.yaml|roster.csv> [--apply]
//   environment: VECTARA_API_KEY, optionally VECTARA_API_URL, PULUMI_BACKEND_URL, PULUMI_CONFIG_PASSPHRASE
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, type OpMap } from "@pulumi/pulumi/automation";
import { VectaraUser } from "pulumi-saas-users";
import { readRoster } from "../roster/roster";

export interface SyncOptions {
  /** The roster file (YAML or CSV). */
  roster: string;
  stackName?: string;
  /** Where the project lives: the dynamic-provider plugin resolves pulumi-saas-users from here. */
  workDir?: string;
  /** Stack config, e.g. { "vectara:apiUrl": … }; `vectara:apiKey` is stored as a secret. */
  config?: Record<string, string>;
  /** Environment for the CLI (backend URL, passphrase, …), added to this process's. */
  envVars?: Record<string, string>;
  /** A folder holding bin/pulumi; default: `pulumi` on PATH. */
  pulumiRoot?: string;
  /** Apply the changes after the preview. */
  apply?: boolean;
  onOutput?: (line: string) => void;
}

export interface SyncResult {
  preview: OpMap;
  /** The update's resource changes, when `apply` was set. */
  up?: OpMap;
  usernames?: string[];
}

const SECRET_KEYS = new Set(["vectara:apiKey", "vectara:clientSecret"]);

export async function syncRoster(opts: SyncOptions): Promise<SyncResult> {
  const roster = path.resolve(opts.roster);
  const program = async () => {
    const users = Object.entries(readRoster(roster)).map(([username, args]) => new VectaraUser(username, args));
    return { usernames: users.map((u) => u.username) };
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: opts.stackName ?? "roster", projectName: "vectara-roster-sync", program },
    {
      workDir: opts.workDir ?? __dirname,
      envVars: opts.envVars,
      ...(opts.pulumiRoot ? { pulumiCommand: await PulumiCommand.get({ root: opts.pulumiRoot }) } : {}),
    },
  );
  for (const [key, value] of Object.entries(opts.config ?? {})) {
    await stack.setConfig(key, { value, secret: SECRET_KEYS.has(key) });
  }
  const preview = await stack.preview({ onOutput: opts.onOutput });
  if (!opts.apply) return { preview: preview.changeSummary };
  const up = await stack.up({ onOutput: opts.onOutput });
  return { preview: preview.changeSummary, up: up.summary.resourceChanges ?? {}, usernames: up.outputs.usernames?.value as string[] };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const config: Record<string, string> = {};
  if (process.env.VECTARA_API_URL) config["vectara:apiUrl"] = process.env.VECTARA_API_URL;
  if (process.env.VECTARA_API_KEY) config["vectara:apiKey"] = process.env.VECTARA_API_KEY;
  const roster = args.find((a) => !a.startsWith("--"));
  if (!roster) {
    console.error("usage: node index.js <roster.yaml|roster.csv> [--apply]");
    process.exit(2);
  }
  syncRoster({
    roster,
    apply: args.includes("--apply"),
    config,
    onOutput: (line) => process.stdout.write(line),
  }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
