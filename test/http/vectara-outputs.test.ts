// VectaraUser and VectaraCorpus: after create, update and read, the outputs are what a GET
// answers at that moment (the fields a GET returns), even when the server changed in between.
import { checkedInputs, newProvider, startProvider, stopProvider, type Harness, type Provider } from "./service-setup";

let h: Harness<"vectara">;
let corpora: Provider;
beforeAll(async () => {
  h = await startProvider("vectara", "VectaraUser");
  corpora = newProvider("vectara", "VectaraCorpus");
});
afterAll(() => stopProvider(h));
beforeEach(() => h.emulator.reset());

const userInputs = checkedInputs("vectara", "VectaraUser");
const corpusInputs = checkedInputs("vectara", "VectaraCorpus");

async function get(path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${h.emulator.url}${path}`, { headers: { "x-api-key": h.emulator.apiKey } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const sortBy = <T>(items: T[], key: (t: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));

/** GET /v2/users/{username} in the output names. */
async function userNow(username: string): Promise<Record<string, unknown>> {
  const u = await get(`/v2/users/${encodeURIComponent(username)}`);
  const out: Record<string, unknown> = {
    username: u.username, email: u.email, enabled: u.enabled, vectaraId: u.id,
    apiRoles: [...((u.api_roles as string[]) ?? [])].sort(),
    corpusRoles: sortBy(((u.corpus_roles as { corpus_key: string; role: string }[]) ?? []).map((c) => ({ corpusKey: c.corpus_key, role: c.role })), (c) => `${c.corpusKey} ${c.role}`),
  };
  if (u.description) out.description = u.description;
  if (u.created_at !== undefined) out.createdAt = u.created_at;
  if (u.updated_at !== undefined) out.updatedAt = u.updated_at;
  return out;
}

/** GET /v2/corpora/{key} in the output names. */
async function corpusNow(key: string): Promise<Record<string, unknown>> {
  const c = await get(`/v2/corpora/${encodeURIComponent(key)}`);
  const out: Record<string, unknown> = { key: c.key, name: c.name, vectaraId: c.id };
  if (c.description) out.description = c.description;
  if (c.created_at !== undefined) out.createdAt = c.created_at;
  return out;
}

it("VectaraUser: create, update (a field; only a kept setting after an out-of-band change) and read equal a fresh GET", async () => {
  h.emulator.seedCorpus({ key: "docs" });
  const base = { email: "vera@example.com", username: "vera", apiRoles: ["owner"], corpusRoles: [{ corpusKey: "docs", role: "viewer" }] };
  const { id, outs } = await h.provider.create(userInputs(base));
  expect(outs).toMatchObject(await userNow(id));
  const { outs: described } = await h.provider.update(id, outs, userInputs({ ...base, description: "analyst" }));
  expect(described).toMatchObject(await userNow(id));
  h.emulator.patchUser(id, { description: "changed in the console" });
  const { outs: kept } = await h.provider.update(id, described, userInputs({ ...base, description: "changed in the console", onDelete: "retain" }));
  expect(kept).toMatchObject(await userNow(id));
  const { props } = await h.provider.read(id, kept);
  expect(props).toMatchObject(await userNow(id));
});

it("VectaraCorpus: create, update and read equal a fresh GET", async () => {
  const { id, outs } = await corpora.create(corpusInputs({ key: "docs", name: "Docs" }));
  expect(outs).toMatchObject(await corpusNow(id));
  const { outs: renamed } = await corpora.update(id, outs, corpusInputs({ key: "docs", name: "Product docs", description: "Manuals" }));
  expect(renamed).toMatchObject(await corpusNow(id));
  const { props } = await corpora.read(id, renamed);
  expect(props).toMatchObject(await corpusNow(id));
});
