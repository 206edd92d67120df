#!/usr/bin/env node
// `npm run pulumi -- <args>`: runs the real Pulumi CLI (see resolve.js for which one), building it
// from source first when neither a `pulumi` on PATH nor a cached build exists.
"use strict";
const { spawn } = require("node:child_process");
const { cliPath, resolvePulumi } = require("./resolve");

let cli;
try {
  cli = resolvePulumi();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
if (!cli.bin) {
  console.error(`npm run pulumi: ${cli.reason}`);
  process.exit(1);
}
const env = { ...process.env, PATH: cliPath(cli) };
// A build from source cannot update itself or fetch plugins it bundles; don't let it try.
if (cli.source === "cache") env.PULUMI_SKIP_UPDATE_CHECK ??= "true";
const child = spawn(cli.bin, process.argv.slice(2), { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
