// ConnectUser reads in bulk: a refresh burst is answered from list pages of 500 (the core's burst
// reader), and the program helpers walk every page. Judged by the emulator's request log.
import { closeConnectHelpers, getConnectUser, listConnectUsers } from "../../provider/connect/users/helpers";
import { checkedInputs, newProvider, startProvider, stopProvider, type Harness } from "./service-setup";

const connectInputs = checkedInputs("connect", "ConnectUser");

let h: Harness<"connect">;
let provider: Harness<"connect">["provider"];
beforeAll(async () => {
  h = await startProvider("connect", "ConnectUser");
  // The helpers read stack config, then the environment twins (the names Connect's SDKs use).
  process.env.CONNECT_SERVER = h.emulator.serverUrl;
  process.env.CONNECT_API_KEY = h.emulator.apiKey;
});
afterAll(async () => {
  await closeConnectHelpers();
  await stopProvider(h);
  delete process.env.CONNECT_SERVER;
  delete process.env.CONNECT_API_KEY;
});
beforeEach(() => {
  h.emulator.reset();
  // A provider per test, as a provider host per command: a burst never spans two tests.
  provider = newProvider("connect", "ConnectUser");
});

const seed = (n: number, from = 0) => Array.from({ length: n }, (_, i) => h.emulator.seedUser({ username: `u${String(from + i).padStart(4, "0")}`, user_role: i % 2 ? "viewer" : "publisher" }).guid);
const apiCalls = () => h.emulator.requests.filter((r) => r.path.startsWith("/__api__/")).map((r) => `${r.method} ${r.rawPath}`);
const state = { adoptExisting: false, onDelete: "lock" };

test("a refresh of 1,000 users reads two list pages of 500 instead of 1,000 GETs", async () => {
  const ids = seed(1000);
  const reads = await Promise.all(ids.map((id) => provider.read(id, state)));
  expect(reads.map((r) => r.props.guid)).toEqual(ids);
  expect(reads[1]?.props).toMatchObject({ username: "u0001", userRole: "viewer", onDelete: "lock" });
  const pages = apiCalls().filter((c) => c.startsWith("GET /__api__/v1/users?"));
  expect(pages).toEqual(["GET /__api__/v1/users?page_number=1&page_size=500", "GET /__api__/v1/users?page_number=2&page_size=500"]);
  expect(apiCalls().length).toBeLessThan(10);
});

test("a user changed by this provider during the burst is read with a GET, not from an older page", async () => {
  const ids = seed(20);
  const { outs } = await provider.read(ids[0]!, state).then((r) => ({ outs: r.props }));
  h.emulator.requests.length = 0;
  const [updated] = await Promise.all([
    provider.update(ids[0]!, outs, connectInputs({ username: "u0000", firstName: "New" })),
    ...ids.map((id) => provider.read(id, state)),
  ]);
  expect(updated.outs.firstName).toBe("New");
  const after = await provider.read(ids[0]!, state);
  expect(after.props.firstName).toBe("New");
});

test("listConnectUsers walks every page of 500 once, and passes the filters", async () => {
  seed(1203);
  const all: string[] = [];
  for await (const user of listConnectUsers()) all.push(user.username);
  expect(all).toHaveLength(1203);
  expect(new Set(all).size).toBe(1203);
  expect(h.emulator.requests.filter((r) => r.path === "/__api__/v1/users").map((r) => r.query.page_number)).toEqual(["1", "2", "3"]);
  h.emulator.requests.length = 0;
  const viewers: string[] = [];
  for await (const user of listConnectUsers({ userRole: "viewer", accountStatus: "licensed" })) viewers.push(user.userRole);
  expect(viewers).toHaveLength(601);
  expect(new Set(viewers)).toEqual(new Set(["viewer"]));
  expect(h.emulator.requests[0]!.query).toMatchObject({ user_role: "viewer", account_status: "licensed", page_size: "500" });
});

test("listConnectUsers with a prefix reads the one page the server answers", async () => {
  seed(30);
  const found: string[] = [];
  for await (const user of listConnectUsers({ prefix: "u001" })) found.push(user.username);
  expect(found).toEqual(Array.from({ length: 10 }, (_, i) => `u001${i}`));
  expect(h.emulator.requests).toHaveLength(1);
});

test("getConnectUser finds a user by guid or by exact username, or answers undefined", async () => {
  const [guid] = seed(3);
  h.emulator.seedUser({ username: "u00001" });
  expect(await getConnectUser({ guid: guid! })).toMatchObject({ username: "u0000", guid, userRole: "publisher", locked: false });
  expect(await getConnectUser({ username: "u0000" })).toMatchObject({ guid });
  expect(await getConnectUser({ username: "U0000" })).toBeUndefined();
  expect(await getConnectUser({ guid: "6f300623-1e0c-48e6-a473-ddf630c0c0c3" })).toBeUndefined();
});
