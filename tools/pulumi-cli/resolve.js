// Which `pulumi` the repository runs (npm run pulumi, npm run test:cli, npm run demo):
//   1. a `pulumi` ≥ 3.200 on PATH, as installed by the user (it brings its own plugins);
//   2. else the CLI built from source with Go from the wrapper module beside this file, cached in
//      .pulumi-cli/<version>-<hash of go.mod+go.sum>/bin and built once per machine. Beside it go the
//      two plugins a Node.js program with dynamic resources needs, which the CLI looks for next to
//      its own binary: the language host (our stand-in, language-host.js) and the dynamic-provider
//      plugin shipped in @pulumi/pulumi.
// Synchronous on purpose: callers resolve once, before they start anything.
"use strict";
const { spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const MODULE_DIR = __dirname;
const REPO = path.resolve(__dirname, "../..");
const CACHE = path.join(REPO, ".pulumi-cli");
const MIN_PATH_VERSION = [3, 200];

/** The pulumi/pulumi version the wrapper module pins, e.g. "v3.274.1". */
function pinnedVersion() {
  const mod = fs.readFileSync(path.join(MODULE_DIR, "go.mod"), "utf8");
  const m = /github\.com\/pulumi\/pulumi\/pkg\/v3 (v\d+\.\d+\.\d+\S*)/.exec(mod);
  if (!m) throw new Error("tools/pulumi-cli/go.mod does not require github.com/pulumi/pulumi/pkg/v3");
  return m[1];
}

/** The build folder: a new go.mod or go.sum means a new folder, hence a rebuild. */
function buildDir() {
  const hash = crypto.createHash("sha256");
  for (const f of ["go.mod", "go.sum"]) hash.update(fs.readFileSync(path.join(MODULE_DIR, f)));
  return path.join(CACHE, `${pinnedVersion()}-${hash.digest("hex").slice(0, 12)}`);
}

function parseVersion(text) {
  const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(text ?? "");
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** A `pulumi` on PATH outside our cache, if its version is at least 3.200. */
function pulumiOnPath(env) {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir || path.resolve(dir).startsWith(CACHE)) continue;
    const bin = path.join(dir, process.platform === "win32" ? "pulumi.exe" : "pulumi");
    if (!fs.existsSync(bin)) continue;
    const r = spawnSync(bin, ["version"], { encoding: "utf8", env: { ...env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
    const v = r.status === 0 ? parseVersion(r.stdout) : undefined;
    if (v && (v[0] > MIN_PATH_VERSION[0] || (v[0] === MIN_PATH_VERSION[0] && v[1] >= MIN_PATH_VERSION[1]))) {
      return { bin, binDir: dir, version: `v${v.join(".")}`, source: "path" };
    }
  }
  return undefined;
}

function goAvailable(env) {
  return spawnSync("go", ["version"], { encoding: "utf8", env }).status === 0;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One builder at a time per build folder: others wait for its result. */
function withLock(dir, body) {
  const lock = `${dir}.lock`;
  fs.mkdirSync(CACHE, { recursive: true });
  for (let waited = 0; ; waited += 2000) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const pid = Number(readOr(path.join(lock, "pid"), "0"));
      if (pid && !alive(pid)) fs.rmSync(lock, { recursive: true, force: true });
      else if (waited > 60 * 60 * 1000) throw new Error(`gave up waiting for ${lock}`);
      else sleep(2000);
    }
  }
  try {
    return body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function readOr(file, fallback) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** `go build` of the CLI's main package, as releases build it: no cgo, the same tags, the version stamped. */
function buildCli(dir, env, log) {
  const version = pinnedVersion();
  const bin = path.join(dir, "bin", "pulumi");
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  log(`Building the Pulumi CLI ${version} from source with Go (once per machine; this takes minutes)...`);
  const started = Date.now();
  const r = spawnSync("go", [
    "build", "-tags", "osusergo,grpcnotrace",
    "-ldflags", `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${version}`,
    "-o", `${bin}.tmp`, "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
  ], { cwd: MODULE_DIR, env: { ...env, CGO_ENABLED: "0" }, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`go build of the Pulumi CLI failed (exit ${r.status ?? r.signal}); see the output above`);
  fs.renameSync(`${bin}.tmp`, bin);
  const record = { version, seconds: Math.round((Date.now() - started) / 1000), bytes: fs.statSync(bin).size, builtAt: new Date().toISOString() };
  fs.writeFileSync(path.join(dir, "build.json"), `${JSON.stringify(record, null, 2)}\n`);
  log(`Built ${bin} in ${record.seconds} s (${(record.bytes / 2 ** 20).toFixed(0)} MiB).`);
}

function writeIfChanged(file, text, mode) {
  if (readOr(file, undefined) !== text) {
    fs.writeFileSync(`${file}.tmp`, text, { mode });
    fs.renameSync(`${file}.tmp`, file);
  }
}

/** The two plugins the engine looks for beside the pulumi binary (both count as bundled: never downloaded). */
function writePlugins(binDir) {
  const host = path.join(MODULE_DIR, "language-host.js");
  writeIfChanged(path.join(binDir, "pulumi-language-nodejs"),
    `#!/bin/sh\n# Stand-in for the Node.js language host only; see ${host}\nexec node ${JSON.stringify(host)} "$@"\n`, 0o755);
  const shim = require.resolve("@pulumi/pulumi/pulumi-resource-pulumi-nodejs", { paths: [REPO] });
  writeIfChanged(path.join(binDir, "pulumi-resource-pulumi-nodejs"), fs.readFileSync(shim, "utf8"), 0o755);
}

/**
 * @param {{ build?: boolean, env?: NodeJS.ProcessEnv, log?: (line: string) => void }} [opts]
 *   build: build the CLI when it is not cached yet and Go is available (default true).
 */
function resolvePulumi({ build = true, env = process.env, log = (line) => console.error(line) } = {}) {
  const found = pulumiOnPath(env);
  if (found) return found;
  const dir = buildDir();
  const bin = path.join(dir, "bin", "pulumi");
  const cached = () => {
    writePlugins(path.dirname(bin));
    return { bin, binDir: path.dirname(bin), version: pinnedVersion(), source: "cache", build: JSON.parse(readOr(path.join(dir, "build.json"), "null")) };
  };
  if (fs.existsSync(bin)) return cached();
  if (!goAvailable(env)) return { reason: "no pulumi ≥ 3.200 on PATH and no Go toolchain to build one" };
  if (!build) return { reason: `the Pulumi CLI is not built yet: run \`npm run pulumi -- version\` once (builds ${path.relative(REPO, bin)})` };
  return withLock(dir, () => {
    if (!fs.existsSync(bin)) buildCli(dir, env, log);
    return cached();
  });
}

/** The environment to run a resolved CLI with: its folder first on PATH, so its plugins are found. */
function cliPath(resolved, env = process.env) {
  return [resolved.binDir, env.PATH ?? ""].join(path.delimiter);
}

/**
 * The environment for running the CLI offline under `root`: a file backend (`root`/backend, made
 * here) and a home of our own, no update check, no plugin downloads, and a proxy that goes nowhere,
 * so anything not aimed at 127.0.0.1 fails at once instead of leaving the machine. Variables of
 * the caller's environment matching `drop` (stack settings that would leak in) are left out.
 */
function offlineEnv({ root, PATH, passphrase, drop = /^(PULUMI_|VECTARA_)/, env = process.env }) {
  const kept = {};
  for (const [k, v] of Object.entries(env)) if (!drop.test(k)) kept[k] = v;
  fs.mkdirSync(path.join(root, "backend"));
  return {
    ...kept,
    PATH,
    PULUMI_HOME: path.join(root, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(root, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    NO_PROXY: "127.0.0.1,localhost",
  };
}

module.exports = { resolvePulumi, cliPath, offlineEnv, pinnedVersion, REPO };
