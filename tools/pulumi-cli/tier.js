#!/usr/bin/env node
// `npm run test:cli`: the CLI tier (test/cli, jest.cli.config.js) under the real Pulumi CLI.
// Without a `pulumi` on PATH and without Go to build one, it prints one line and passes — unless
// CI=true, where a skipped tier fails the run.
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { REPO, resolvePulumi } = require("./resolve");

const ci = /^(1|true)$/i.test(process.env.CI ?? "");
let cli;
try {
  cli = resolvePulumi();
} catch (e) {
  console.error(`CLI tier: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
if (!cli.bin) {
  console.log(`CLI tier ${ci ? "FAILED (CI=true does not allow a skip)" : "skipped"}: ${cli.reason}`);
  process.exit(ci ? 1 : 0);
}
console.log(`CLI tier: pulumi ${cli.version} (${cli.source === "path" ? "from PATH" : "built from source"}) at ${cli.bin}`);
const jest = require.resolve("jest/bin/jest", { paths: [REPO] });
const r = spawnSync(process.execPath, [jest, "-c", path.join(REPO, "jest.cli.config.js"), ...process.argv.slice(2)], { cwd: REPO, stdio: "inherit" });
process.exit(r.status ?? 1);
