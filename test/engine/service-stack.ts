// What every service's engine suites share: the compiled programs, one emulator per suite, a fresh
// state directory per test, and a Stack configured against that emulator. What differs between
// services (the example, the fixture program, the project, the secrets) is data below; the config
// keys come from the service's profile.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Stack } from "../harness/engine";
import { configKey, emulatorConfig, startEmulator, urlKey, type EmulatorOf, type EmulatorOptionsOf, type Service } from "../http/service-setup";

const repo = path.resolve(__dirname, "../..");

export interface ServiceStack<S extends Service> {
  service: S;
  /** The compiled example program (examples/<name>), and the directory it runs in. */
  example: string;
  programDir: string;
  /** The compiled fixture program: one user per entry of `${project}:users`. */
  usersProgram: string;
  project: string;
  /** The config keys the stack holds as secrets, besides the API key. */
  secrets: string[];
  /** Stack config for the fixture program: one user per entry. */
  withUsers(users: Record<string, unknown>): Record<string, string>;
}

function serviceStack<S extends Service>(service: S, spec: { example: string; fixture: string; project: string; secrets?: string[] }): ServiceStack<S> {
  return {
    service,
    example: path.join(repo, `dist/examples/${spec.example}/index.js`),
    programDir: path.join(repo, `examples/${spec.example}`),
    usersProgram: path.join(repo, `dist/test/harness/fixtures/${spec.fixture}/index.js`),
    project: spec.project,
    secrets: spec.secrets ?? [],
    withUsers: (users) => ({ [`${spec.project}:users`]: JSON.stringify(users) }),
  };
}

export const vectaraStack = serviceStack("vectara", { example: "quickstart", fixture: "users", project: "vectara-users-quickstart", secrets: ["vectara:clientSecret"] });
export const connectStack = serviceStack("connect", { example: "connect-users", fixture: "connect-users", project: "connect-users", secrets: ["connect-users:alicePassword"] });
export const arizeStack = serviceStack("arize", { example: "arize-users", fixture: "arize-users", project: "arize-users" });

export interface Env<S extends Service> {
  emulator: EmulatorOf<S>;
  dir: string;
  /** A Stack over this test's state directory; `config` adds to the emulator's URL and credentials (by default its API key). */
  stack(config?: Record<string, string>, credentials?: Record<string, string>): Stack;
}

/** Registers the jest hooks; `perTest: false` keeps one state directory for the whole suite; `emulator` starts it in a mode. */
export function stackEnv<S extends Service>(s: ServiceStack<S>, { perTest = true, emulator }: { perTest?: boolean; emulator?: EmulatorOptionsOf<S> } = {}): Env<S> {
  const env = { dir: "" } as Env<S>;
  const fresh = () => {
    env.dir = fs.mkdtempSync(path.join(os.tmpdir(), `${s.service}-engine-`));
  };
  const clean = () => fs.rmSync(env.dir, { recursive: true, force: true });
  beforeAll(async () => {
    for (const file of [s.example, s.usersProgram]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    env.emulator = await startEmulator(s.service, emulator);
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
  env.stack = (config = {}, credentials = { [configKey(s.service, "apiKey")]: env.emulator.apiKey }) => new Stack({
    stateDir: path.join(env.dir, "state"), project: s.project, stack: "dev",
    config: { [urlKey(s.service)]: env.emulator.url, ...credentials, ...config },
    secretConfigKeys: [configKey(s.service, "apiKey"), ...s.secrets],
  });
  return env;
}

export interface TwoAccounts<S extends Service> {
  /** The default account's emulator and the `staging` account's, each with its own API key. */
  prod: EmulatorOf<S>;
  staging: EmulatorOf<S>;
  dir: string;
  /** A Stack of the fixture program declaring `users`, configured for both accounts. */
  stack(users: Record<string, unknown>): Stack;
}

/** Registers the jest hooks of a suite with two accounts of the service in one stack: one emulator each (different API keys), a state directory per test. */
export function twoAccounts<S extends Service>(s: ServiceStack<S>, keys: { prod: string; staging: string }): TwoAccounts<S> {
  const env = {} as TwoAccounts<S>;
  beforeAll(async () => {
    // Different API keys: a request sent with the wrong account's key is refused.
    const start = (apiKey: string) => startEmulator(s.service, { apiKey } as EmulatorOptionsOf<S>);
    [env.prod, env.staging] = await Promise.all([start(keys.prod), start(keys.staging)]);
  });
  afterAll(async () => {
    await Promise.all([env.prod?.close(), env.staging?.close()]);
  });
  beforeEach(() => {
    env.prod.reset();
    env.staging.reset();
    env.dir = fs.mkdtempSync(path.join(os.tmpdir(), `${s.service}-accounts-`));
  });
  afterEach(() => fs.rmSync(env.dir, { recursive: true, force: true }));
  env.stack = (users) => new Stack({
    stateDir: path.join(env.dir, "state"), project: s.project, stack: "dev",
    config: { ...emulatorConfig(s.service, env.prod), ...emulatorConfig(s.service, env.staging, "staging"), ...s.withUsers(users) },
    secretConfigKeys: [configKey(s.service, "apiKey"), configKey(s.service, "apiKey", "staging")],
  });
  return env;
}

export { ok, ops } from "../harness/engine";
