// Which `node` binary runs a given Node.js major line (npm run test:node, npm run bench):
//   1. the node running this script, when it is already of that major;
//   2. else the official build from the npm registry's `node-<platform>-<arch>` package (the
//      Node.js project publishes each release there as a package holding `bin/node`), fetched once
//      with `npm pack` into .node/<version>/ (git-ignored) and reused from then on.
// Never a dependency: an optional dependency per platform would make `npm ci` fetch a 30 MB
// binary for every user, and break on platforms without a build.
// Synchronous on purpose: callers resolve once, before they start anything.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const REPO = path.resolve(__dirname, "../..");
const CACHE = path.join(REPO, ".node");
const PACKAGE = `node-${process.platform}-${process.arch}`;

const majorOf = (version) => Number(/^v?(\d+)\./.exec(version)?.[1]);

function npm(args, opts = {}) {
  const r = spawnSync("npm", args, { encoding: "utf8", ...opts });
  if (r.status !== 0) {
    throw new Error(`npm ${args.join(" ")} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" | ")}`);
  }
  return r.stdout.trim();
}

/** The newest cached build of `major`, as { version, bin }. */
function cached(major) {
  if (!fs.existsSync(CACHE)) return undefined;
  const versions = fs.readdirSync(CACHE)
    .filter((v) => majorOf(v) === major && fs.existsSync(path.join(CACHE, v, "bin", "node")))
    .sort((a, b) => compare(b, a));
  return versions.length ? { version: versions[0], bin: path.join(CACHE, versions[0], "bin", "node") } : undefined;
}

function compare(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** The newest release of `major` that the registry has for this platform. */
function newest(major) {
  const out = npm(["view", `${PACKAGE}@${major}`, "version", "--json"]);
  const versions = [].concat(JSON.parse(out)).filter((v) => majorOf(v) === major);
  if (!versions.length) throw new Error(`the registry has no ${PACKAGE}@${major}`);
  return versions.sort(compare).pop();
}

/** `npm pack` the package (no install: its scripts never run) and unpack bin/node into .node/<version>. */
function fetch(version, log) {
  const dir = path.join(CACHE, version);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "node-build-"));
  try {
    log(`Fetching Node.js ${version} (${PACKAGE}@${version}) into ${path.relative(REPO, dir)} (once)...`);
    const tarball = npm(["pack", "--silent", `${PACKAGE}@${version}`, "--pack-destination", tmp]).split("\n").pop();
    const untar = spawnSync("tar", ["-xzf", path.join(tmp, tarball), "-C", tmp], { encoding: "utf8" });
    if (untar.status !== 0) throw new Error(`tar could not unpack ${tarball}: ${untar.stderr.trim()}`);
    const bin = path.join(tmp, "package", "bin", "node");
    if (!fs.existsSync(bin)) throw new Error(`${tarball} holds no bin/node`);
    fs.chmodSync(bin, 0o755);
    const check = spawnSync(bin, ["--version"], { encoding: "utf8" });
    if (check.stdout.trim() !== `v${version}`) throw new Error(`${bin} reports ${check.stdout.trim() || check.stderr.trim()}, not v${version}`);
    fs.mkdirSync(CACHE, { recursive: true });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(tmp, "package"), dir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { version, bin: path.join(dir, "bin", "node") };
}

/**
 * @param {number} major e.g. 24
 * @param {{ refresh?: boolean, log?: (line: string) => void }} [opts] refresh: ask the registry
 *   for the newest release even when one of that major is cached.
 * @returns {{ version: string, bin: string, binDir: string, source: "self" | "cache" | "registry" }}
 */
function resolveNode(major, { refresh = false, log = (line) => console.error(line) } = {}) {
  if (!Number.isInteger(major) || major < 1) throw new Error(`not a Node.js major version: ${major}`);
  const own = process.versions.node;
  if (majorOf(own) === major && !refresh) return { version: own, bin: process.execPath, binDir: path.dirname(process.execPath), source: "self" };
  const hit = !refresh && cached(major);
  if (hit) return { ...hit, binDir: path.dirname(hit.bin), source: "cache" };
  const version = newest(major);
  const have = cached(major);
  const got = have && have.version === version ? have : fetch(version, log);
  return { ...got, binDir: path.dirname(got.bin), source: have && have.version === version ? "cache" : "registry" };
}

/** The environment that runs `node` (and every child that calls `node` by name: npm, jest, the Pulumi plugins) as `resolved`. */
function nodeEnv(resolved, env = process.env) {
  return { ...env, PATH: [resolved.binDir, env.PATH ?? ""].join(path.delimiter) };
}

module.exports = { resolveNode, nodeEnv, majorOf };
