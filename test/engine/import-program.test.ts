// The import's core promise, through the real provider host (test/harness): for an account of 250
// users of every shape (and, for Vectara, its corpora), the program `pulumi-saas-users import` writes compiles, its `up` adopts
// every user with reads only (not one write in the emulator's log), and the refresh after it
// finds nothing changed. Needs `npm run build` first (the package the program imports is dist/).
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ArizeEmulator } from "../../emulator/arize/server";
import { ConnectEmulator } from "../../emulator/connect/server";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { Stack, ok, type OperationResult } from "../harness/engine";
import { seedArize, seedConnect, seedVectara } from "../http/import-seeds";
import { runImport } from "../http/import-setup";

jest.setTimeout(300_000);
const repo = path.resolve(__dirname, "../..");

interface Service {
  start(): Promise<{ emulator: VectaraEmulator | ConnectEmulator | ArizeEmulator; env: Record<string, string>; config: Record<string, string>; secret: string }>;
}

const services: Record<"vectara" | "connect" | "arize", Service> = {
  vectara: {
    async start() {
      const e = await VectaraEmulator.start();
      seedVectara(e);
      return { emulator: e, env: { VECTARA_API_URL: e.url, VECTARA_API_KEY: e.apiKey }, config: { "vectara:apiUrl": e.url, "vectara:apiKey": e.apiKey }, secret: "vectara:apiKey" };
    },
  },
  connect: {
    async start() {
      const e = await ConnectEmulator.start();
      seedConnect(e);
      return { emulator: e, env: { CONNECT_SERVER: e.serverUrl, CONNECT_API_KEY: e.apiKey }, config: { "connect:serverUrl": e.serverUrl, "connect:apiKey": e.apiKey }, secret: "connect:apiKey" };
    },
  },
  arize: {
    async start() {
      const e = await ArizeEmulator.start();
      seedArize(e);
      return { emulator: e, env: { ARIZE_BASE_URL: e.url, ARIZE_API_KEY: e.apiKey }, config: { "arize:baseUrl": e.url, "arize:apiKey": e.apiKey }, secret: "arize:apiKey" };
    },
  },
};

/** Type-checks and compiles the written index.ts as `pulumi up` would, against this package's dist/ types. */
function compile(dir: string): string {
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"), "dir");
  const config = ts.readConfigFile(path.join(dir, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const program = ts.createProgram(parsed.fileNames, { ...parsed.options, outDir: dir, types: ["node"] });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  return path.join(dir, "index.js");
}

const count = (r: OperationResult) => {
  const ops = new Map<string, number>();
  for (const s of r.steps) ops.set(s.op, (ops.get(s.op) ?? 0) + 1);
  return Object.fromEntries(ops);
};

describe.each(["vectara", "connect", "arize"] as const)("%s", (name) => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the imported program of 250 users (and Vectara's corpora) compiles, adopts them all with zero writes, and the refresh after it shows no change", async () => {
    const total = name === "vectara" ? 253 : 250; // Vectara's seed has 3 corpora, imported with the users
    const { emulator, env, config, secret } = await services[name].start();
    try {
      const imported = await runImport(["import", name, "--project", "imported"], env);
      expect(imported.err).toEqual([]);
      expect(imported.code).toBe(0);
      dir = path.dirname(imported.dir);
      const main = compile(imported.dir);

      const stack = new Stack({ stateDir: path.join(dir, "state"), project: "imported", stack: "dev", config, secretConfigKeys: [secret] });
      emulator.requests.length = 0;
      const up = ok(await stack.up(main, { programDir: imported.dir }));
      expect(count(up)).toEqual({ create: total });
      const writes = emulator.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`);
      expect(writes).toEqual([]);
      expect(emulator.requests.length).toBeGreaterThan(0);

      const refresh = ok(await stack.refresh({ programDir: imported.dir }));
      expect(count(refresh)).toEqual({ "refresh-same": total });

      emulator.requests.length = 0;
      const again = ok(await stack.up(main, { programDir: imported.dir }));
      expect(count(again)).toEqual({ same: total });
      expect(emulator.requests).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
