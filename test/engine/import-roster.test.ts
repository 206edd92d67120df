// The roster form of the import, through the real provider host (test/harness): for an account of
// 250 users of every shape, `pulumi-saas-users import <service> --format roster` writes a roster that
// examples/roster reads; its `up` adopts every user it declares with reads only (not one write in any
// emulator's log), the refresh after it finds nothing changed, and a second up calls no API at all.
// Users the roster cannot hold (no email, or an email another account already holds) are named and
// skipped by the import. Needs `npm run build` first.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Stack, ok, type OperationResult } from "../harness/engine";
import { seedArize, seedConnect, seedVectara } from "../http/import-seeds";
import { importEmulators, runImport } from "../http/import-setup";

jest.setTimeout(300_000);
const repo = path.resolve(__dirname, "../..");
const program = path.join(repo, "dist/examples/roster/index.js");
const programDir = path.join(repo, "examples/roster");
const project = "access-roster";

const { em, envOf } = importEmulators();
let dir: string;
beforeAll(() => {
  if (!fs.existsSync(program)) throw new Error(`${program} is missing: run \`npm run build\` first`);
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-roster-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = (r: OperationResult) => {
  const ops = new Map<string, number>();
  for (const s of r.steps) ops.set(s.op, (ops.get(s.op) ?? 0) + 1);
  return Object.fromEntries(ops);
};
const emulators = () => [em.vectara, em.arize, em.connect];
const requests = () => emulators().flatMap((e) => e.requests);
const writes = () => requests().filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`);

const seed = { vectara: () => seedVectara(em.vectara), connect: () => seedConnect(em.connect), arize: () => seedArize(em.arize) };

test.each(["vectara", "connect", "arize"] as const)("%s: the imported roster's up adopts every user it declares with zero writes, and the refresh after it shows no change", async (name) => {
  seed[name]();
  const imported = await runImport(["import", name, "--format", "roster"], envOf[name]());
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
      "vectara:apiUrl": em.vectara.url, "vectara:apiKey": em.vectara.apiKey,
      "arize:baseUrl": em.arize.url, "arize:apiKey": em.arize.apiKey,
      "connect:serverUrl": em.connect.serverUrl, "connect:apiKey": em.connect.apiKey,
    },
    secretConfigKeys: ["vectara:apiKey", "arize:apiKey", "connect:apiKey"],
  });
  for (const e of emulators()) e.requests.length = 0;
  const up = ok(await stack.up(program, { programDir }));
  expect(count(up)).toEqual({ create: declared });
  expect(writes()).toEqual([]);

  const refresh = ok(await stack.refresh({ programDir }));
  expect(count(refresh)).toEqual({ "refresh-same": declared });

  for (const e of emulators()) e.requests.length = 0;
  const again = ok(await stack.up(program, { programDir }));
  expect(count(again)).toEqual({ same: declared });
  expect(requests()).toEqual([]);
});
