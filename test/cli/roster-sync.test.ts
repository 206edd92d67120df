// examples/roster-sync: the Automation API (LocalWorkspace, an inline program, a local backend)
// previews a roster's changes, then applies them, through the real CLI.
import * as fs from "node:fs";
import * as path from "node:path";
import { syncRoster, type SyncOptions } from "../../examples/roster-sync";
import { resolvePulumi } from "../../tools/pulumi-cli/resolve";
import { cliSuite, repo, writesSince } from "./pulumi-cli";

const suite = cliSuite();
let base: SyncOptions;

beforeAll(() => {
  const cli = resolvePulumi({ build: false });
  if (!cli.bin) throw new Error(cli.reason);
  const workDir = suite.program(path.join(repo, "examples/roster-sync"));
  base = {
    roster: path.join(workDir, "roster.yaml"),
    workDir,
    stackName: "sync",
    pulumiRoot: path.dirname(cli.binDir),
    envVars: Object.fromEntries(Object.entries(suite.env).filter((e): e is [string, string] => e[1] !== undefined)),
    config: { "vectara:apiUrl": suite.emulator.url, "vectara:apiKey": suite.emulator.apiKey },
  };
});

test("preview reports the joiners and writes nothing; apply creates them", async () => {
  fs.writeFileSync(base.roster, "people:\n  alice@example.com: { vectara: { apiRoles: [viewer] } }\n  bob@example.com: { vectara: }\n");
  const preview = await syncRoster(base);
  expect(preview).toEqual({ preview: { create: 3 } });
  expect(writesSince(suite.emulator)).toEqual([]);

  const applied = await syncRoster({ ...base, apply: true });
  expect(applied.up).toEqual({ create: 3 });
  expect(applied.usernames?.sort()).toEqual(["alice@example.com", "bob@example.com"]);
  expect(writesSince(suite.emulator)).toEqual(["POST /v2/users", "POST /v2/users"]);
});

test("a roster edit previews as exactly its changes and applies them", async () => {
  fs.writeFileSync(base.roster, "people:\n  alice@example.com: { vectara: { apiRoles: [viewer, corpus_viewer] } }\n  carol@example.com: { vectara: }\n");
  const from = suite.emulator.requests.length;
  const result = await syncRoster({ ...base, apply: true });
  expect(result.preview).toEqual({ create: 1, update: 1, delete: 1, same: 1 });
  expect(result.up).toEqual({ create: 1, update: 1, delete: 1, same: 1 });
  expect(writesSince(suite.emulator, from).sort()).toEqual(["DELETE /v2/users/bob%40example.com", "PATCH /v2/users/alice%40example.com", "POST /v2/users"]);
});
