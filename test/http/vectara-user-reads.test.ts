// Refresh bursts: many reads at once are answered from list pages, never with data older than the
// burst or than this provider's own changes (provider/core/burst-reader.ts). Judged by the
// emulator's request log.
import { setTimeout as sleep } from "node:timers/promises";
import { checkUser } from "../../provider/vectara/users/logic";
import { newProvider, startProvider, stopProvider, type Harness } from "./service-setup";

let h: Harness<"vectara">;
/** A provider per test, as a provider host per command: a burst never spans two tests. */
let provider: Harness<"vectara">["provider"];
beforeAll(async () => {
  h = await startProvider("vectara", "VectaraUser");
});
afterAll(() => stopProvider(h));
beforeEach(() => {
  h.emulator.reset();
  provider = newProvider("vectara", "VectaraUser");
});

const names = (n: number) => Array.from({ length: n }, (_, i) => `reader${String(i).padStart(2, "0")}@example.com`);
const seed = (n: number) => names(n).map((email) => h.emulator.seedUser({ email, api_roles: ["viewer"] }).username);
const apiCalls = () => h.emulator.requests.filter((r) => r.path.startsWith("/v2/")).map((r) => `${r.method} ${r.rawPath}`);
const state = { adoptExisting: false, onDelete: "delete" };
const readAll = (ids: string[]) => Promise.all(ids.map((id) => provider.read(id, state)));

test("a burst of 30 reads lists the users once instead of sending 30 GETs", async () => {
  const ids = seed(30);
  const reads = await readAll(ids);
  expect(reads.map((r) => r.id)).toEqual(ids);
  expect(reads.map((r) => r.props.vectaraId)).toEqual(ids.map((id) => h.emulator.user(id)?.id));
  expect(reads[0]?.props).toMatchObject({ email: ids[0], apiRoles: ["viewer"], enabled: true, onDelete: "delete" });
  expect(apiCalls()).toEqual(["GET /v2/users?limit=100"]);
});

test("a lone read is one GET, and lists nothing", async () => {
  const [id] = seed(20);
  expect((await provider.read(id!, state)).id).toBe(id);
  expect(apiCalls()).toEqual([`GET /v2/users/${encodeURIComponent(id!)}`]);
});

test("changes made out of band before the burst show, and a deleted user is gone after its own GET", async () => {
  const ids = seed(12);
  h.emulator.patchUser(ids[3]!, { description: "edited in the console" });
  h.emulator.deleteUser(ids[5]!);
  const reads = await readAll(ids);
  expect(reads[3]?.props.description).toBe("edited in the console");
  expect(reads[5]).toEqual({});
  expect(apiCalls()).toEqual(["GET /v2/users?limit=100", `GET /v2/users/${encodeURIComponent(ids[5]!)}`]);
});

test("a user this provider changes after its page was listed is read with its own GET", async () => {
  const ids = seed(12);
  await readAll(ids);
  const inputs = checkUser({ email: ids[4], apiRoles: ["viewer"], description: "changed by pulumi" }).inputs;
  await provider.update(ids[4]!, (await provider.read(ids[4]!, state)).props, inputs);
  h.emulator.requests.length = 0;
  const read = await provider.read(ids[4]!, state);
  expect(read.props.description).toBe("changed by pulumi");
  expect(apiCalls()).toEqual([`GET /v2/users/${encodeURIComponent(ids[4]!)}`]);
});

test("a user this provider deletes or creates during a burst is read afresh", async () => {
  const ids = seed(12);
  await readAll(ids);
  await provider.delete(ids[2]!, state);
  const fresh = checkUser({ email: "newcomer@example.com" }).inputs;
  await provider.create(fresh);
  h.emulator.requests.length = 0;
  expect(await provider.read(ids[2]!, state)).toEqual({});
  expect((await provider.read("newcomer@example.com", state)).props).toMatchObject({ email: "newcomer@example.com" });
  expect(apiCalls()).toEqual([`GET /v2/users/${encodeURIComponent(ids[2]!)}`, "GET /v2/users/newcomer%40example.com"]);
});

test("a burst over several pages follows page_key and answers every read", async () => {
  const all = Array.from({ length: 250 }, (_, i) => h.emulator.seedUser({ email: `many${i}@example.com` }).username);
  const reads = await readAll(all);
  expect(reads.every((r, i) => r.id === all[i])).toBe(true);
  const calls = apiCalls();
  expect(calls.filter((c) => c.startsWith("GET /v2/users?"))).toHaveLength(3);
  expect(calls.filter((c) => c.startsWith("GET /v2/users/"))).toEqual([]);
});

describe("a second burst of reads in the same provider process is the next refresh: it never reuses the first one's pages", () => {
  test.each([1, 200])("20 users, 3 edited out of band, read again %i ms later: the edits show, for one list request", async (gap) => {
    const ids = seed(20);
    await readAll(ids);
    expect(apiCalls()).toEqual(["GET /v2/users?limit=100"]);
    const edited = [ids[2]!, ids[9]!, ids[15]!];
    for (const id of edited) h.emulator.patchUser(id, { description: "edited in the console" });
    await sleep(gap);
    h.emulator.requests.length = 0;
    const again = await readAll(ids);
    expect(ids.filter((_, i) => again[i]?.props.description === "edited in the console")).toEqual(edited);
    expect(apiCalls()).toEqual(["GET /v2/users?limit=100"]);
  });

  test("1,000 users refreshed twice: every out-of-band edit and delete shows, and each refresh makes at most 20 calls", async () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => h.emulator.seedUser({ email: `u${String(i).padStart(4, "0")}@example.com` }).username);
    const first = await readAll(ids);
    expect(first.every((r, i) => r.id === ids[i])).toBe(true);
    const firstCalls = apiCalls();
    expect(firstCalls.length).toBeLessThanOrEqual(20);
    expect(firstCalls.filter((c) => c.startsWith("GET /v2/users/"))).toEqual([]);

    const edited = ids.filter((_, i) => i % 97 === 5);
    const deleted = ids.filter((_, i) => i % 211 === 7);
    for (const id of edited) h.emulator.patchUser(id, { description: "edited in the console" });
    for (const id of deleted) h.emulator.deleteUser(id);
    h.emulator.requests.length = 0;
    const again = await readAll(ids);
    expect(ids.filter((_, i) => again[i]?.id === undefined)).toEqual(deleted);
    expect(ids.filter((_, i) => again[i]?.props?.description === "edited in the console")).toEqual(edited);
    const calls = apiCalls();
    expect(calls.length).toBeLessThanOrEqual(20);
    // A deleted user is missing from the pages, and absence proves nothing: each is confirmed with its own GET.
    expect(calls.filter((c) => c.startsWith("GET /v2/users/"))).toEqual(deleted.map((id) => `GET /v2/users/${encodeURIComponent(id)}`));
  });
});
