// What the ConnectUser engine suites share: the compiled programs, one emulator per suite, a fresh
// state directory per test, and a Stack configured against that emulator.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConnectEmulator, type ConnectEmulatorOptions } from "../../emulator/connect/server";
import { Stack } from "../harness/engine";

const repo = path.resolve(__dirname, "../..");
export const example = path.join(repo, "dist/examples/connect-users/index.js");
export const usersProgram = path.join(repo, "dist/test/harness/fixtures/connect-users/index.js");
export const programDir = path.join(repo, "examples/connect-users");
export const project = "connect-users";

export interface ConnectEnv {
  emulator: ConnectEmulator;
  dir: string;
  /** A Stack over this test's state directory; `config` adds to the emulator's URL and API key. */
  stack(config?: Record<string, string>, credentials?: Record<string, string>): Stack;
}

/** Registers the jest hooks: one emulator per suite, a state directory per test. */
export function connectEnv(options: ConnectEmulatorOptions = {}): ConnectEnv {
  const env = { dir: "" } as ConnectEnv;
  beforeAll(async () => {
    for (const file of [example, usersProgram]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    env.emulator = await ConnectEmulator.start(options);
  });
  afterAll(() => env.emulator?.close());
  beforeEach(() => {
    env.emulator.reset();
    env.dir = fs.mkdtempSync(path.join(os.tmpdir(), "connect-engine-"));
  });
  afterEach(() => fs.rmSync(env.dir, { recursive: true, force: true }));
  env.stack = (config = {}, credentials = { "connect:apiKey": env.emulator.apiKey }) => new Stack({
    stateDir: path.join(env.dir, "state"), project, stack: "dev",
    config: { "connect:serverUrl": env.emulator.serverUrl, ...credentials, ...config },
    secretConfigKeys: ["connect:apiKey", `${project}:alicePassword`],
  });
  return env;
}

/** Stack config for test/harness/fixtures/connect-users: one ConnectUser per entry. */
export const withUsers = (users: Record<string, unknown>) => ({ [`${project}:users`]: JSON.stringify(users) });
