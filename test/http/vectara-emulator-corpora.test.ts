/**
 * The emulator's corpus operations over real HTTP, with no provider code: what they answer must be
 * what the official Vectara spec (subset committed in test/conformance/specs/) declares, plus the
 * choices in emulator/vectara/choices.ts.
 */
import type { VectaraEmulator } from "../../emulator/vectara/server";
import { emulatorSuite, expectNotFound, expectUnserved } from "./emulator-client";

const suite = emulatorSuite();
const call = suite.call;
let emu: VectaraEmulator;
beforeAll(() => {
  emu = suite.emulator();
});

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("corpora lifecycle", () => {
  it("creates (201), reads (200), updates (200) and deletes (204) a corpus with the spec's field names", async () => {
    const created = await call("POST", "/v2/corpora", {
      body: {
        key: "fin_esg_docs", name: "EU Bank ESG Compliance", description: "Annual reports", save_history: true,
        filter_attributes: [{ level: "part", name: "industry", type: "text", description: "The sector" }],
        custom_dimensions: [{ name: "importance" }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers["content-type"]).toBe("application/json");
    expect(Object.keys(created.body)).toEqual([
      "id", "key", "name", "description", "enabled", "chat_history_corpus", "queries_are_answers", "documents_are_questions",
      "encoder_name", "save_history", "filter_attributes", "custom_dimensions", "limits", "created_at",
    ]);
    expect(created.body).toMatchObject({
      key: "fin_esg_docs", name: "EU Bank ESG Compliance", description: "Annual reports", enabled: true, save_history: true,
      queries_are_answers: false, documents_are_questions: false, encoder_name: "boomerang-2023-q3",
      filter_attributes: [{ level: "part", name: "industry", type: "text", description: "The sector", indexed: true }],
      custom_dimensions: [{ name: "importance", indexing_default: 0, querying_default: 0 }],
      limits: { used_docs: 0, used_parts: 0, used_characters: 0 },
    });
    expect(created.body.id).toMatch(/^crp_[0-9]+$/);
    expect(created.body.created_at).toMatch(ISO);

    const got = await call("GET", "/v2/corpora/fin_esg_docs");
    expect(got).toMatchObject({ status: 200, body: created.body });

    const patched = await call("PATCH", "/v2/corpora/fin_esg_docs", { body: { name: "Renamed", enabled: false, key: "ignored" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...created.body, name: "Renamed", enabled: false });

    const deleted = await call("DELETE", "/v2/corpora/fin_esg_docs");
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call("GET", "/v2/corpora/fin_esg_docs")).status).toBe(404);
  });

  it("defaults the name to the key and omits an absent description", async () => {
    const { body } = await call("POST", "/v2/corpora", { body: { key: "docs" } });
    expect(body.name).toBe("docs");
    expect(body).not.toHaveProperty("description");
  });

  it("leaves name and description alone when a PATCH omits them or sends null, and clears a description with \"\"", async () => {
    emu.seedCorpus({ key: "docs", name: "Docs", description: "d" });
    expect((await call("PATCH", "/v2/corpora/docs", { body: { name: null, description: null } })).body).toMatchObject({ name: "Docs", description: "d" });
    expect((await call("PATCH", "/v2/corpora/docs", { body: {} })).body).toMatchObject({ name: "Docs", description: "d" });
    expect((await call("PATCH", "/v2/corpora/docs", { body: { description: "" } })).body.description).toBe("");
  });

  it("answers a taken key with 409 and an Error body, and releases a deleted key for reuse", async () => {
    const first = emu.seedCorpus({ key: "docs" });
    const dup = await call("POST", "/v2/corpora", { body: { key: "docs", name: "Other" } });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ messages: [expect.stringContaining("docs")], request_id: dup.headers["x-request-id"] });
    expect(emu.corpus("docs")?.name).toBe("docs");

    expect((await call("DELETE", "/v2/corpora/docs")).status).toBe(204);
    const again = await call("POST", "/v2/corpora", { body: { key: "docs" } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.id);
  });

  it("lists corpora in pages of `limit` linked by page_key, and refuses the filters it does not serve with 400", async () => {
    for (const key of ["a", "b", "c"]) emu.seedCorpus({ key });
    const first = await call("GET", "/v2/corpora?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.corpora.map((c: { key: string }) => c.key)).toEqual(["a", "b"]);
    const rest = await call("GET", `/v2/corpora?limit=2&page_key=${encodeURIComponent(first.body.metadata.page_key)}`);
    expect(rest.body).toMatchObject({ corpora: [{ key: "c", id: expect.stringMatching(/^crp_\d+$/) }], metadata: {} });
    expect((await call("GET", "/v2/corpora?filter=a.*")).status).toBe(400);
    expect((await call("GET", "/v2/corpora?corpus_id=crp_1")).status).toBe(400);
  });

  it("never reuses an id, not even after reset", async () => {
    const before = emu.seedCorpus({ key: "a" }).id;
    emu.reset();
    expect(emu.seedCorpus({ key: "a" }).id).not.toBe(before);
  });
});

describe("corpora errors", () => {
  it.each([
    ["GET", "/v2/corpora/nothing"],
    ["PATCH", "/v2/corpora/nothing"],
    ["DELETE", "/v2/corpora/nothing"],
  ] as const)("answers %s %s with a NotFoundError naming the key", async (method, path) => {
    await expectNotFound(call, method, path, "nothing");
  });

  it.each([
    ["PUT", "/v2/corpora/docs"],
    ["POST", "/v2/corpora/docs"],
    ["GET", "/v2/corpora/docs/documents"],
    ["POST", "/v2/corpora/docs/reset"],
    ["GET", "/v2/corpora/"],
  ] as const)("answers %s %s, which the emulator does not serve, with 404", async (method, path) => {
    emu.seedCorpus({ key: "docs" });
    await expectUnserved(call, method, path);
  });

  it.each([
    ["a missing key", "key", {}],
    ["a 51-character key", "key", { key: "k".repeat(51) }],
    ["a key ending in a character outside the pattern", "key", { key: "docs!" }],
    ["a number as name", "name", { key: "docs", name: 3 }],
    ["a null description", "description", { key: "docs", description: null }],
    ["a string as save_history", "save_history", { key: "docs", save_history: "yes" }],
    ["a malformed encoder_id", "encoder_id", { key: "docs", encoder_id: "boomerang" }],
    ["a filter attribute without a type", "filter_attributes", { key: "docs", filter_attributes: [{ name: "a", level: "document" }] }],
    ["a filter attribute with an unknown level", "filter_attributes", { key: "docs", filter_attributes: [{ name: "a", level: "doc", type: "text" }] }],
    ["a 65-character filter attribute name", "filter_attributes", { key: "docs", filter_attributes: [{ name: "n".repeat(65), level: "part", type: "text" }] }],
    ["two filter attributes with one name", "filter_attributes", { key: "docs", filter_attributes: [{ name: "a", level: "part", type: "text" }, { name: "a", level: "document", type: "integer" }] }],
    ["a custom dimension without a name", "custom_dimensions", { key: "docs", custom_dimensions: [{ indexing_default: 1 }] }],
  ])("rejects a create with %s: 400 with field_errors.%s", async (_, field, body) => {
    const res = await call("POST", "/v2/corpora", { body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.field_errors)).toEqual([field]);
    expect(res.body.request_id).toBe(res.headers["x-request-id"]);
    expect(emu.corpora()).toEqual([]);
  });

  it("takes a key the spec's end-anchored pattern takes, such as one with a space, and serves it percent-encoded", async () => {
    expect((await call("POST", "/v2/corpora", { body: { key: "my corpus" } })).status).toBe(201);
    expect((await call("GET", "/v2/corpora/my%20corpus")).body.key).toBe("my corpus");
  });

  it("validates a PATCH before looking the corpus up", async () => {
    const res = await call("PATCH", "/v2/corpora/nothing", { body: { enabled: "no", name: 1 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.field_errors).sort()).toEqual(["enabled", "name"]);
  });

  it("answers 401 without credentials and 403 to writes with the read-only key, which may still read", async () => {
    emu.seedCorpus({ key: "docs" });
    const anonymous = await call("GET", "/v2/corpora/docs", { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toEqual(expect.any(String));
    const key = emu.readOnlyApiKey;
    expect((await call("GET", "/v2/corpora/docs", { key })).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", "/v2/corpora", { key: "other" }],
      ["PATCH", "/v2/corpora/docs", { name: "x" }],
      ["DELETE", "/v2/corpora/docs", undefined],
    ] as const) {
      const res = await call(method, path, { key, body });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ messages: [expect.any(String)], request_id: expect.any(String) });
    }
    expect(emu.corpora()).toEqual([expect.objectContaining({ key: "docs", name: "docs" })]);
  });

  it("rejects a bad Request-Timeout-Millis header with 400", async () => {
    const res = await call("GET", "/v2/corpora/docs", { headers: { "Request-Timeout-Millis": "0" } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.field_errors)).toEqual(["Request-Timeout-Millis"]);
  });

  it("applies injected faults to corpus paths too", async () => {
    emu.inject({ kind: "status", status: 503, retryAfter: "1", match: { pathPrefix: "/v2/corpora" } });
    const faulted = await call("POST", "/v2/corpora", { body: { key: "f" } });
    expect(faulted.status).toBe(503);
    expect(faulted.headers["retry-after"]).toBe("1");
    expect(emu.corpora()).toEqual([]);
  });
});

describe("users and corpora are independent, except for listUsers' corpus_key filter", () => {
  it("stores a user's corpus role for a corpus that does not exist, and keeps it when the corpus is deleted; the filter then answers 404", async () => {
    const created = await call("POST", "/v2/users", { body: { email: "u@example.com", corpus_roles: [{ corpus_key: "later", role: "viewer" }] } });
    expect(created.status).toBe(201);
    emu.seedCorpus({ key: "later" });
    expect((await call("GET", "/v2/users?corpus_key=later")).body.users).toHaveLength(1);
    expect((await call("DELETE", "/v2/corpora/later")).status).toBe(204);
    expect(emu.user("u@example.com")?.corpus_roles).toEqual([{ corpus_key: "later", role: "viewer" }]);
    expect((await call("GET", "/v2/users?corpus_key=later")).status).toBe(404);
  });
});
