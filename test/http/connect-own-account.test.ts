// The API key's own Connect account is never locked (posit-sdk-py refuses it unless forced): the
// provider asks GET /v1/user once per provider instance and refuses before anything is sent.
import { checkedInputs, newProvider, providerSuite, type Provider } from "./service-setup";

const inputsOf = checkedInputs("connect", "ConnectUser");

const h = providerSuite("connect", "ConnectUser");
beforeEach(() => h.emulator.reset());

/** A new provider instance, as a new provider host process would have. */
const fresh = () => newProvider("connect", "ConnectUser");
const calls = () => h.emulator.requests.filter((r) => r.path.startsWith("/__api__/")).map((r) => `${r.method} ${r.path} ${r.status}`);
const errorOf = async (p: Promise<unknown>) => (await p.then(() => undefined, (e: Error) => e)) as Error & { code?: string };

/** The key owner, an administrator, adopted into the stack as a program would. */
async function adoptOwner(provider: Provider) {
  const owner = h.emulator.seedUser({ username: "automation", email: "bot@example.com", user_role: "administrator" });
  h.emulator.seedUser({ username: "second-admin", user_role: "administrator" });
  h.emulator.setKeyOwner(owner.guid);
  const { id, outs } = await provider.create(inputsOf({ username: "automation", adoptExisting: true }));
  h.emulator.requests.length = 0;
  return { id, outs };
}

it("the emulator's GET /v1/user answers the key's owner, and 404 (code 9) for a key that has none", async () => {
  const get = (key: string) => fetch(`${h.emulator.serverUrl}/__api__/v1/user`, { headers: { authorization: `Key ${key}` } });
  expect((await get(h.emulator.apiKey)).status).toBe(404);
  const owner = h.emulator.seedUser({ username: "automation" });
  h.emulator.setKeyOwner(owner.guid);
  expect(await (await get(h.emulator.apiKey)).json()).toMatchObject({ guid: owner.guid, username: "automation" });
  expect(await (await get(h.emulator.publisherApiKey)).json()).toMatchObject({ code: 9 });
});

it("refuses locked: true on the key's own account in an update, saying so, and sends no write", async () => {
  const provider = fresh();
  const { id, outs } = await adoptOwner(provider);
  const error = await errorOf(provider.update(id, outs, inputsOf({ username: "automation", adoptExisting: true, locked: true, firstName: "Bot" })));
  expect(error.message).toMatch(/^refusing to lock Connect user automation \(guid [0-9a-f-]{36}\): it is the API key's own account \(GET \/v1\/user\).*nothing was sent.*hint: set locked: false on this user, or manage this user with another administrator's API key/);
  expect(calls()).toEqual(["GET /__api__/v1/user 200"]);
  expect(h.emulator.user(id)).toMatchObject({ locked: false });
  expect(h.emulator.user(id)?.first_name).toBeUndefined();
});

it("refuses a destroy with onDelete lock of the key's own account, naming onDelete retain; retain sends nothing", async () => {
  const provider = fresh();
  const { id, outs } = await adoptOwner(provider);
  const error = await errorOf(provider.delete(id, outs));
  expect(error.message).toMatch(/it is the API key's own account.*hint: set onDelete: "retain"/);
  expect(calls()).toEqual(["GET /__api__/v1/user 200"]);
  expect(h.emulator.user(id)?.locked).toBe(false);
  await provider.delete(id, { ...outs, onDelete: "retain" });
  expect(calls()).toEqual(["GET /__api__/v1/user 200"]);
});

it("locks any other user, asking GET /v1/user once per provider instance", async () => {
  const provider = fresh();
  await adoptOwner(provider);
  const a = await provider.create(inputsOf({ username: "ann", locked: true }));
  const b = await provider.create(inputsOf({ username: "ben" }));
  await provider.delete(b.id, b.outs);
  expect(h.emulator.user(a.id)?.locked).toBe(true);
  expect(h.emulator.user(b.id)?.locked).toBe(true);
  expect(calls().filter((c) => c.startsWith("GET /__api__/v1/user "))).toEqual(["GET /__api__/v1/user 200"]);
});
