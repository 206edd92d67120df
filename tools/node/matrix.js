#!/usr/bin/env node
// `npm run test:node -- <major> [tier ...]`: the tests under another Node.js major line.
//   npm run test:node -- 24                    the whole `npm test` on Node.js 24
//   npm run test:node -- 22 unit engine cli    build, type check, those tiers only
// Tiers: unit, http, engine, conformance (jest) and cli (the real Pulumi CLI). The chosen `node`
// goes first on PATH, so everything started by name runs on it: npm and jest, jest's workers, the
// CLI's language host and provider host, and every program they run. The build comes from
// tools/node/resolve.js (fetched once into .node/, git-ignored).
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { resolveNode, nodeEnv, majorOf } = require("./resolve");

const REPO = path.resolve(__dirname, "../..");
const JEST_TIERS = ["unit", "http", "engine", "conformance"];
const TIERS = [...JEST_TIERS, "cli"];
const USAGE = `usage: npm run test:node -- <major> [${TIERS.join("|")} ...] [--refresh]
  no tier: the whole \`npm test\`; --refresh: ask the registry for the newest release of that major`;

function main(argv) {
  const args = argv.filter((a) => a !== "--refresh");
  const major = Number(args[0]);
  const tiers = args.slice(1).flatMap((a) => a.split(",")).filter(Boolean);
  const unknown = tiers.filter((t) => !TIERS.includes(t));
  if (!Number.isInteger(major) || unknown.length) {
    console.error(unknown.length ? `unknown tier: ${unknown.join(", ")}\n${USAGE}` : USAGE);
    return 2;
  }
  const node = resolveNode(major, { refresh: argv.includes("--refresh") });
  const env = nodeEnv(node);
  const seen = spawnSync("node", ["--version"], { env, encoding: "utf8" }).stdout.trim();
  if (majorOf(seen) !== major) {
    console.error(`\`node\` on the new PATH is ${seen || "missing"}, not Node.js ${major}`);
    return 1;
  }
  console.log(`Node.js ${seen} (${node.source === "self" ? "this process" : node.bin}): ${tiers.length ? tiers.join(", ") : "npm test"}`);
  const run = (cmd, cmdArgs) => {
    const r = spawnSync(cmd, cmdArgs, { cwd: REPO, env, stdio: "inherit" });
    return r.status ?? 1;
  };
  if (!tiers.length) return run("npm", ["test"]);
  for (const step of [["npm", ["run", "build"]], ["npm", ["run", "typecheck"]]]) {
    const code = run(...step);
    if (code !== 0) return code;
  }
  const jestTiers = JEST_TIERS.filter((t) => tiers.includes(t));
  if (jestTiers.length) {
    const jest = require.resolve("jest/bin/jest", { paths: [REPO] });
    const code = run("node", [jest, ...jestTiers.map((t) => `test/${t}`)]);
    if (code !== 0) return code;
  }
  return tiers.includes("cli") ? run("npm", ["run", "test:cli"]) : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`test:node: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
