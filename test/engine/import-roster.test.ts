// The roster form of the import, through the real provider host (test/harness): for an account of
// 250 users of every shape, `pulumi-saas-users import <service> --format roster` writes a roster that
// examples/roster reads; its `up` adopts every user it declares with reads only (not one write in any
// emulator's log), the refresh after it finds nothing changed, and a second up calls no API at all.
// Users the roster cannot hold (no email, or an email another account already holds) are named and
// skipped by the import. Needs `npm run build` first.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ArizeEmulator } from "../../emulator/arize/server";
import { ConnectEmulator } from "../../emulator/connect/server";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { Stack, ok, type OperationResult } from "../harness/engine";
import { seedArize, seedConnect, seedVectara } from "../http/import-seeds";
import { runImport } from "../http/import-setup";

jest.setTimeout(300_000);
const repo = path.resolve(__dirname, "../..");
const program = path.join(repo, "dist/examples/roster/index.js");
const programDir = path.join(repo, "examples/roster");
const project = "access-roster";

let vectara: VectaraEmulator;
let arize: ArizeEmulator;
let connect: ConnectEmulator;
let dir: string;
beforeAll(async () => {
  if (!fs.existsSync(program)) throw new Error(`${program} is missing: run \`npm run build\` first`);
  [vectara, arize, connect] = await Promise.all([VectaraEmulator.start(), ArizeEmulator.start(), ConnectEmulator.start()]);
});
afterAll(() => Promise.all([vectara?.close(), arize?.close(), connect?.close()]));
beforeEach(() => {
  for (const e of [vectara, arize, connect]) e.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-roster-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = (r: OperationResult) => {
  const ops = new Map<string, number>();
  for (const s of r.steps) ops.set(s.op, (ops.get(s.op) ?? 0) + 1);
  return Object.fromEntries(ops);
};
const requests = () => [...vectara.requests, ...arize.requests, ...connect.requests];
const writes = () => requests().filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`);

const services = {
  vectara: { seed: () => seedVectara(vectara), env: () => ({ VECTARA_API_URL: vectara.url, VECTARA_API_KEY: vectara.apiKey }) },
  connect: { seed: () => seedConnect(connect), env: () => ({ CONNECT_SERVER: connect.serverUrl, CONNECT_API_KEY: connect.apiKey }) },
  arize: { seed: () => seedArize(arize), env: () => ({ ARIZE_BASE_URL: arize.url, ARIZE_API_KEY: arize.apiKey }) },
};

test.each(["vectara", "connect", "arize"] as const)("%s: the imported roster's up adopts every user it declares with zero writes, and the refresh after it shows no change", async (name) => {
  services[name].seed();
  const imported = await runImport(["import", name, "--format", "roster"], services[name].env());
  const roster = path.join(dir, "roster.yaml");
  fs.writeFileSync(roster, imported.files["roster.yaml"]!);
  const declared = (imported.files["roster.yaml"]!.match(new RegExp(`^    ${name}:`, "gm")) ?? []).length;
  // What the import said it declared (the rest it named and skipped, e.g. Connect users without an email).
  expect(imported.out[0]).toMatch(new RegExp(`^${name}: (0 VectaraCorpus, )?${declared} \\w+ declared`));
  expect(declared).toBeGreaterThan(150);

  const stack = new Stack({
    stateDir: path.join(dir, "state"), project, stack: "dev",
    config: {
      [`${project}:roster`]: roster,
      "vectara:apiUrl": vectara.url, "vectara:apiKey": vectara.apiKey,
      "arize:baseUrl": arize.url, "arize:apiKey": arize.apiKey,
      "connect:serverUrl": connect.serverUrl, "connect:apiKey": connect.apiKey,
    },
    secretConfigKeys: ["vectara:apiKey", "arize:apiKey", "connect:apiKey"],
  });
  for (const e of [vectara, arize, connect]) e.requests.length = 0;
  const up = ok(await stack.up(program, { programDir }));
  expect(count(up)).toEqual({ create: declared });
  expect(writes()).toEqual([]);

  const refresh = ok(await stack.refresh({ programDir }));
  expect(count(refresh)).toEqual({ "refresh-same": declared });

  for (const e of [vectara, arize, connect]) e.requests.length = 0;
  const again = ok(await stack.up(program, { programDir }));
  expect(count(again)).toEqual({ same: declared });
  expect(requests()).toEqual([]);
});
