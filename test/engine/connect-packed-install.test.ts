// ConnectUser as users run it: `npm pack`, install the tarball into a fresh program directory outside
// this repository, and run the lifecycle from there; the provider host loads
// `pulumi-saas-users/connect-user` from the program's node_modules, as under `pulumi up`.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConnectEmulator } from "../../emulator/connect/server";
import { Stack } from "../harness/engine";
import { ok, ops } from "./vectara-stack";

const repo = path.resolve(__dirname, "../..");
const project = "connect-packed";
let programDir: string;
let emulator: ConnectEmulator;
let stateDir: string;

beforeAll(async () => {
  emulator = await ConnectEmulator.start();
  programDir = fs.mkdtempSync(path.join(os.tmpdir(), "connect-packed-program-"));
  stateDir = path.join(programDir, ".state");
  const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, stdio: "pipe", encoding: "utf8" });
  const tarball = npm(["pack", "--silent", "--pack-destination", programDir], repo).trim().split("\n").pop()!;
  fs.writeFileSync(path.join(programDir, "package.json"), JSON.stringify({ name: "connect-packed-program", private: true, main: "index.js" }));
  // @pulumi/pulumi is a peer: link the one this repository installed rather than download it again.
  npm(["install", "--no-audit", "--no-fund", "--legacy-peer-deps", "--prefer-offline", path.join(programDir, tarball)], programDir);
  fs.mkdirSync(path.join(programDir, "node_modules", "@pulumi"), { recursive: true });
  fs.symlinkSync(path.join(repo, "node_modules", "@pulumi", "pulumi"), path.join(programDir, "node_modules", "@pulumi", "pulumi"), "dir");
  fs.writeFileSync(path.join(programDir, "index.js"), [
    'const pulumi = require("@pulumi/pulumi");',
    'const { ConnectUser } = require("pulumi-saas-users");',
    'const user = new ConnectUser("alice", { username: new pulumi.Config().get("username") || "alice", userRole: "publisher" });',
    "exports.guid = user.guid;",
  ].join("\n"));
}, 120_000);
afterAll(async () => {
  await emulator?.close();
  fs.rmSync(programDir, { recursive: true, force: true });
});

const stack = (config: Record<string, string> = {}) => new Stack({
  stateDir, project, stack: "dev",
  config: { "connect:serverUrl": emulator.serverUrl, "connect:apiKey": emulator.apiKey, ...config },
  secretConfigKeys: ["connect:apiKey"],
});

test("the installed tarball resolves pulumi-saas-users/connect-user to the compiled provider", () => {
  const installed = fs.realpathSync(path.join(programDir, "node_modules", "pulumi-saas-users"));
  expect(installed.startsWith(fs.realpathSync(programDir))).toBe(true);
  expect(require.resolve("pulumi-saas-users/connect-user", { paths: [programDir] })).toBe(path.join(installed, "dist/provider/connect/users/provider.js"));
  expect(fs.existsSync(path.join(installed, "dist/emulator/connect/server.js"))).toBe(true);
});

test("the installed tarball resolves the access loaders (group, membership, content permission) to their compiled providers", () => {
  const installed = fs.realpathSync(path.join(programDir, "node_modules", "pulumi-saas-users"));
  for (const [loader, folder] of [["connect-group", "groups"], ["connect-group-membership", "memberships"], ["connect-content-permission", "permissions"]]) {
    expect(require.resolve(`pulumi-saas-users/${loader}`, { paths: [programDir] })).toBe(path.join(installed, `dist/provider/connect/${folder}/provider.js`));
  }
});

test("up, rename in place, refresh and destroy (lock) work from a program that installed the tarball", async () => {
  const main = path.join(programDir, "index.js");
  const first = ok(await stack().up(main, { programDir }));
  expect(ops(first)).toEqual(["create alice"]);
  const guid = emulator.userNamed("alice")!.guid;
  expect(first.outputs).toEqual({ guid });
  expect(ops(ok(await stack({ [`${project}:username`]: "alicia" }).up(main, { programDir })))).toEqual(["update alice"]);
  expect(emulator.user(guid)?.username).toBe("alicia");
  expect(ops(ok(await stack().refresh({ programDir })))).toEqual(["refresh-same alice"]);
  expect(ops(ok(await stack().destroy({ programDir })))).toEqual(["delete alice"]);
  expect(emulator.user(guid)?.locked).toBe(true);
});

test("the emulator bin runs the connect emulator from the installed package", async () => {
  const bin = path.join(programDir, "node_modules", ".bin", "pulumi-saas-users-emulator");
  const child = spawn(bin, ["connect", "--port", "0", "--api-key", "bin-test-key"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("Publisher API key:")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const url = /Server URL: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  expect((await fetch(`${url}/__api__/v1/users`, { headers: { authorization: "Key bin-test-key" } })).status).toBe(200);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});
