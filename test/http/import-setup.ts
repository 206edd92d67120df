// Runs `pulumi-saas-users import` in-process against an emulator, with its settings as environment
// twins, capturing what it prints and writes.
import { ArizeEmulator } from "../../emulator/arize/server";
import { ConnectEmulator } from "../../emulator/connect/server";
import { VectaraEmulator } from "../../emulator/vectara/server";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../provider/cli/main";

export interface ImportRun { code: number; out: string[]; err: string[]; dir: string; files: Record<string, string> }

export function readTree(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
}

export async function runImport(args: string[], env: NodeJS.ProcessEnv, opts: { progress?: string[] } = {}): Promise<ImportRun> {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "import-")), "out");
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), ...(opts.progress && { progress: (t: string) => opts.progress!.push(t) }) };
  const code = await run([...args, "--out", dir], io, env);
  return { code, out, err, dir, files: readTree(dir) };
}

/** Every resource name the program declares, in order. */
export const declaredNames = (index: string) => [...index.matchAll(/^new \w+\(("[^"]*")/gm)].map((m) => JSON.parse(m[1] as string) as string);

/** The three emulators an import suite reads, started once per file and reset before each test, and their environments. */
export function importEmulators() {
  const em = {} as { vectara: VectaraEmulator; connect: ConnectEmulator; arize: ArizeEmulator };
  beforeAll(async () => {
    [em.vectara, em.connect, em.arize] = await Promise.all([VectaraEmulator.start(), ConnectEmulator.start(), ArizeEmulator.start()]);
  });
  afterAll(async () => {
    await Promise.all([em.vectara?.close(), em.connect?.close(), em.arize?.close()]);
  });
  beforeEach(() => {
    for (const e of [em.vectara, em.connect, em.arize]) e.reset();
  });
  const envOf: Record<"vectara" | "connect" | "arize", () => Record<string, string>> = {
    vectara: () => ({ VECTARA_API_URL: em.vectara.url, VECTARA_API_KEY: em.vectara.apiKey }),
    connect: () => ({ CONNECT_SERVER: em.connect.serverUrl, CONNECT_API_KEY: em.connect.apiKey }),
    arize: () => ({ ARIZE_BASE_URL: em.arize.url, ARIZE_API_KEY: em.arize.apiKey }),
  };
  return { em, envOf };
}
