// examples/arize-users under the real CLI against the Arize emulator: up, the temporary password
// stored only as ciphertext, a rename in place, and a destroy that deletes two users and retains
// the third (onDelete). Asserted from exit codes, summaries, `pulumi stack export` and the
// emulator's request log.
import { ArizeEmulator } from "../../emulator/arize/server";
import { exampleStack, SECRET_SIG, cliSuite, summaryOf } from "./pulumi-cli";

const suite = cliSuite();
let arize: ArizeEmulator;
const ARIZE_USER = "pulumi-nodejs:dynamic/arize:User";

/** Writes only (no GETs), as `METHOD path`, since `from` in the request log. */
const writes = (from = 0) => arize.requests.slice(from).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.rawPath}`);

beforeAll(async () => {
  arize = await ArizeEmulator.start();
});
const stack = exampleStack(suite, "arize-users", () => ({ "arize:baseUrl": arize.url, "arize:apiKey": { secret: arize.apiKey } }));
afterAll(() => arize?.close());

test("up creates the three users, and keeps the temporary password only as ciphertext", async () => {
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["+ 4 created"]); // three users and the stack
  expect(writes()).toEqual(["POST /v2/users", "POST /v2/users", "POST /v2/users"]);
  expect(arize.userByEmail("annotator@example.com")).toMatchObject({ role: { name: "ANNOTATOR" }, is_developer: false });

  const exported = await stack.exportText();
  expect(exported).not.toContain(arize.apiKey);
  const annotator = (await stack.resources()).find((x) => x.type === ARIZE_USER && x.urn.endsWith("::annotator"));
  expect(annotator?.outputs?.temporaryPassword).toMatchObject({ [SECRET_SIG.key]: SECRET_SIG.value, ciphertext: expect.any(String) });

  const shown = await stack.ok(["stack", "output", "annotatorPassword", "--show-secrets"]);
  const password = shown.stdout.trim();
  expect(password.length).toBeGreaterThan(8);
  expect(exported).not.toContain(password);
});

test("a new name is one PATCH of that field, in place", async () => {
  const id = arize.userByEmail("lead@example.com")!.id;
  await stack.setConfig("leadName", "Head of Data");
  const from = arize.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["~ 1 updated", "3 unchanged"]);
  expect(writes(from)).toEqual([`PATCH /v2/users/${encodeURIComponent(id)}`]);
  expect(arize.requests.filter((q) => q.method === "PATCH").at(-1)?.body).toEqual({ name: "Head of Data" });
  expect(arize.user(id)?.name).toBe("Head of Data");
});

test("an expired invitation is renewed by changing resendAnalyst: one POST /v2/users, no delete, and the status output is the server's", async () => {
  const id = arize.userByEmail("analyst@example.com")!.id;
  arize.setStatus(id, "EXPIRED");
  await stack.setConfig("resendAnalyst", "2");
  const from = arize.requests.length;
  const r = await stack.up();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["~ 1 updated", "3 unchanged"]);
  expect(writes(from)).toEqual(["POST /v2/users"]);
  expect(arize.userByEmail("analyst@example.com")).toMatchObject({ id, status: "INVITED" });
  expect((await stack.ok(["stack", "output", "analystStatus"])).stdout.trim()).toBe("INVITED");
});

test("destroy deletes two users and leaves the retained one in Arize", async () => {
  const kept = arize.userByEmail("annotator@example.com")!.id;
  const from = arize.requests.length;
  const r = await stack.destroy();
  expect(r.code).toBe(0);
  expect(summaryOf(r.stdout)).toEqual(["- 4 deleted"]);
  expect(writes(from).every((w) => w.startsWith("DELETE /v2/users/"))).toBe(true);
  expect(writes(from)).toHaveLength(2);
  expect(arize.users().map((u) => u.id)).toEqual([kept]);
});
