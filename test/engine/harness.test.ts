// Proves the engine stand-in (test/harness) against the real dynamic-provider host, using the
// self-contained counter program (test/harness/fixtures/counter). Needs `npm run build` first.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Stack, formatSteps, type OperationResult } from "../harness/engine";

const repo = path.resolve(__dirname, "../..");
const program = path.join(repo, "dist/test/harness/fixtures/counter/index.js");
const programDir = path.dirname(program);
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const TYPE = "pulumi-nodejs:dynamic/counter:Counter";
const urn = (name: string): string => `urn:pulumi:dev::counter::${TYPE}::${name}`;

interface Cloud { items: Record<string, { name: string; count: number; revision: number }>; calls: Array<Record<string, unknown>> }

let dir: string;
let cloudFile: string;

beforeAll(() => {
  if (!fs.existsSync(program)) throw new Error(`${program} is missing: run \`npm run build\` first`);
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-"));
  cloudFile = path.join(dir, "cloud.json");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function stack(config: Record<string, string> = {}, secretConfigKeys: string[] = []): Stack {
  return new Stack({ stateDir: path.join(dir, "state"), project: "counter", stack: "dev",
    config: Object.fromEntries(Object.entries(config).map(([k, v]) => [`counter:${k}`, v])),
    secretConfigKeys: secretConfigKeys.map((k) => `counter:${k}`), env: { COUNTER_CLOUD_FILE: cloudFile } });
}
const up = (config?: Record<string, string>): Promise<OperationResult> => stack(config).up(program, { programDir });
const cloud = (): Cloud => JSON.parse(fs.readFileSync(cloudFile, "utf8")) as Cloud;
const ops = (r: OperationResult): string[] => r.steps.map((s) => `${s.op} ${s.name}`).sort();
const callsAfter = (n: number): string[] =>
  cloud().calls.slice(n).map((c) => String(c.op)).filter((op) => op !== "check" && op !== "configure");
const opsLogged = (): string[] => cloud().calls.map((c) => String(c.op)).filter((op) => op !== "configure");

function expectOk(r: OperationResult): void {
  if (r.error) throw new Error(`${r.error}\n${formatSteps(r)}`);
}

test("up creates the resource and persists it in state", async () => {
  const r = await up();
  expectOk(r);
  expect(r.steps).toEqual([{ op: "create", urn: urn("main"), type: TYPE, name: "main", id: "c-1" }]);
  expect(r.outputs).toEqual({ mainId: "c-1", mainCount: 1, mainRevision: 1 });
  expect(cloud().items).toEqual({ "c-1": { name: "alpha", count: 1, revision: 1 } });
  const [res] = stack().state().resources;
  expect(res).toMatchObject({ urn: urn("main"), id: "c-1", outputs: { name: "alpha", count: 1, revision: 1 } });
  expect(typeof res!.outputs.__provider).toBe("string");
  expect(res!.inputs.__provider).toBe(res!.outputs.__provider);
});

test("a second up with nothing changed is a no-op", async () => {
  expectOk(await up({ extra: "true" }));
  const before = cloud().calls.length;
  const r = await up({ extra: "true" });
  expectOk(r);
  expect(ops(r)).toEqual(["same extra", "same main"]);
  expect(callsAfter(before)).toEqual([]);
});

test("changing an in-place property updates the resource", async () => {
  expectOk(await up());
  const r = await up({ count: "5" });
  expectOk(r);
  expect(r.steps).toEqual([expect.objectContaining({ op: "update", name: "main", id: "c-1", changedKeys: ["count"] })]);
  expect(r.outputs).toMatchObject({ mainId: "c-1", mainCount: 5, mainRevision: 2 });
  expect(cloud().items["c-1"]).toMatchObject({ count: 5, revision: 2 });
});

test("changing the replace property creates the new resource before deleting the old", async () => {
  expectOk(await up());
  const before = cloud().calls.length;
  const r = await up({ name: "beta" });
  expectOk(r);
  expect(r.steps).toEqual([expect.objectContaining({ op: "replace", name: "main", id: "c-2", replaceKeys: ["name"] })]);
  expect(callsAfter(before)).toEqual(["create", "delete"]);
  expect(Object.keys(cloud().items)).toEqual(["c-2"]);
  expect(stack().state().resources.map((s) => s.id)).toEqual(["c-2"]);
});

test("deleteBeforeReplace deletes the old resource first", async () => {
  expectOk(await up({ deleteBeforeReplace: "true" }));
  const before = cloud().calls.length;
  expectOk(await up({ deleteBeforeReplace: "true", name: "beta" }));
  expect(callsAfter(before)).toEqual(["delete", "create"]);
});

test("refresh drops a resource deleted out of band and reports drift", async () => {
  expectOk(await up({ extra: "true" }));
  const c = cloud();
  delete c.items["c-2"];
  c.items["c-1"]!.count = 42;
  fs.writeFileSync(cloudFile, JSON.stringify(c));
  const r = await stack().refresh({ programDir });
  expectOk(r);
  expect(r.steps).toEqual([
    expect.objectContaining({ op: "refresh-update", name: "main", changedKeys: ["count"] }),
    expect.objectContaining({ op: "refresh-delete", name: "extra" }),
  ]);
  const state = stack().state().resources;
  expect(state.map((s) => s.name)).toEqual(["main"]);
  expect(state[0]!.outputs.count).toBe(42);
});

test("destroy deletes everything, dependents first", async () => {
  expectOk(await up({ extra: "true" }));
  const before = cloud().calls.length;
  const r = await stack().destroy({ programDir });
  expectOk(r);
  expect(r.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["delete extra", "delete main"]);
  expect(cloud().calls.slice(before).filter((c) => c.op === "delete").map((c) => c.id)).toEqual(["c-2", "c-1"]);
  expect(cloud().items).toEqual({});
  expect(stack().state().resources).toEqual([]);
});

test("a resource the program no longer declares is deleted", async () => {
  expectOk(await up({ extra: "true" }));
  const r = await up();
  expectOk(r);
  expect(ops(r)).toEqual(["delete extra", "same main"]);
  expect(Object.keys(cloud().items)).toEqual(["c-1"]);
});

test("a CheckFailure fails the up, naming the property, and creates nothing", async () => {
  const r = await up({ name: "Not Valid" });
  expect(r.error).toContain("name: must be lowercase letters, digits and dashes");
  expect(r.steps).toEqual([]);
  expect(opsLogged()).toEqual(["check"]);
  expect(stack().state().resources).toEqual([]);
});

test("preview calls no create, and unknown inputs reach Check as the unknown sentinel", async () => {
  const r = await stack({ extra: "true" }).preview(program, { programDir });
  expectOk(r);
  expect(ops(r)).toEqual(["create extra", "create main"]);
  expect(r.outputs).toMatchObject({ mainId: "[unknown]", mainCount: 1 });
  expect(opsLogged()).toEqual(["check", "check"]);
  const extraCheck = cloud().calls.find((c) => c.op === "check" && (c.news as { name: string }).name === "extra");
  expect(extraCheck!.news).toMatchObject({ parentId: UNKNOWN });
  expect(stack().state().resources).toEqual([]);
});

test("preview of an existing stack reports the update without applying it", async () => {
  expectOk(await up());
  const before = cloud().calls.length;
  const r = await stack({ count: "9" }).preview(program, { programDir });
  expectOk(r);
  expect(r.steps).toEqual([expect.objectContaining({ op: "update", changedKeys: ["count"] })]);
  expect(callsAfter(before)).toEqual([]);
  expect(stack().state().resources[0]!.outputs.count).toBe(1);
});

test("the stack config reaches the provider's configure(), secret values unwrapped, once per host", async () => {
  const s = stack({ greeting: "hello", extra: "true" }, ["greeting"]);
  expectOk(await s.up(program, { programDir }));
  expect(cloud().calls.filter((c) => c.op === "configure")).toEqual([{ op: "configure", hasGreeting: true }]);
});

test("secret inputs stay secret: encrypted in state.json, absent from host output", async () => {
  const s = stack({ label: "hunter2-label" }, ["label"]);
  const r = await s.up(program, { programDir });
  expectOk(r);
  expect(r.outputs!.mainLabel).toBe("[secret]");
  const [res] = s.state().resources;
  expect(res!.secretOutputKeys).toEqual(["label"]);
  expect(res!.outputs.label).toBe("hunter2-label");
  expect(fs.readFileSync(path.join(dir, "state/state.json"), "utf8")).not.toContain("hunter2");
  expect(s.hostOutput()).not.toContain("hunter2");
});

test("a resource created but failed to initialise stays in state and is updated by the next up", async () => {
  const r = await up({ failInit: "true" });
  expect(r.error).toContain("counter c-1 failed to initialise");
  expect(r.steps).toEqual([expect.objectContaining({ op: "create", id: "c-1" })]);
  expect(stack().state().resources[0]).toMatchObject({ id: "c-1", initErrors: ["warming up"] });
  const next = await up();
  expectOk(next);
  expect(next.steps).toEqual([expect.objectContaining({ op: "update", id: "c-1" })]);
  expect(stack().state().resources[0]!.initErrors).toBeUndefined();
});

test("registrations made inside an apply settle before the program reports done", async () => {
  const r = await up({ late: "true" });
  expectOk(r);
  expect(ops(r)).toEqual(["create late", "create later", "create main"]);
  expect(stack().state().resources.map((s) => s.name)).toEqual(["main", "late", "later"]);
});

test("formatSteps prints a CLI-style summary", async () => {
  expectOk(await up());
  const text = formatSteps(await up({ name: "beta", extra: "true" }));
  expect(text).toContain(`+- ${TYPE}  main  replace [diff: name]`);
  expect(text).toContain(`+  ${TYPE}  extra  create`);
  expect(text).toMatch(/Resources:\n(.*\n)*\s+\+-1 replaced/);
});
