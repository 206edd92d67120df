#!/usr/bin/env node
// A stand-in for ONE plugin, the Node.js language host `pulumi-language-nodejs`, for the CLI built
// from source by resolve.js. That host is its own Go module, which the Go module proxy does not
// serve, so it cannot be built offline. A released CLI ships the real one; use that where you can.
//
// It does what the real host does for `preview`/`up`/`refresh`/`destroy` of a Node.js program
// (pulumi/pulumi sdk/nodejs/cmd/pulumi-language-nodejs/main.go): the engine starts it as
// `pulumi-language-nodejs [flags] <engineAddr>` in the program directory and reads its gRPC port
// from the first stdout line. `Run` resolves `@pulumi/pulumi/cmd/run` from the program directory
// and runs it with the real host's arguments and environment; exit code 32 means the program
// already reported its error (bail). Not done here: the monitor proxy and the `--sync` pipes (the
// program talks to the engine's monitor directly; synchronous invokes are not supported),
// dependency installation, code generation, packing, debugging, the bun runtime.
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const path = require("node:path");
const grpc = require("@grpc/grpc-js");
const services = require("@pulumi/pulumi/proto/language_grpc_pb");
const messages = require("@pulumi/pulumi/proto/language_pb");
const plugin = require("@pulumi/pulumi/proto/plugin_pb");
const { Empty } = require(require.resolve("google-protobuf/google/protobuf/empty_pb", {
  paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))],
}));

/** `pulumi-language-nodejs [--logtostderr] [-v=N] [--tracing URL] [--runtime nodejs] <engineAddr>` */
function parseArgs(argv) {
  const out = { tracing: "", engine: "" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.replace(/^--?/, "").split("=", 2);
    if (!a.startsWith("-")) out.engine = a;
    else if (flag === "tracing" || flag === "runtime") {
      const value = inline ?? argv[++i] ?? "";
      if (flag === "tracing") out.tracing = value;
      else if (value !== "nodejs") fail(`unsupported runtime: ${value}`);
    } else if (flag === "version") {
      console.log(sdkVersion());
      process.exit(0);
    }
    // --logtostderr, -v=N, --logflow: logging flags of the Go hosts; nothing to do.
  }
  return out;
}

function fail(message) {
  console.error(`pulumi-language-nodejs: ${message}`);
  process.exit(1);
}

function sdkVersion() {
  return require("@pulumi/pulumi/package.json").version;
}

/** main.go parseOptions: `typescript` defaults to true; `tsconfig` and `nodeargs` are passed on. */
function runtimeOptions(info) {
  const options = info?.getOptions()?.toJavaScript() ?? {};
  if (options.typescript !== undefined && typeof options.typescript !== "boolean") throw new Error("typescript option must be a boolean");
  if (options.tsconfig !== undefined && typeof options.tsconfig !== "string") throw new Error("tsconfigpath option must be a string");
  if (options.nodeargs !== undefined && typeof options.nodeargs !== "string") throw new Error("nodeargs option must be a string");
  return { typescript: options.typescript ?? true, tsconfig: options.tsconfig ?? "", nodeargs: options.nodeargs ?? "" };
}

/** main.go locateModule: `require.resolve` run by node in the program directory. */
function locateRun(programDir) {
  const script = "try { console.log(require.resolve('@pulumi/pulumi/cmd/run')); } catch (e) {"
    + " console.error(e.code === 'MODULE_NOT_FOUND' ? 'It looks like the Pulumi SDK has not been installed. Have you run pulumi install?' : e.message);"
    + " process.exit(1); }";
  const r = spawnSync(process.execPath, ["-e", script], { cwd: programDir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr || `could not locate @pulumi/pulumi/cmd/run from ${programDir}`);
  return r.stdout.trim();
}

/** main.go constructArguments: empty values are left out; the entry point and program args come last. */
function runArguments(req, runPath, engine, tracing) {
  const info = req.getInfo();
  const args = [runPath];
  const add = (name, value) => value && args.push(`--${name}`, String(value));
  add("monitor", req.getMonitorAddress());
  add("engine", engine);
  add("organization", req.getOrganization());
  add("project", req.getProject());
  add("root-directory", info?.getRootDirectory());
  add("stack", req.getStack());
  add("pwd", info?.getProgramDirectory() || req.getPwd());
  if (req.getDryrun()) args.push("--dry-run");
  args.push("--parallel", String(req.getParallel())); // always, like the real host (0 included)
  add("tracing", tracing);
  args.push(info?.getEntryPoint() || req.getProgram() || ".", ...req.getArgsList());
  return args;
}

/** main.go constructConfig: keys `ns:key` are passed in the older `ns:config:key` form the SDK reads. */
function configJson(req) {
  const config = {};
  for (const [key, value] of req.getConfigMap().entries()) {
    const i = key.indexOf(":");
    config[i < 0 ? key : `${key.slice(0, i)}:config:${key.slice(i + 1)}`] = value;
  }
  return JSON.stringify(config);
}

/** Splits `nodeargs` like shlex: whitespace-separated, single or double quotes group. */
function splitArgs(text) {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function startHost({ engine, tracing }) {
  const running = new Set();

  function run(req) {
    const info = req.getInfo();
    const programDir = info?.getProgramDirectory() || req.getPwd() || process.cwd();
    const opts = runtimeOptions(info);
    const runPath = locateRun(programDir);
    const env = { ...process.env, PULUMI_CONFIG: configJson(req), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()) };
    if (opts.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
    if (opts.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = opts.tsconfig;
    const args = [...splitArgs(opts.nodeargs), ...runArguments(req, runPath, engine, tracing)];
    return new Promise((resolve) => {
      // The program's output goes to ours; the engine shows both streams.
      const child = spawn(process.execPath, args, { cwd: programDir, env, stdio: ["ignore", "inherit", "inherit"] });
      running.add(child);
      child.on("error", (e) => resolve(`Problem executing program (could not run language executor): ${e.message}`));
      child.on("exit", (code, signal) => {
        running.delete(child);
        if (code === 0) resolve("");
        else if (code === 32) resolve({ bail: true });
        else if (code === null) resolve(`Program exited unexpectedly: signal ${signal}`);
        else resolve(`Program exited with non-zero exit code: ${code}`);
      });
    });
  }

  // Everything else answers Unimplemented, which the engine treats as "not supported by this host".
  const unimplemented = (method) => (call, cb) => {
    const err = { code: grpc.status.UNIMPLEMENTED, details: `method ${method} not implemented` };
    if (typeof cb === "function") cb(err);
    else call.emit("error", err); // server-streaming methods have no callback
  };
  const impl = {};
  for (const [name, def] of Object.entries(services.LanguageRuntimeService)) impl[name] = unimplemented(def.path.split("/").pop());
  Object.assign(impl, {
    getPluginInfo(_call, cb) {
      cb(null, new plugin.PluginInfo().setVersion(sdkVersion()));
    },
    // The real host lists node_modules packages marked `"pulumi": {"resource": true}`. Dynamic
    // providers need none: their plugin, pulumi-nodejs, is bundled with the CLI.
    getRequiredPackages(_call, cb) {
      cb(null, new messages.GetRequiredPackagesResponse());
    },
    run(call, cb) {
      run(call.request).then(
        (result) => {
          const res = new messages.RunResponse();
          if (typeof result === "string") res.setError(result);
          else res.setBail(true);
          cb(null, res);
        },
        (e) => cb(null, new messages.RunResponse().setError(e instanceof Error ? e.message : String(e))),
      );
    },
    about(_call, cb) {
      cb(null, new messages.AboutResponse().setExecutable(process.execPath).setVersion(process.version));
    },
    cancel(_call, cb) {
      for (const child of running) child.kill("SIGINT");
      cb(null, new Empty());
    },
  });

  const server = new grpc.Server();
  server.addService(services.LanguageRuntimeService, impl);
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) fail(`could not start language host RPC server: ${err.message}`);
    process.stdout.write(`${port}\n`);
  });

  // The real host health-checks the engine and exits when it is gone; here: when our parent is.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      for (const child of running) child.kill("SIGINT");
      process.exit(0);
    }
  }, 1000).unref();
  // Keep the process alive while the server is up (grpc-js does not hold the event loop by itself after bind).
  setInterval(() => {}, 1 << 30);
}

startHost(parseArgs(process.argv.slice(2)));
