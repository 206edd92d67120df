// ArizeUser as users get it: `npm pack`, install the tarball into a fresh program directory outside
// this repository, and run the lifecycle from there; the host loads `pulumi-saas-users/arize-user`
// from the program's node_modules, as under `pulumi up`.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { arizeEnv, ok, ops, project } from "./arize-stack";

const repo = path.resolve(__dirname, "../..");
const env = arizeEnv();
let programDir: string;

beforeAll(() => {
  programDir = fs.mkdtempSync(path.join(os.tmpdir(), "arize-packed-"));
  const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, stdio: "pipe", encoding: "utf8" });
  const tarball = npm(["pack", "--silent", "--pack-destination", programDir], repo).trim().split("\n").pop()!;
  fs.writeFileSync(path.join(programDir, "package.json"), JSON.stringify({ name: "arize-packed-program", private: true, main: "index.js" }));
  npm(["install", "--no-audit", "--no-fund", "--legacy-peer-deps", "--prefer-offline", path.join(programDir, tarball)], programDir);
  fs.mkdirSync(path.join(programDir, "node_modules", "@pulumi"), { recursive: true });
  fs.symlinkSync(path.join(repo, "node_modules", "@pulumi", "pulumi"), path.join(programDir, "node_modules", "@pulumi", "pulumi"), "dir");
  fs.writeFileSync(path.join(programDir, "index.js"), [
    'const pulumi = require("@pulumi/pulumi");',
    'const { ArizeUser } = require("pulumi-saas-users");',
    'const user = new ArizeUser("alice", { email: "alice@example.com", name: new pulumi.Config().get("name") || "v1", inviteMode: "TEMPORARY_PASSWORD" });',
    "exports.id = user.userId;",
  ].join("\n"));
}, 180_000);
afterAll(() => fs.rmSync(programDir, { recursive: true, force: true }));

test("the tarball resolves pulumi-saas-users/arize-user to the compiled provider", () => {
  const installed = fs.realpathSync(path.join(programDir, "node_modules", "pulumi-saas-users"));
  expect(installed.startsWith(programDir)).toBe(true);
  expect(require.resolve("pulumi-saas-users/arize-user", { paths: [programDir] })).toBe(path.join(installed, "dist/provider/arize/users/provider.js"));
  expect(fs.existsSync(path.join(installed, "dist/emulator/arize/server.js"))).toBe(true);
});

test("up, update, refresh and destroy work from a program that installed the tarball", async () => {
  const main = path.join(programDir, "index.js");
  expect(ops(ok(await env.stack().up(main, { programDir })))).toEqual(["create alice"]);
  expect(env.emulator.userByEmail("alice@example.com")?.name).toBe("v1");
  expect(ops(ok(await env.stack({ [`${project}:name`]: "v2" }).up(main, { programDir })))).toEqual(["update alice"]);
  expect(env.emulator.userByEmail("alice@example.com")?.name).toBe("v2");
  expect(ops(ok(await env.stack({ [`${project}:name`]: "v2" }).refresh({ programDir })))).toEqual(["refresh-same alice"]);
  expect(ops(ok(await env.stack().destroy({ programDir })))).toEqual(["delete alice"]);
  expect(env.emulator.users()).toEqual([]);
});

test("the emulator bin starts the arize service from the installed package", async () => {
  const bin = path.join(programDir, "node_modules", ".bin", "pulumi-saas-users-emulator");
  const child = spawn(bin, ["arize", "--api-key", "ak-bin-test"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("ARIZE_BASE_URL")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  expect((await fetch(`${url}/v2/users`, { headers: { authorization: "Bearer ak-bin-test" } })).status).toBe(200);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});
