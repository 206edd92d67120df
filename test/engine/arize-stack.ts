// What the ArizeUser engine suites share: the compiled programs, one emulator per suite, a fresh
// state directory per test, and a Stack configured against that emulator.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ArizeEmulator } from "../../emulator/arize/server";
import { Stack } from "../harness/engine";

const repo = path.resolve(__dirname, "../..");
export const example = path.join(repo, "dist/examples/arize-users/index.js");
export const usersProgram = path.join(repo, "dist/test/harness/fixtures/arize-users/index.js");
export const programDir = path.join(repo, "examples/arize-users");
export const project = "arize-users";

export interface ArizeEnv {
  emulator: ArizeEmulator;
  dir: string;
  /** A Stack over this test's state directory; `config` adds to the emulator's URL and key. */
  stack(config?: Record<string, string>, credentials?: Record<string, string>): Stack;
}

export function arizeEnv(): ArizeEnv {
  const env = { dir: "" } as ArizeEnv;
  beforeAll(async () => {
    for (const file of [example, usersProgram]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    env.emulator = await ArizeEmulator.start();
  });
  afterAll(async () => {
    await env.emulator?.close();
  });
  beforeEach(() => {
    env.emulator.reset();
    env.dir = fs.mkdtempSync(path.join(os.tmpdir(), "arize-engine-"));
  });
  afterEach(() => fs.rmSync(env.dir, { recursive: true, force: true }));
  env.stack = (config = {}, credentials = { "arize:apiKey": env.emulator.apiKey }) => new Stack({
    stateDir: path.join(env.dir, "state"), project, stack: "dev",
    config: { "arize:baseUrl": env.emulator.url, ...credentials, ...config },
    secretConfigKeys: ["arize:apiKey"],
  });
  return env;
}

/** Stack config for test/harness/fixtures/arize-users: one ArizeUser per entry. */
export const withUsers = (users: Record<string, unknown>) => ({ [`${project}:users`]: JSON.stringify(users) });

export { ok, ops } from "../harness/engine";
