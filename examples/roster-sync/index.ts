// A roster sync as a script, through the Pulumi Automation API: the program is a function in this
// process (an inline program), the stack lives in a local backend, and the script previews the
// roster's changes, then applies them. The roster format is examples/roster's (YAML or CSV), and a
// roster with mistakes fails before the preview, listing each with its file, line and field.
//
//   node index.js <roster.yaml|roster.csv> [--apply]
//   environment: the services' settings the roster needs (VECTARA_API_KEY, ARIZE_API_KEY,
//   CONNECT_SERVER and CONNECT_API_KEY …, read by the providers), PULUMI_BACKEND_URL, PULUMI_CONFIG_PASSPHRASE
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, type OpMap } from "@pulumi/pulumi/automation";
import { declareRoster, readRoster } from "../roster/roster";

export interface SyncOptions {
  /** The roster file (YAML or CSV). */
  roster: string;
  stackName?: string;
  /** Where the project lives: the dynamic-provider plugin resolves pulumi-saas-users from here. */
  workDir?: string;
  /** Stack config, e.g. { "vectara:apiUrl": … }; API keys and client secrets are stored as secrets. */
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

const isSecretKey = (key: string) => /:(apiKey|clientSecret)$/.test(key);

export async function syncRoster(opts: SyncOptions): Promise<SyncResult> {
  const file = path.resolve(opts.roster);
  readRoster(file); // a bad roster fails here, before the CLI starts
  const program = async () => {
    const accounts = declareRoster(readRoster(file));
    return { usernames: accounts.vectara.map((u) => u.username), arizeUserIds: accounts.arize.map((u) => u.userId), connectGuids: accounts.connect.map((u) => u.guid) };
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
    await stack.setConfig(key, { value, secret: isSecretKey(key) });
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
