/**
 * Conformance, part 2: the query parameters of listUsers (GET /v2/users), which Prism cannot judge.
 *
 * The spec's CorpusKey pattern `[a-zA-Z0-9_\=\-]+$` is a regular expression only without the `u`
 * flag; Prism's ajv compiles patterns with it, fails on the whole query schema of listUsers (limit,
 * page_key and corpus_key together), catches the error and validates nothing. So this file checks
 * those parameters itself, with the same ajv (patterns compiled without `u`) and the parameter
 * schemas read from the spec, and shows that the gap in Prism is real, so that it stays covered.
 */
import { request } from "undici";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { judgedProvider, RawClient, type ProviderUnderTest } from "./clients";
import { Judge } from "./judge";
import { startPrism, type Prism } from "./prism";
import { prismAjv, problems, specAjv } from "./schema-check";
import { deref, loadSpec, operation, parameters, type Json } from "./spec-file";

/** The object schema Prism builds from an operation's parameters of one kind (prism-http validators/params.js). */
function parametersSchema(operationId: string, where: "query" | "header" | "path"): Json {
  const params = parameters(operationId, where);
  return {
    type: "object",
    properties: Object.fromEntries(params.map((p) => [p.name.toLowerCase(), p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name.toLowerCase()),
  };
}

const listQuery = () => parametersSchema("listUsers", "query");
const corpusKeyPattern = (): string => loadSpec().components.schemas.CorpusKey.pattern;

// Queries as they arrive (strings), with the spec's verdict. The pattern is anchored only at its
// end, so "my corpus" matches it: that is what the spec says, and what the emulator does.
const queries: { name: string; query: Record<string, string>; valid: boolean }[] = [
  { name: "no parameters", query: {}, valid: true },
  { name: "limit 1", query: { limit: "1" }, valid: true },
  { name: "limit 100", query: { limit: "100" }, valid: true },
  { name: "limit 0", query: { limit: "0" }, valid: false },
  { name: "limit 101", query: { limit: "101" }, valid: false },
  { name: "limit 1.5", query: { limit: "1.5" }, valid: false },
  { name: "limit ten", query: { limit: "ten" }, valid: false },
  { name: "corpus_key my-corpus", query: { corpus_key: "my-corpus" }, valid: true },
  { name: "corpus_key a=b_c-D9", query: { corpus_key: "a=b_c-D9" }, valid: true },
  { name: "a corpus_key of 50 characters", query: { corpus_key: "k".repeat(50) }, valid: true },
  { name: "corpus_key 'my corpus'", query: { corpus_key: "my corpus" }, valid: true },
  { name: "a corpus_key of 51 characters", query: { corpus_key: "k".repeat(51) }, valid: false },
  { name: "an empty corpus_key", query: { corpus_key: "" }, valid: false },
  { name: "corpus_key 'bad key!'", query: { corpus_key: "bad key!" }, valid: false },
  { name: "any page_key (the spec says only: a string)", query: { page_key: "anything at all" }, valid: true },
];
const search = (q: Record<string, string>) => (Object.keys(q).length ? `?${new URLSearchParams(q)}` : "");

describe("Prism's blind spot", () => {
  it("the spec's CorpusKey pattern is a regular expression without the u flag, and none with it", () => {
    expect(corpusKeyPattern()).toBe("[a-zA-Z0-9_\\=\\-]+$");
    expect(() => new RegExp(corpusKeyPattern(), "u")).toThrow(SyntaxError);
    expect(new RegExp(corpusKeyPattern()).test("my-corpus")).toBe(true);
  });

  it("Prism's validator cannot compile listUsers' query schema, and compiles every other schema of the users operations", () => {
    const schemas: [string, Json][] = [];
    for (const id of ["listUsers", "createUser", "getUser", "updateUser", "deleteUser", "resetUserPassword"]) {
      for (const where of ["query", "header", "path"] as const) schemas.push([`${id} ${where}`, parametersSchema(id, where)]);
      const op = deref(loadSpec(), operation(id).op);
      const body = op.requestBody?.content?.["application/json"]?.schema;
      if (body) schemas.push([`${id} request body`, body]);
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        const schema = response.content?.["application/json"]?.schema;
        if (schema) schemas.push([`${id} ${status} body`, schema]);
      }
    }
    const uncompilable = schemas.filter(([, schema]) => {
      try {
        prismAjv(true).compile(schema);
        return false;
      } catch {
        return true;
      }
    });
    expect(uncompilable.map(([name]) => name)).toEqual(["listUsers query"]);
    expect(() => prismAjv(true).compile(listQuery())).toThrow(/Invalid regular expression/);
    expect(() => specAjv(true).compile(listQuery())).not.toThrow();
  });

  describe("through Prism (proxy, --errors) to the emulator", () => {
    let emulator: VectaraEmulator;
    let prism: Prism;
    let raw: RawClient;
    const judge = new Judge();
    beforeAll(async () => {
      emulator = await VectaraEmulator.start();
      prism = await startPrism({ mode: "proxy", upstream: emulator.url });
      raw = new RawClient(prism.url, judge, emulator.apiKey);
    });
    afterAll(async () => {
      await raw?.close();
      await prism?.stop();
      await emulator?.close();
    });

    it.each(queries.filter((q) => !q.valid))("lets a query with $name through to the emulator without a word", async ({ query }) => {
      emulator.reset();
      const answer = await raw.send("GET", `/v2/users${search(query)}`);
      // The emulator refuses it itself (400, a status listUsers does not declare); Prism said nothing about the request.
      expect(answer.status).toBe(400);
      expect(emulator.requests.map((r) => r.query)).toEqual([query]);
      expect(judge.exchanges.at(-1)?.violations.filter((v) => v.side === "request")).toEqual([]);
    });

    it("whereas a list whose query schema compiles has its limit checked (GET /v2/chats?limit=0 is refused by Prism)", async () => {
      expect(parameters("listChats", "query").find((p) => p.name === "limit")?.schema.minimum).toBe(1);
      emulator.reset();
      const answer = await raw.send("GET", "/v2/chats?limit=0");
      expect(answer.status).toBe(422);
      expect(judge.exchanges.at(-1)?.violations.map((v) => `${v.side} ${v.field}`)).toEqual(["request query.limit"]);
      expect(emulator.requests).toEqual([]);
    });
  });
});

describe("listUsers' query parameters, checked against the spec's parameter schemas", () => {
  const validate = () => specAjv(true).compile(listQuery());

  it.each(queries)("$name: valid = $valid", ({ query, valid }) => {
    expect(problems(validate(), { ...query }).length === 0).toBe(valid);
  });

  describe("the requests our code sends, and the emulator's verdicts", () => {
    let emulator: VectaraEmulator;
    let direct: ProviderUnderTest;
    beforeAll(async () => {
      emulator = await VectaraEmulator.start();
      direct = judgedProvider(new Judge(), { "vectara:apiUrl": emulator.url, "vectara:apiKey": emulator.apiKey });
    });
    afterAll(async () => {
      await direct?.close();
      await emulator?.close();
    });
    beforeEach(() => emulator.reset());

    it("every list request the provider's API client sends satisfies them", async () => {
      for (const key of ["docs", "faq", "a=b_c-D9"]) emulator.seedCorpus({ key });
      for (const [i, corpus] of ["docs", "faq", "docs"].entries()) {
        emulator.seedUser({ email: `q${i}@example.com`, corpus_roles: [{ corpus_key: corpus, role: "viewer" }] });
      }
      await direct.api.list({});
      await direct.api.list({ limit: 100, corpusKey: "docs" });
      await direct.api.list({ corpusKey: "a=b_c-D9" });
      let pageKey: string | undefined;
      do pageKey = (await direct.api.list({ limit: 1, pageKey })).metadata?.page_key;
      while (pageKey);
      const sent = emulator.requests.filter((r) => r.method === "GET" && r.path === "/v2/users").map((r) => r.query);
      expect(sent).toHaveLength(6);
      expect(sent.flatMap((q) => problems(validate(), { ...q }).map((p) => `${JSON.stringify(q)} ${p}`))).toEqual([]);
    });

    // page_key aside: the emulator accepts only keys it issued, and answers 400 to any other (choices.ts).
    // A valid corpus_key lists that corpus's users when the corpus exists, and is a 404 when it does not.
    it.each(queries.filter((q) => !("page_key" in q.query)))("the emulator agrees on $name", async ({ query, valid }) => {
      const get = async () => {
        const res = await request(`${emulator.url}/v2/users${search(query)}`, { headers: { "x-api-key": emulator.apiKey } });
        await res.body.dump();
        return res.statusCode;
      };
      if (!valid) return expect(await get()).toBe(400);
      if (query.corpus_key === undefined) return expect(await get()).toBe(200);
      expect(await get()).toBe(404);
      emulator.seedCorpus({ key: query.corpus_key, name: "seeded" });
      expect(await get()).toBe(200);
    });
  });
});
