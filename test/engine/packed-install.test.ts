// How users run it: `npm pack`, install the tarball into a fresh program directory outside this
// repository, and run each service's lifecycle from there. The provider host then loads each
// resource's provider (`pulumi-saas-users/<loader>`) from the program's node_modules, as under
// `pulumi up`; the emulator bin runs each service from the installed package.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { registry } from "../../provider/registry";
import { arizeStack, connectStack, ok, ops, stackEnv, vectaraStack } from "./service-stack";

const repo = path.resolve(__dirname, "../..");
let programDir: string;
let installed: string;
let installWarnings: string;

beforeAll(() => {
  programDir = fs.mkdtempSync(path.join(os.tmpdir(), "packed-program-"));
  const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, stdio: "pipe", encoding: "utf8" });
  // --ignore-scripts: npm test has just built dist/; `prepare` would rebuild it under the other suites.
  const tarball = npm(["pack", "--silent", "--ignore-scripts", "--pack-destination", programDir], repo).trim().split("\n").pop()!;
  fs.writeFileSync(path.join(programDir, "package.json"), JSON.stringify({ name: "packed-program", private: true, main: "index.js" }));
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--legacy-peer-deps", "--prefer-offline", path.join(programDir, tarball)], { cwd: programDir, encoding: "utf8" });
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
  installWarnings = install.stderr;
  // @pulumi/pulumi is a peer: link the one this repository installed rather than download it again.
  fs.mkdirSync(path.join(programDir, "node_modules", "@pulumi"), { recursive: true });
  fs.symlinkSync(path.join(repo, "node_modules", "@pulumi", "pulumi"), path.join(programDir, "node_modules", "@pulumi", "pulumi"), "dir");
  installed = fs.realpathSync(path.join(programDir, "node_modules", "pulumi-saas-users"));
}, 180_000);
afterAll(() => fs.rmSync(programDir, { recursive: true, force: true }));

/** Writes a program that declares one `kind` named alice with `args` (which may read `config`), and exports `output`. */
function program(kind: string, args: string, output: string): string {
  const main = path.join(programDir, `${kind}.js`);
  fs.writeFileSync(main, [
    'const pulumi = require("@pulumi/pulumi");',
    `const { ${kind} } = require("pulumi-saas-users");`,
    "const config = new pulumi.Config();",
    `const user = new ${kind}("alice", ${args});`,
    `exports.${output};`,
  ].join("\n"));
  return main;
}

test("the installed tarball holds the compiled provider, its types and the emulator, and no sources", () => {
  expect(installed.startsWith(fs.realpathSync(programDir))).toBe(true);
  expect(fs.existsSync(path.join(installed, "dist/provider/index.d.ts"))).toBe(true);
  expect(fs.existsSync(path.join(installed, "dist/emulator/cli.js"))).toBe(true);
  expect(fs.existsSync(path.join(installed, "provider"))).toBe(false);
  // Every resource's loader entry (state stores it) resolves to a file the tarball holds.
  for (const r of registry.flatMap((service) => service.resources)) expect(fs.existsSync(require.resolve(`pulumi-saas-users/${r.loader}`, { paths: [programDir] }))).toBe(true);
});

test("npm warns of the engine (EBADENGINE) exactly when the running Node.js is outside the package's engines", () => {
  const range = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).engines.node;
  const semver = require(require.resolve("semver", { paths: [path.join(repo, "node_modules/@pulumi/pulumi")] }));
  if (semver.satisfies(process.versions.node, range)) expect(installWarnings).not.toMatch(/EBADENGINE/);
  else expect(installWarnings).toMatch(/EBADENGINE[\s\S]*package: 'pulumi-saas-users@/);
});

// Each service's package entry, and its emulator beside it.
test.each([
  ["vectara-user", "dist/provider/vectara/users/provider.js", "dist/emulator/vectara/server.js"],
  ["connect-user", "dist/provider/connect/users/provider.js", "dist/emulator/connect/server.js"],
  ["arize-user", "dist/provider/arize/users/provider.js", "dist/emulator/arize/server.js"],
])("the installed tarball resolves pulumi-saas-users/%s to the compiled provider and holds the service's emulator", (loader, provider, emulator) => {
  expect(require.resolve(`pulumi-saas-users/${loader}`, { paths: [programDir] })).toBe(path.join(installed, provider));
  expect(fs.existsSync(path.join(installed, emulator))).toBe(true);
});

// Each service from the emulator bin: its arguments, the output that says it is ready, the line its
// URL stands in, and a request that the key it was given must pass.
test.each([
  ["vectara", ["--port", "0", "--api-key", "zut_bin-test"], "zut_bin-test", /listening on (http:\/\/127\.0\.0\.1:\d+)/, "/v2/users", { "x-api-key": "zut_bin-test" }],
  ["connect", ["connect", "--port", "0", "--api-key", "bin-test-key"], "Publisher API key:", /Server URL: (http:\/\/127\.0\.0\.1:\d+)/, "/__api__/v1/users", { authorization: "Key bin-test-key" }],
  ["arize", ["arize", "--api-key", "ak-bin-test"], "ARIZE_BASE_URL", /listening on (http:\/\/127\.0\.0\.1:\d+)/, "/v2/users", { authorization: "Bearer ak-bin-test" }],
] as const)("the emulator bin runs %s from the installed package and prints its URL and key", async (_service, args, ready, urlLine, apiPath, headers) => {
  const bin = path.join(programDir, "node_modules", ".bin", "pulumi-saas-users-emulator");
  const child = spawn(bin, [...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes(ready)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const url = urlLine.exec(out)?.[1];
  expect((await fetch(`${url}${apiPath}`, { headers })).status).toBe(200);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});

describe("VectaraUser", () => {
  const env = stackEnv(vectaraStack, { perTest: false });
  const { project } = vectaraStack;

  test("up, update, refresh and destroy work from a program that installed the tarball", async () => {
    const main = program("VectaraUser", '{ email: "alice@example.com", apiRoles: ["viewer"], description: config.get("description") || "v1" }', "id = user.vectaraId");
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
});

describe("ConnectUser", () => {
  const env = stackEnv(connectStack);
  const { project } = connectStack;

  test("up, rename in place, refresh and destroy (lock) work from a program that installed the tarball", async () => {
    const main = program("ConnectUser", '{ username: config.get("username") || "alice", userRole: "publisher" }', "guid = user.guid");
    const first = ok(await env.stack().up(main, { programDir }));
    expect(ops(first)).toEqual(["create alice"]);
    const guid = env.emulator.userNamed("alice")!.guid;
    expect(first.outputs).toEqual({ guid });
    expect(ops(ok(await env.stack({ [`${project}:username`]: "alicia" }).up(main, { programDir })))).toEqual(["update alice"]);
    expect(env.emulator.user(guid)?.username).toBe("alicia");
    expect(ops(ok(await env.stack().refresh({ programDir })))).toEqual(["refresh-same alice"]);
    expect(ops(ok(await env.stack().destroy({ programDir })))).toEqual(["delete alice"]);
    expect(env.emulator.user(guid)?.locked).toBe(true);
  });
});

describe("ArizeUser", () => {
  const env = stackEnv(arizeStack);
  const { project } = arizeStack;

  test("up, update, refresh and destroy work from a program that installed the tarball", async () => {
    const main = program("ArizeUser", '{ email: "alice@example.com", name: config.get("name") || "v1", inviteMode: "TEMPORARY_PASSWORD" }', "id = user.userId");
    expect(ops(ok(await env.stack().up(main, { programDir })))).toEqual(["create alice"]);
    expect(env.emulator.userByEmail("alice@example.com")?.name).toBe("v1");
    expect(ops(ok(await env.stack({ [`${project}:name`]: "v2" }).up(main, { programDir })))).toEqual(["update alice"]);
    expect(env.emulator.userByEmail("alice@example.com")?.name).toBe("v2");
    expect(ops(ok(await env.stack({ [`${project}:name`]: "v2" }).refresh({ programDir })))).toEqual(["refresh-same alice"]);
    expect(ops(ok(await env.stack().destroy({ programDir })))).toEqual(["delete alice"]);
    expect(env.emulator.users()).toEqual([]);
  });
});
