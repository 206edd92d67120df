// The provider's module graph, read from its import lines: no cycle, and the shared code (core,
// the command line) reaches a service only through provider/registry.ts.
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "../../../provider");
const services = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, "service.ts")));

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

/** Relative imports of a module (type-only ones too: a cycle of types is still a knot to read), as module paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from "(\.[^"]+)";/gms)].map((m) => path.resolve(path.dirname(file), `${m[1]}.ts`));
}

const graph = new Map(modules(root).map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(root, f);

test("the provider's modules import no module that imports them back, however indirectly", () => {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (f: string, trail: string[]) => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "open") {
      cycles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(" → "));
      return;
    }
    state.set(f, "open");
    for (const next of graph.get(f) ?? []) visit(next, [...trail, f]);
    state.set(f, "done");
  };
  for (const f of graph.keys()) visit(f, []);
  expect(cycles).toEqual([]);
});

test("core and the command line import no service's folder: they read services through provider/registry.ts", () => {
  expect(services.length).toBeGreaterThanOrEqual(3);
  const shared = [...graph.keys()].filter((f) => /^(core|cli)\//.test(rel(f)));
  const reaching = shared.flatMap((f) => graph.get(f)!.filter((to) => services.includes(rel(to).split("/")[0]!)).map((to) => `${rel(f)} → ${rel(to)}`));
  expect(reaching).toEqual([]);
});
