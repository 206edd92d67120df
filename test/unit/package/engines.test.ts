// What npm checks at install time (EBADENGINE), checked here for every Node.js version at once:
// the Node.js range this package declares must lie inside the range of every package a user's
// program installs with it (its dependencies, the @pulumi/pulumi peer at the lowest version the
// peer range allows, and their dependencies), or some user on a version we accept gets a warning.
import * as fs from "node:fs";
import * as path from "node:path";

const repo = path.resolve(__dirname, "../../..");
// semver is what npm itself uses for the check; it comes with @pulumi/pulumi.
const semver = require(require.resolve("semver", { paths: [path.join(repo, "node_modules/@pulumi/pulumi")] }));

interface Manifest {
  name: string;
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const read = (file: string): Manifest => JSON.parse(fs.readFileSync(file, "utf8"));
const own = read(path.join(repo, "package.json"));

/** node's lookup of `name` from `dir` upwards, as a program's require would find it. */
function locate(name: string, dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, "node_modules", name, "package.json");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Every package installed with this one at run time: dependencies and required peers, transitively. */
function runtimeClosure(): Map<string, Manifest> {
  const seen = new Map<string, Manifest>();
  const visit = (manifest: Manifest, dir: string) => {
    const optionalPeers = new Set(Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n))];
    for (const name of names) {
      const file = locate(name, dir);
      if (!file) continue; // an optional dependency not installed on this platform
      const real = fs.realpathSync(path.dirname(file));
      if (seen.has(real)) continue;
      const dep = read(file);
      seen.set(real, dep);
      visit(dep, real);
    }
  };
  visit(own, repo);
  return seen;
}

test("the package declares a Node.js range and supports no line that reached its end of life (18, 20)", () => {
  const range = own.engines?.node;
  expect(range).toBeDefined();
  for (const eol of ["18.20.8", "20.19.6", "23.11.1"]) expect(semver.satisfies(eol, range)).toBe(false);
  for (const tested of ["22.23.5", "24.22.3"]) expect(semver.satisfies(tested, range)).toBe(true);
});

test("the peer range's lowest @pulumi/pulumi is the one installed here, so its engines are the ones checked", () => {
  const installed = read(path.join(repo, "node_modules/@pulumi/pulumi/package.json")).version;
  expect(semver.minVersion(own.peerDependencies?.["@pulumi/pulumi"]).version).toBe(installed);
});

test("every package installed with this one accepts every Node.js version this one accepts (no EBADENGINE)", () => {
  const closure = runtimeClosure();
  expect([...closure.values()].map((m) => m.name)).toEqual(expect.arrayContaining(["@pulumi/pulumi", "undici", "zod"]));
  const narrower = [...closure.values()]
    .filter((m) => m.engines?.node && !semver.subset(own.engines!.node, m.engines.node))
    .map((m) => `${m.name}@${m.version} wants node ${m.engines!.node}`);
  expect(narrower).toEqual([]);
});
