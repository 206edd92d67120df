// `npm run emulator`: starts the compiled emulator at once when dist/ is current. Sources of
// emulator/ newer than their output are first transpiled one by one with tsconfig.build.json's
// options (isolatedModules makes that emit the same JavaScript as tsc); type errors are left to
// `npm run build` and `npm run typecheck`, so a start never waits for a full compile.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const configs = ["tsconfig.json", "tsconfig.build.json"].map((f) => path.join(root, f));

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
};

const files = sources(path.join(root, "emulator"));
const output = (src) => path.join(root, "dist", path.relative(root, src)).replace(/\.ts$/, ".js");
const configTime = Math.max(...configs.map(mtime));
const stale = files.filter((src) => {
  const built = mtime(output(src));
  return built < mtime(src) || built < configTime;
});

if (stale.length > 0) {
  const started = Date.now();
  const ts = require("typescript");
  const { options } = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.build.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  for (const src of stale) {
    const out = output(src);
    const { outputText, sourceMapText } = ts.transpileModule(fs.readFileSync(src, "utf8"), { compilerOptions: options, fileName: src });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
    if (sourceMapText) fs.writeFileSync(`${out}.map`, sourceMapText);
  }
  console.error(`(transpiled ${stale.length} emulator source(s) newer than dist/ in ${Date.now() - started} ms)`);
}

require(path.join(root, "dist", "emulator", "cli.js"));
