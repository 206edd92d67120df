// examples/corpus-and-users through the real @pulumi/pulumi dynamic-provider host (test/harness),
// against the emulator: a VectaraCorpus and two VectaraUsers whose corpusRoles use `corpus.key`.
// Needs `npm run build` first.
import * as fs from "node:fs";
import * as path from "node:path";
import { ok, ops, stackEnv, vectaraStack } from "./service-stack";

const { project } = vectaraStack;

const repo = path.resolve(__dirname, "../..");
const program = path.join(repo, "dist/examples/corpus-and-users/index.js");
const programDir = path.join(repo, "examples/corpus-and-users");

const env = stackEnv(vectaraStack);
beforeAll(() => {
  if (!fs.existsSync(program)) throw new Error(`${program} is missing: run \`npm run build\` first`);
});

/** Stack config of the example: `corpusKey` and `corpusName` (namespaced by the harness's project). */
const corpus = (c: { key?: string; name?: string } = {}) => ({
  ...(c.key !== undefined && { [`${project}:corpusKey`]: c.key }),
  ...(c.name !== undefined && { [`${project}:corpusName`]: c.name }),
});
const stack = (config: Record<string, string> = {}) => env.stack(config);
const up = (config?: Record<string, string>) => stack(config).up(program, { programDir });
const apiCalls = () => env.emulator.requests.filter((r) => r.path.startsWith("/v2/")).map((r) => `${r.method} ${r.rawPath}`);
/** Positions of the calls matching `pattern` in the emulator's request log (arrival order). */
const positions = (calls: string[], pattern: RegExp) => calls.flatMap((c, i) => (pattern.test(c) ? [i] : []));
const first = (calls: string[], pattern: RegExp) => Math.min(...positions(calls, pattern));
const last = (calls: string[], pattern: RegExp) => Math.max(...positions(calls, pattern));
/** A first up, whose requests the test then ignores; the corpus's id it made. */
const upFirst = async () => {
  ok(await up());
  env.emulator.requests.length = 0;
  return env.emulator.corpus("docs")?.id;
};

test("up creates the corpus before the users, whose roles name it; a second up changes nothing", async () => {
  const r = ok(await up());
  expect(ops(r)).toEqual(["create carol", "create dave", "create docs"]);
  const calls = apiCalls();
  expect(calls.filter((c) => c.startsWith("POST"))).toHaveLength(3);
  expect(first(calls, /^POST \/v2\/corpora$/)).toBeLessThan(first(calls, /^POST \/v2\/users$/));
  expect(env.emulator.corpus("docs")).toMatchObject({ name: "Product documentation", description: "Manuals and release notes" });
  expect(env.emulator.user("carol@example.com")?.corpus_roles).toEqual([{ corpus_key: "docs", role: "administrator" }]);
  expect(env.emulator.user("dave@example.com")?.corpus_roles).toEqual([{ corpus_key: "docs", role: "viewer" }]);
  expect(r.outputs).toEqual({ corpusKey: "docs", corpusId: env.emulator.corpus("docs")?.id, users: ["carol@example.com", "dave@example.com"] });
  expect(stack().state().resources.find((x) => x.name === "docs")).toMatchObject({ type: "pulumi-nodejs:dynamic/vectara:Corpus", id: "docs" });

  env.emulator.requests.length = 0;
  expect(ops(ok(await up()))).toEqual(["same carol", "same dave", "same docs"]);
  expect(apiCalls()).toEqual([]);
});

test("renaming the corpus updates it in place with one PATCH and leaves the users alone", async () => {
  const id = await upFirst();
  const r = ok(await up(corpus({ name: "Docs, renamed" })));
  expect(ops(r)).toEqual(["same carol", "same dave", "update docs"]);
  expect(apiCalls()).toEqual(["PATCH /v2/corpora/docs"]);
  expect(env.emulator.corpus("docs")).toMatchObject({ id, name: "Docs, renamed" });
});

test("changing the key replaces the corpus: the new one first, then the users' roles, then the old one is deleted", async () => {
  const oldId = await upFirst();
  const r = ok(await up(corpus({ key: "manuals" })));
  expect(ops(r)).toEqual(["replace docs", "update carol", "update dave"]);
  expect(r.steps.find((s) => s.name === "docs")?.replaceKeys).toEqual(["key"]);
  const calls = apiCalls();
  expect(calls).toEqual(expect.arrayContaining(["POST /v2/corpora", "PATCH /v2/users/carol%40example.com", "PATCH /v2/users/dave%40example.com", "DELETE /v2/corpora/docs"]));
  expect(calls).toHaveLength(4);
  expect(first(calls, /^POST \/v2\/corpora$/)).toBeLessThan(first(calls, /^PATCH \/v2\/users\//));
  expect(last(calls, /^PATCH \/v2\/users\//)).toBeLessThan(first(calls, /^DELETE \/v2\/corpora\/docs$/));

  expect(env.emulator.corpus("docs")).toBeUndefined();
  expect(env.emulator.corpus("manuals")?.id).not.toBe(oldId);
  expect(env.emulator.user("carol@example.com")?.corpus_roles).toEqual([{ corpus_key: "manuals", role: "administrator" }]);
  expect(env.emulator.user("dave@example.com")?.corpus_roles).toEqual([{ corpus_key: "manuals", role: "viewer" }]);
  expect(stack().state().resources.find((x) => x.name === "docs")?.id).toBe("manuals");
});

test("destroy deletes the users before the corpus", async () => {
  await upFirst();
  const r = ok(await stack().destroy({ programDir }));
  expect(ops(r)).toEqual(["delete carol", "delete dave", "delete docs"]);
  const calls = apiCalls();
  expect(calls).toHaveLength(3);
  expect(calls.at(-1)).toBe("DELETE /v2/corpora/docs");
  expect(env.emulator.corpora()).toEqual([]);
  expect(env.emulator.users()).toEqual([]);
  expect(stack().state().resources).toEqual([]);
});

test("refresh notices a corpus renamed or deleted outside Pulumi, and the next up converges", async () => {
  ok(await up());
  env.emulator.patchCorpus("docs", { name: "Edited in the console" });
  const refreshed = ok(await stack().refresh({ programDir }));
  expect(refreshed.steps.find((s) => s.name === "docs")).toMatchObject({ op: "refresh-update", changedKeys: ["name"] });
  expect(ops(ok(await up()))).toEqual(["same carol", "same dave", "update docs"]);
  expect(env.emulator.corpus("docs")?.name).toBe("Product documentation");

  env.emulator.deleteCorpus("docs");
  const gone = ok(await stack().refresh({ programDir }));
  expect(gone.steps.find((s) => s.name === "docs")?.op).toBe("refresh-delete");
  expect(ops(ok(await up()))).toEqual(["create docs", "same carol", "same dave"]);
  expect(env.emulator.corpus("docs")).toBeDefined();
});

test("preview plans the three creates and calls no API", async () => {
  const r = ok(await stack().preview(program, { programDir }));
  expect(ops(r)).toEqual(["create carol", "create dave", "create docs"]);
  expect(apiCalls()).toEqual([]);
});

test("an existing corpus is refused unless adoptExisting; the error names the flag", async () => {
  env.emulator.seedCorpus({ key: "docs", name: "Made by hand" });
  const r = await up();
  expect(r.error).toMatch(/Vectara corpus docs already exists.*set adoptExisting: true/s);
  expect(env.emulator.corpus("docs")?.name).toBe("Made by hand");
  expect(env.emulator.users()).toEqual([]);
});

test("the corpus's __provider is the small loader of pulumi-saas-users/vectara-corpus, without credentials", async () => {
  ok(await up());
  const state = stack().state();
  const provider = String(state.resources.find((x) => x.name === "docs")?.inputs.__provider);
  expect(provider).toContain("pulumi-saas-users/vectara-corpus");
  expect(provider).not.toMatch(/zod|undici/);
  expect(Buffer.byteLength(provider)).toBeLessThan(1024);
  expect(fs.readFileSync(path.join(env.dir, "state", "state.json"), "utf8")).not.toContain(env.emulator.apiKey);
});
