/**
 * Conformance for corpora: every corpus exchange (the VectaraCorpus provider's, and plain requests
 * for what it does not send) is judged against the official spec: the path parameter, the request
 * body, whether the operation declares the status, and the response body against the declared
 * schema (Corpus, Error, BadRequestError, NotFoundError).
 *
 * Prism cannot be the judge here. Every corpus schema reaches CorpusKey, whose pattern
 * `[a-zA-Z0-9_\=\-]+$` does not compile under the `u` flag Prism's ajv uses; Prism then validates
 * nothing about those messages (a proxied 201 of `{ id: "bad", key: "has space!", name: 3 }`
 * passes it without a word). So the judge is the same ajv with patterns compiled as plain
 * ECMA-262 expressions (schema-check.ts `specAjv`), and the last test proves that it does see
 * a broken Corpus.
 */
import { request, Agent, type Dispatcher } from "undici";
import { ApiClient } from "../../provider/core/client";
import type { Logger } from "../../provider/core/log";
import { readConnectionSettings } from "../../provider/core/settings";
import { Transport, type Attempt, type RawResponse } from "../../provider/core/transport";
import { vectaraProfile } from "../../provider/vectara/profile";
import { corporaApi } from "../../provider/vectara/corpora/api";
import { checkCorpus } from "../../provider/vectara/corpora/logic";
import { vectaraCorpusProvider } from "../../provider/vectara/corpora/provider";
import type { CorpusInputs } from "../../provider/vectara/corpora/schema";
import { VectaraEmulator } from "../../emulator/vectara/server";
import { problems, specAjv, type ValidateFunction } from "./schema-check";
import { deref, loadSpec, operation, operationOf, parameters, type Json } from "./spec-file";

interface Exchange {
  method: string;
  /** As sent: percent-encoded, maybe with a query. */
  path: string;
  requestBody?: unknown;
  status: number;
  responseText: string;
}

const ajv = specAjv(false);
const compiled = new Map<string, ValidateFunction>();
const validator = (key: string, schema: () => Json) => {
  let v = compiled.get(key);
  if (!v) compiled.set(key, (v = ajv.compile(schema())));
  return v;
};

/** What the spec finds wrong with one exchange, one line each; [] when nothing. */
function judge(x: Exchange): string[] {
  const opId = operationOf(x.method, x.path);
  const where = `${opId} (${x.method} ${x.path})`;
  if (opId.endsWith("(not in the spec)")) return [`${where}: not in the spec`];
  const { path: template, op } = operation(opId);
  const spec = loadSpec();
  const found: string[] = [];
  const segments = (x.path.split("?")[0] ?? "").split("/");
  template.split("/").forEach((part, i) => {
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (!name) return;
    const param = parameters(opId, "path").find((p) => p.name === name);
    const v = validator(`${opId} path ${name}`, () => param?.schema ?? {});
    found.push(...problems(v, decodeURIComponent(segments[i] ?? "")).map((p) => `${where}: request.path.${name}${p.replace(/^\(value\)/, "")}`));
  });
  const requestSchema = op.requestBody?.content?.["application/json"]?.schema;
  if (x.requestBody !== undefined && requestSchema) {
    const v = validator(`${opId} request`, () => deref(spec, requestSchema));
    found.push(...problems(v, x.requestBody).map((p) => `${where}: request.body${p === "(value)" ? "" : p}`));
  }
  const declared = op.responses?.[String(x.status)];
  if (!declared) return [...found, `${where}: status ${x.status} is not declared (${Object.keys(op.responses ?? {}).join(", ")})`];
  const responseSchema = declared.content?.["application/json"]?.schema;
  if (!responseSchema) {
    if (x.responseText !== "") found.push(`${where}: ${x.status} declares no body, got ${x.responseText.slice(0, 100)}`);
    return found;
  }
  let body: unknown;
  try {
    body = JSON.parse(x.responseText);
  } catch {
    return [...found, `${where}: response is not JSON: ${x.responseText.slice(0, 100)}`];
  }
  const v = validator(`${opId} ${x.status}`, () => deref(spec, responseSchema));
  found.push(...problems(v, body).map((p) => `${where}: response.body${p}`));
  return found;
}

const exchanges: Exchange[] = [];

/** The provider's transport, recording every exchange for the judge. */
class RecordingTransport extends Transport {
  constructor() {
    super(16);
  }

  override async send(origin: URL, attempt: Attempt): Promise<RawResponse> {
    const response = await super.send(origin, attempt);
    exchanges.push({
      method: attempt.method, path: attempt.path, status: response.status, responseText: response.text,
      ...(attempt.body !== undefined && { requestBody: JSON.parse(attempt.body) }),
    });
    return response;
  }
}

let emulator: VectaraEmulator;
let client: ApiClient;
let corpora: ReturnType<typeof vectaraCorpusProvider>;
const agent = new Agent();

beforeAll(async () => {
  emulator = await VectaraEmulator.start();
  const logger: Logger = { debug: () => undefined, warn: () => undefined };
  const values: Record<string, string> = { "vectara:apiUrl": emulator.url, "vectara:apiKey": emulator.apiKey, "vectara:maxRetries": "0" };
  client = new ApiClient(readConnectionSettings({ get: (key) => values[key] }, vectaraProfile, {}), {
    profile: vectaraProfile, logger, transport: new RecordingTransport(),
  });
  corpora = vectaraCorpusProvider({ api: () => corporaApi(client), logger: () => logger });
});

afterAll(async () => {
  await client?.close();
  await agent.close();
  await emulator?.close();
});

beforeEach(() => {
  emulator.reset();
  exchanges.length = 0;
});

/** A plain request to the emulator, recorded for the judge. */
async function send(method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const res = await request(emulator.url + path, {
    method, body: text, dispatcher: agent,
    headers: { "x-api-key": emulator.apiKey, ...(text !== undefined && { "content-type": "application/json" }) },
  });
  const responseText = await res.body.text();
  exchanges.push({ method, path, status: res.statusCode, responseText, ...(body !== undefined && { requestBody: body }) });
  return { status: res.statusCode, body: responseText === "" ? undefined : JSON.parse(responseText) };
}

const operations = () => exchanges.map((x) => `${operationOf(x.method, x.path)} ${x.status}`);
const verdicts = () => exchanges.flatMap(judge);
const inputsOf = (news: Record<string, unknown>) => {
  const { inputs, failures } = checkCorpus(news);
  if (failures.length) throw new Error(JSON.stringify(failures));
  return inputs as unknown as CorpusInputs;
};

describe("the provider's corpus lifecycle", () => {
  it("creates (201), reads (200), renames and clears the description (200), deletes (204), and meets 404s, all as the spec declares", async () => {
    const { id, outs } = await corpora.create!(inputsOf({ key: "fin_esg_docs", name: "EU Bank ESG Compliance", description: "Annual reports" }));
    expect((await corpora.read!(id, outs)).props).toEqual(outs);
    const { outs: renamed } = await corpora.update!(id, outs, inputsOf({ key: "fin_esg_docs", name: "ESG" }));
    await corpora.delete!(id, renamed);
    await corpora.delete!(id, renamed);
    expect(await corpora.read!(id, renamed)).toEqual({});
    expect(operations()).toEqual(["createCorpus 201", "getCorpus 200", "updateCorpus 200", "deleteCorpus 204", "deleteCorpus 404", "getCorpus 404"]);
    expect(verdicts()).toEqual([]);
  });

  it("meets an existing key with the declared 409 and names adoptExisting; with it, looks the corpus up first and adopts it with a PATCH", async () => {
    emulator.seedCorpus({ key: "legacy", name: "Old" });
    await expect(corpora.create!(inputsOf({ key: "legacy" }))).rejects.toThrow(/set adoptExisting: true/);
    await corpora.create!(inputsOf({ key: "legacy", name: "New", adoptExisting: true }));
    expect(operations()).toEqual(["createCorpus 409", "getCorpus 200", "getCorpus 200", "updateCorpus 200"]);
    expect(verdicts()).toEqual([]);
  });
});

describe("the import's corpus listing", () => {
  it("pages through listCorpora with limit and page_key, each answer a declared 200 ListCorporaResponse", async () => {
    for (const key of ["a", "b", "c"]) emulator.seedCorpus({ key, description: `corpus ${key}` });
    const api = corporaApi(client);
    const keys: string[] = [];
    for (let page = await api.page(undefined, 2); ; page = await api.page(page.next, 2)) {
      keys.push(...page.items.map((c) => c.key));
      if (page.next === undefined) break;
    }
    expect(keys).toEqual(["a", "b", "c"]);
    expect(operations()).toEqual(["listCorpora 200", "listCorpora 200"]);
    expect(verdicts()).toEqual([]);
  });
});

describe("the emulator's other corpus answers", () => {
  it("answers a create with every CreateCorpusRequest field, and an update with every UpdateCorpusRequest field, in the Corpus shape", async () => {
    const created = await send("POST", "/v2/corpora", {
      key: "legal_ip_cases", name: "California IP Case Law", description: "Court rulings", save_history: true,
      queries_are_answers: true, documents_are_questions: false, encoder_id: "enc_1", encoder_name: "boomerang-2023-q3",
      filter_attributes: [{ level: "part", name: "jurisdiction", type: "text", description: "The jurisdiction", indexed: true }, { level: "document", name: "tags", type: "list[text]" }],
      custom_dimensions: [{ name: "importance", description: "Product importance", indexing_default: 0, querying_default: 1.5 }],
    });
    expect(created.status).toBe(201);
    expect((await send("PATCH", "/v2/corpora/legal_ip_cases", { enabled: false, name: "IP", description: "", save_history: false })).status).toBe(200);
    expect((await send("GET", "/v2/corpora/legal_ip_cases")).body).toMatchObject({ enabled: false, name: "IP", description: "", queries_are_answers: true });
    expect(verdicts()).toEqual([]);
  });

  it("answers a body the spec forbids with the declared 400 BadRequestError", async () => {
    const answer = await send("POST", "/v2/corpora", { name: "no key", filter_attributes: [{ name: "a", level: "doc", type: "text" }] });
    expect(answer.status).toBe(400);
    // The judge faults the request (that is the point) and nothing in the answer.
    expect(verdicts().every((v) => v.includes(": request.body"))).toBe(true);
    expect(verdicts().length).toBeGreaterThan(0);
  });

  it("answers an unknown key with the declared 404 NotFoundError on get, update and delete", async () => {
    for (const method of ["GET", "PATCH", "DELETE"] as const) await send(method, "/v2/corpora/nothing", method === "PATCH" ? { name: "x" } : undefined);
    expect(operations()).toEqual(["getCorpus 404", "updateCorpus 404", "deleteCorpus 404"]);
    expect(verdicts()).toEqual([]);
  });

  it("takes a null description as unchanged, as UpdateCorpusRequest's text says, though its schema (type: string) refuses null", async () => {
    emulator.seedCorpus({ key: "docs", description: "kept" });
    expect((await send("PATCH", "/v2/corpora/docs", { description: null })).body.description).toBe("kept");
    expect(verdicts()).toEqual(["updateCorpus (PATCH /v2/corpora/docs): request.body/description: must be string"]);
  });
});

test("the judge sees what Prism does not: a Corpus with a bad id, a key outside CorpusKey and a numeric name", () => {
  const broken = { method: "POST", path: "/v2/corpora", requestBody: { key: "has space!" }, status: 201, responseText: JSON.stringify({ id: "bad", key: "has space!", name: 3 }) };
  expect(judge(broken)).toEqual([
    "createCorpus (POST /v2/corpora): request.body/key: must match pattern \"[a-zA-Z0-9_\\=\\-]+$\"",
    "createCorpus (POST /v2/corpora): response.body/id: must match pattern \"crp_[0-9]+$\"",
    "createCorpus (POST /v2/corpora): response.body/key: must match pattern \"[a-zA-Z0-9_\\=\\-]+$\"",
    "createCorpus (POST /v2/corpora): response.body/name: must be string",
  ]);
  expect(judge({ ...broken, requestBody: undefined, status: 200, responseText: "{}" })).toEqual(["createCorpus (POST /v2/corpora): status 200 is not declared (201, 400, 403, 409)"]);
});
