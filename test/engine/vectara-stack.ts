// What the VectaraUser engine suites share: the compiled programs, one emulator per suite, a fresh
// state directory per test, and a Stack configured against that emulator.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectaraEmulator, type EmulatorOptions } from "../../emulator/vectara/server";
import { Stack } from "../harness/engine";

const repo = path.resolve(__dirname, "../..");
export const quickstart = path.join(repo, "dist/examples/quickstart/index.js");
export const usersProgram = path.join(repo, "dist/test/harness/fixtures/users/index.js");
export const programDir = path.join(repo, "examples/quickstart");
export const project = "vectara-users-quickstart";

export interface Env {
  emulator: VectaraEmulator;
  dir: string;
  /** A Stack over this test's state directory; `config` adds to the emulator's URL and credentials. */
  stack(config?: Record<string, string>, credentials?: Record<string, string>): Stack;
}

/** Registers the jest hooks; `perTest: false` keeps one state directory for the whole suite; `emulator` starts it in a mode. */
export function vectaraEnv({ perTest = true, emulator = {} as EmulatorOptions } = {}): Env {
  const env = { dir: "" } as Env;
  const fresh = () => {
    env.dir = fs.mkdtempSync(path.join(os.tmpdir(), "vectara-engine-"));
  };
  const clean = () => fs.rmSync(env.dir, { recursive: true, force: true });
  beforeAll(async () => {
    for (const file of [quickstart, usersProgram]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    env.emulator = await VectaraEmulator.start(emulator);
    if (!perTest) fresh();
  });
  afterAll(async () => {
    await env.emulator?.close();
    if (!perTest) clean();
  });
  if (perTest) {
    beforeEach(() => {
      env.emulator.reset();
      fresh();
    });
    afterEach(clean);
  }
  env.stack = (config = {}, credentials = { "vectara:apiKey": env.emulator.apiKey }) => new Stack({
    stateDir: path.join(env.dir, "state"), project, stack: "dev",
    config: { "vectara:apiUrl": env.emulator.url, ...credentials, ...config },
    secretConfigKeys: ["vectara:apiKey", "vectara:clientSecret"],
  });
  return env;
}

/** Stack config for test/harness/fixtures/users: one VectaraUser per entry. */
export const withUsers = (users: Record<string, unknown>) => ({ [`${project}:users`]: JSON.stringify(users) });

export { ok, ops } from "../harness/engine";
