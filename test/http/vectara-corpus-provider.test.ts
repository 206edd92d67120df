// VectaraCorpus's lifecycle against the emulator over real HTTP, the way the host runs it.
import type { CorpusInputs } from "../../provider/vectara/corpora/schema";
import { checkedInputs, startProvider, stopProvider, type Harness, type Provider } from "./service-setup";

let h: Harness<"vectara">;
let corpora: Provider;
beforeAll(async () => {
  h = await startProvider("vectara", "VectaraCorpus");
  corpora = h.provider;
});
afterAll(() => stopProvider(h));
beforeEach(() => {
  h.emulator.reset();
  h.logs.length = 0;
});

const inputsOf = checkedInputs<CorpusInputs>("vectara", "VectaraCorpus");
const apiRequests = () => h.emulator.requests.filter((r) => r.path.startsWith("/v2/"));
const calls = () => apiRequests().map((r) => `${r.method} ${r.rawPath} ${r.status}`);

describe("create", () => {
  it("POSTs the key, name and description and returns the server's view, id = key", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "docs", name: "Product docs", description: "Manuals" }));
    expect(id).toBe("docs");
    expect(outs).toEqual({ key: "docs", name: "Product docs", description: "Manuals", adoptExisting: false, vectaraId: expect.stringMatching(/^crp_\d+$/), createdAt: expect.any(String) });
    expect(calls()).toEqual(["POST /v2/corpora 201"]);
    expect(apiRequests()[0]?.body).toEqual({ key: "docs", name: "Product docs", description: "Manuals" });
    expect(h.emulator.corpus("docs")).toMatchObject({ name: "Product docs", description: "Manuals", enabled: true });
  });

  it("sends the defaulted name explicitly, so the provider never depends on the server's default", async () => {
    const { outs } = await corpora.create(inputsOf({ key: "plain" }));
    expect(apiRequests()[0]?.body).toEqual({ key: "plain", name: "plain" });
    expect(outs).toEqual({ key: "plain", name: "plain", adoptExisting: false, vectaraId: expect.any(String), createdAt: expect.any(String) });
  });

  it("refuses an existing corpus (409) with an error naming adoptExisting, and changes nothing", async () => {
    h.emulator.seedCorpus({ key: "taken", name: "Someone else's" });
    const error = (await corpora.create(inputsOf({ key: "taken" })).catch((e: Error) => e)) as Error & { code?: string };
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("Vectara corpus taken already exists (POST /v2/corpora answered 409)");
    expect(error.message).toMatch(/request_id \S+/);
    expect(error.message).toContain("set adoptExisting: true");
    expect(h.emulator.corpus("taken")?.name).toBe("Someone else's");
    expect(calls()).toEqual(["POST /v2/corpora 409", "GET /v2/corpora/taken 200"]);
  });

  it("adopts an existing corpus with adoptExisting by looking it up first (no create), and converges its name and description", async () => {
    const seeded = h.emulator.seedCorpus({ key: "legacy", name: "Old name", description: "set by hand" });
    const { id, outs } = await corpora.create(inputsOf({ key: "legacy", name: "New name", adoptExisting: true }));
    expect(id).toBe("legacy");
    expect(outs).toMatchObject({ key: "legacy", name: "New name", adoptExisting: true, vectaraId: seeded.id });
    expect(outs).not.toHaveProperty("description");
    expect(h.emulator.corpus("legacy")).toMatchObject({ name: "New name", description: "" });
    expect(calls()).toEqual(["GET /v2/corpora/legacy 200", "PATCH /v2/corpora/legacy 200"]);
    expect(h.emulator.corpora()).toHaveLength(1);
  });

  it("keeps an adopted corpus in state when its PATCH keeps failing (\"created but failed to initialize\")", async () => {
    h.emulator.seedCorpus({ key: "stuck", name: "Old" });
    h.emulator.inject({ kind: "status", status: 500, times: 5, retryAfter: "0", match: { method: "PATCH" } });
    const error = (await corpora.create({ ...inputsOf({ key: "stuck", name: "New", adoptExisting: true }), __provider: "loader" }).catch((e: unknown) => e)) as Error & { id?: string; properties?: Record<string, unknown> };
    expect(error.message).toMatch(/Vectara corpus stuck exists but its name and description could not be set: .*500/);
    expect(error.id).toBe("stuck");
    expect(error.properties).toMatchObject({ key: "stuck", name: "Old", adoptExisting: true, __provider: "loader" });
  });

  it("adopts with one GET and no write when the existing corpus already matches", async () => {
    h.emulator.seedCorpus({ key: "same", name: "Same" });
    await corpora.create(inputsOf({ key: "same", name: "Same", adoptExisting: true }));
    expect(calls()).toEqual(["GET /v2/corpora/same 200"]);
  });

  it("creates exactly one corpus when the create's answer is lost after the server committed", async () => {
    h.emulator.inject({ kind: "drop-after-commit", times: 1, match: { method: "POST" } });
    const { outs } = await corpora.create(inputsOf({ key: "lost", name: "Lost" }));
    expect(outs.vectaraId).toBe(h.emulator.corpus("lost")?.id);
    expect(h.emulator.corpora()).toHaveLength(1);
    expect(calls()).toEqual(["POST /v2/corpora dropped", "POST /v2/corpora 409", "GET /v2/corpora/lost 200"]);
  });

  it("does not take a lost create's key as its own when the corpus there differs", async () => {
    h.emulator.inject({ kind: "drop-after-commit", times: 1, match: { method: "POST" } });
    // The first attempt commits a corpus; someone renames it before the retry looks it up.
    const pending = corpora.create(inputsOf({ key: "raced", name: "Mine" }));
    await waitFor(() => h.emulator.corpus("raced") !== undefined);
    h.emulator.patchCorpus("raced", { name: "Theirs" });
    await expect(pending).rejects.toThrow(/raced already exists.*set adoptExisting: true/s);
  });

  it("reports the API's own validation error with its field errors and request_id", async () => {
    // A key the provider's check would refuse, sent anyway, to see the API's answer.
    await expect(corpora.create({ ...inputsOf({ key: "docs" }), key: "k".repeat(51) })).rejects.toThrow(/400: POST \/v2\/corpora.*key.*request_id/s);
  });
});

describe("read", () => {
  it("returns the server's view, keeping adoptExisting from state", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "r", name: "R", adoptExisting: true }));
    h.emulator.patchCorpus("r", { name: "Renamed in the console", description: "added" });
    const read = await corpora.read(id, outs);
    // The inputs in state take the drifted values, so that the next preview names name and description.
    expect(read).toEqual({ id: "r", props: { ...outs, name: "Renamed in the console", description: "added" }, inputs: { key: "r", name: "Renamed in the console", description: "added", adoptExisting: true } });
  });

  it("reports a corpus deleted outside Pulumi as gone, with a warning", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "gone" }));
    h.emulator.deleteCorpus("gone");
    expect(await corpora.read(id, outs)).toEqual({});
    expect(h.logs).toContainEqual({ level: "warn", message: expect.stringContaining("Vectara corpus gone no longer exists") });
  });

  it("fails on any other error instead of dropping the corpus from state", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "kept" }));
    h.configure({ "vectara:apiKey": "zut_wrong" });
    try {
      await expect(corpora.read(id, outs)).rejects.toThrow(/401: GET \/v2\/corpora\/kept/);
    } finally {
      h.configure({});
    }
  });
});

describe("update", () => {
  it("PATCHes only what changed: a rename", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "u", name: "Before", description: "same" }));
    const { outs: updated } = await corpora.update(id, outs, inputsOf({ key: "u", name: "After", description: "same" }));
    expect(updated).toMatchObject({ name: "After", description: "same", vectaraId: outs.vectaraId });
    expect(apiRequests().find((r) => r.method === "PATCH")?.body).toEqual({ name: "After" });
  });

  it("clears a removed description with an empty string", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "c", description: "to be removed" }));
    const { outs: updated } = await corpora.update(id, outs, inputsOf({ key: "c" }));
    expect(apiRequests().find((r) => r.method === "PATCH")?.body).toEqual({ description: "" });
    expect(updated).not.toHaveProperty("description");
  });

  it("makes no request when only adoptExisting changed", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "p" }));
    const before = apiRequests().length;
    const { outs: updated } = await corpora.update(id, outs, inputsOf({ key: "p", adoptExisting: true }));
    expect(updated).toEqual({ ...outs, adoptExisting: true });
    expect(apiRequests()).toHaveLength(before);
  });

  it("percent-encodes the key as one path segment", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "a=b" }));
    await corpora.update(id, outs, inputsOf({ key: "a=b", name: "X" }));
    expect(apiRequests().at(-1)?.rawPath).toBe("/v2/corpora/a%3Db");
  });
});

describe("delete", () => {
  it("DELETEs the corpus", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "d" }));
    await corpora.delete(id, outs);
    expect(h.emulator.corpus("d")).toBeUndefined();
    expect(calls().at(-1)).toBe("DELETE /v2/corpora/d 204");
  });

  it("counts a corpus that is already gone as deleted", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "d2" }));
    h.emulator.deleteCorpus("d2");
    await expect(corpora.delete(id, outs)).resolves.toBeUndefined();
  });

  it("retries a 503 and deletes once", async () => {
    const { id, outs } = await corpora.create(inputsOf({ key: "d3" }));
    h.emulator.inject({ kind: "status", status: 503, times: 1, retryAfter: "0", match: { method: "DELETE" } });
    await corpora.delete(id, outs);
    expect(calls().slice(-2)).toEqual(["DELETE /v2/corpora/d3 503", "DELETE /v2/corpora/d3 204"]);
  });

  it("leaves users whose roles name the corpus alone (the emulator does not link them)", async () => {
    h.emulator.seedUser({ email: "u@example.com", corpus_roles: [{ corpus_key: "linked", role: "viewer" }] });
    const { id, outs } = await corpora.create(inputsOf({ key: "linked" }));
    await corpora.delete(id, outs);
    expect(h.emulator.user("u@example.com")?.corpus_roles).toEqual([{ corpus_key: "linked", role: "viewer" }]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
