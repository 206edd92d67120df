// How users run it: `npm pack`, install the tarball into a fresh program directory outside this
// repository, and run the lifecycle from there. The provider host then loads the provider from the
// program's node_modules, as under `pulumi up`.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { registry } from "../../provider/registry";
import { ok, ops, project, vectaraEnv } from "./vectara-stack";

const repo = path.resolve(__dirname, "../..");
const env = vectaraEnv({ perTest: false });
let programDir: string;
let installWarnings: string;

beforeAll(() => {
  programDir = fs.mkdtempSync(path.join(os.tmpdir(), "packed-program-"));
  const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, stdio: "pipe", encoding: "utf8" });
  // --ignore-scripts: npm test has just built dist/; `prepare` would rebuild it under the other suites.
  const tarball = npm(["pack", "--silent", "--ignore-scripts", "--pack-destination", programDir], repo).trim().split("\n").pop()!;
  fs.writeFileSync(path.join(programDir, "package.json"), JSON.stringify({ name: "packed-program", private: true, main: "index.js" }));
  // @pulumi/pulumi is a peer: link the one this repository installed rather than download it again.
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--legacy-peer-deps", "--prefer-offline", path.join(programDir, tarball)], { cwd: programDir, encoding: "utf8" });
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
  installWarnings = install.stderr;
  fs.mkdirSync(path.join(programDir, "node_modules", "@pulumi"), { recursive: true });
  fs.symlinkSync(path.join(repo, "node_modules", "@pulumi", "pulumi"), path.join(programDir, "node_modules", "@pulumi", "pulumi"), "dir");
  fs.writeFileSync(path.join(programDir, "index.js"), [
    'const pulumi = require("@pulumi/pulumi");',
    'const { VectaraUser } = require("pulumi-saas-users");',
    'const user = new VectaraUser("alice", { email: "alice@example.com", apiRoles: ["viewer"], description: new pulumi.Config().get("description") || "v1" });',
    "exports.id = user.vectaraId;",
  ].join("\n"));
}, 120_000);
afterAll(() => fs.rmSync(programDir, { recursive: true, force: true }));

test("the installed tarball holds the compiled provider, its types and the emulator, and no sources", () => {
  const installed = path.join(programDir, "node_modules", "pulumi-saas-users");
  expect(fs.realpathSync(installed).startsWith(programDir)).toBe(true);
  expect(fs.existsSync(path.join(installed, "dist/provider/index.d.ts"))).toBe(true);
  expect(fs.existsSync(path.join(installed, "dist/emulator/cli.js"))).toBe(true);
  expect(fs.existsSync(path.join(installed, "provider"))).toBe(false);
  expect(require.resolve("pulumi-saas-users/vectara-user", { paths: [programDir] })).toBe(path.join(fs.realpathSync(installed), "dist/provider/vectara/users/provider.js"));
  // Every resource's loader entry (state stores it) resolves to a file the tarball holds.
  for (const r of registry.flatMap((service) => service.resources)) expect(fs.existsSync(require.resolve(`pulumi-saas-users/${r.loader}`, { paths: [programDir] }))).toBe(true);
});

test("npm warns of the engine (EBADENGINE) exactly when the running Node.js is outside the package's engines", () => {
  const range = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).engines.node;
  const semver = require(require.resolve("semver", { paths: [path.join(repo, "node_modules/@pulumi/pulumi")] }));
  if (semver.satisfies(process.versions.node, range)) expect(installWarnings).not.toMatch(/EBADENGINE/);
  else expect(installWarnings).toMatch(/EBADENGINE[\s\S]*package: 'pulumi-saas-users@/);
});

test("up, update, refresh and destroy work from a program that installed the tarball", async () => {
  const main = path.join(programDir, "index.js");
  expect(ops(ok(await env.stack().up(main, { programDir })))).toEqual(["create alice"]);
  expect(env.emulator.user("alice@example.com")).toMatchObject({ api_roles: ["viewer"], description: "v1" });
  expect(ops(ok(await env.stack({ [`${project}:description`]: "v2" }).up(main, { programDir })))).toEqual(["update alice"]);
  expect(env.emulator.user("alice@example.com")?.description).toBe("v2");
  expect(ops(ok(await env.stack().refresh({ programDir })))).toEqual(["refresh-same alice"]);
  env.emulator.deleteUser("alice@example.com");
  expect(ops(ok(await env.stack().refresh({ programDir })))).toEqual(["refresh-delete alice"]);
  expect(ops(ok(await env.stack().up(main, { programDir })))).toEqual(["create alice"]);
  expect(ops(ok(await env.stack().destroy({ programDir })))).toEqual(["delete alice"]);
  expect(env.emulator.users()).toEqual([]);
});

test("the emulator bin starts from the installed package and prints its URL and key", async () => {
  const bin = path.join(programDir, "node_modules", ".bin", "pulumi-saas-users-emulator");
  const child = spawn(bin, ["--port", "0", "--api-key", "zut_bin-test"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("zut_bin-test")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  const response = await fetch(`${url}/v2/users`, { headers: { "x-api-key": "zut_bin-test" } });
  expect(response.status).toBe(200);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});

test("the import bin runs from the installed package: it lists the account and writes the program", async () => {
  env.emulator.seedUser({ email: "imported@example.com", api_roles: ["viewer"] });
  const bin = path.join(programDir, "node_modules", ".bin", "pulumi-saas-users");
  const out = path.join(programDir, "imported");
  // The emulator runs in this process: the bin must run asynchronously for it to answer.
  const child = spawn(bin, ["import", "vectara", "--out", out], {
    env: { ...process.env, VECTARA_API_URL: env.emulator.url, VECTARA_API_KEY: env.emulator.apiKey },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise((resolve) => child.once("exit", resolve));
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  expect(stdout).toMatch(/^vectara: 0 VectaraCorpus, \d+ VectaraUser declared, 0 skipped\n/);
  expect(fs.readFileSync(path.join(out, "index.ts"), "utf8")).toContain('new VectaraUser("imported-example-com", {');
  expect(JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")).dependencies["pulumi-saas-users"]).toMatch(/^\^\d+\.\d+\.\d+$/);
});
