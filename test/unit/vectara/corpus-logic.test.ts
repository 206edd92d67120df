import { UNKNOWN } from "../../../provider/core/unknown";
import { checkCorpus, createBody, diffCorpus, toOutputs, updateBody } from "../../../provider/vectara/corpora/logic";
import type { CorpusInputs, CorpusOutputs } from "../../../provider/vectara/corpora/schema";

const checked = (news: Record<string, unknown>) => {
  const { inputs, failures } = checkCorpus(news);
  if (failures.length) throw new Error(JSON.stringify(failures));
  return inputs as unknown as CorpusInputs;
};

describe("checkCorpus normalises valid inputs", () => {
  it("defaults the name to the key and adoptExisting to false", () => {
    expect(checkCorpus({ key: "docs" })).toEqual({ inputs: { key: "docs", name: "docs", adoptExisting: false }, failures: [] });
  });

  it("keeps an explicit name and description as given", () => {
    expect(checked({ key: "docs", name: "Product docs", description: "Manuals" })).toEqual({ key: "docs", name: "Product docs", description: "Manuals", adoptExisting: false });
  });

  it.each(["a", "fin_esg_docs", "my-corpus", "A=b_C-1", "k".repeat(50)])("accepts the key %j", (key) => {
    expect(checkCorpus({ key }).failures).toEqual([]);
  });

  it("ignores the output-only keys and __provider that the engine passes back in news", () => {
    const { inputs, failures } = checkCorpus({ key: "docs", vectaraId: "crp_1", createdAt: "x", __provider: "code" });
    expect(failures).toEqual([]);
    expect(Object.keys(inputs).sort()).toEqual(["adoptExisting", "key", "name"]);
  });

  it("never returns an undefined value (the host rejects them)", () => {
    const { inputs } = checkCorpus({ key: "docs", description: undefined, name: undefined });
    expect(Object.values(inputs)).not.toContain(undefined);
  });
});

describe("checkCorpus reports bad inputs as CheckFailures", () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ["a missing key", {}, "key", /key must be a string/],
    ["an empty key", { key: "" }, "key", /key cannot be empty/],
    ["a 51-character key", { key: "k".repeat(51) }, "key", /at most 50 characters/],
    ["a key with a space (the spec's end-anchored pattern would let it through)", { key: "my corpus" }, "key", /letters, digits, _, = and -/],
    ["a key with a slash", { key: "a/b" }, "key", /letters, digits/],
    ["a key with a dot", { key: "a.b" }, "key", /letters, digits/],
    ["a non-ASCII key", { key: "dökümanlar" }, "key", /letters, digits/],
    ["a number as key", { key: 7 }, "key", /key must be a string/],
    ["an empty name", { key: "docs", name: "" }, "name", /omit it to default to the key/],
    ["a number as description", { key: "docs", description: 3 }, "description", /description must be a string/],
    ["a string as adoptExisting", { key: "docs", adoptExisting: "yes" }, "adoptExisting", /true or false/],
    ["an unknown property", { key: "docs", encoder: "x" }, "encoder", /unknown property encoder/],
  ])("%s", (_case, news, property, reason) => {
    const { failures } = checkCorpus(news);
    expect(failures).toEqual([expect.objectContaining({ property })]);
    expect(failures[0]?.reason).toMatch(reason);
  });
});

describe("checkCorpus tolerates unknown values during preview", () => {
  it("passes an unknown key through and does not invent a name from it", () => {
    expect(checkCorpus({ key: UNKNOWN })).toEqual({ inputs: { key: UNKNOWN, adoptExisting: false }, failures: [] });
  });

  it("keeps an unknown name unknown", () => {
    expect(checkCorpus({ key: "docs", name: UNKNOWN }).inputs).toMatchObject({ key: "docs", name: UNKNOWN });
  });

  it("still reports problems in the known properties", () => {
    expect(checkCorpus({ key: "bad key", name: UNKNOWN }).failures).toEqual([expect.objectContaining({ property: "key" })]);
  });
});

const base = checked({ key: "docs", name: "Docs", description: "d" });
const outputs: CorpusOutputs = { ...base, vectaraId: "crp_1", createdAt: "2026-01-01T00:00:00.000Z" };

describe("diffCorpus", () => {
  it.each<[string, Partial<CorpusInputs>, { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean; updates: string[] }]>([
    ["nothing changed", {}, { changes: false, replaces: [], deleteBeforeReplace: true, updates: [] }],
    ["name: in place", { name: "Documentation" }, { changes: true, replaces: [], deleteBeforeReplace: true, updates: ["name"] }],
    ["description: in place", { description: "new" }, { changes: true, replaces: [], deleteBeforeReplace: true, updates: ["description"] }],
    ["description removed: in place", { description: undefined }, { changes: true, replaces: [], deleteBeforeReplace: true, updates: ["description"] }],
    ["adoptExisting only (no API call needed, still recorded)", { adoptExisting: true }, { changes: true, replaces: [], deleteBeforeReplace: true, updates: ["adoptExisting"] }],
    ["a new key: replace, creating the new corpus first", { key: "manuals" }, { changes: true, replaces: ["key"], deleteBeforeReplace: false, updates: [] }],
    ["a new key and name: replace", { key: "manuals", name: "Manuals" }, { changes: true, replaces: ["key"], deleteBeforeReplace: false, updates: ["name"] }],
    ["a key that differs only in case: replace, deleting first", { key: "DOCS" }, { changes: true, replaces: ["key"], deleteBeforeReplace: true, updates: [] }],
    ["an unknown key (preview): replace", { key: UNKNOWN }, { changes: true, replaces: ["key"], deleteBeforeReplace: false, updates: [] }],
    ["an unknown name (preview): in place", { name: UNKNOWN }, { changes: true, replaces: [], deleteBeforeReplace: true, updates: ["name"] }],
  ])("%s", (_case, change, expected) => {
    expect(diffCorpus({ ...outputs }, { ...base, ...change })).toEqual(expected);
  });

  it("treats a missing description and an empty one as the same", () => {
    const { description: _d, ...noDescription } = outputs;
    expect(diffCorpus(noDescription, { ...base, description: "" }).changes).toBe(false);
  });

  it("reads state written without adoptExisting as false", () => {
    const { adoptExisting: _a, ...older } = outputs;
    expect(diffCorpus(older, base).changes).toBe(false);
  });

  it("sees the defaulted name as no change when the server reports the key as the name", () => {
    expect(diffCorpus({ key: "docs", name: "docs", vectaraId: "crp_1" }, checked({ key: "docs" })).changes).toBe(false);
  });
});

describe("bodies", () => {
  it("creates with the key, the name and the description in the API's names", () => {
    expect(createBody(base)).toEqual({ key: "docs", name: "Docs", description: "d" });
    expect(createBody(checked({ key: "docs" }))).toEqual({ key: "docs", name: "docs" });
  });

  it.each<[string, Partial<CorpusInputs>, object | undefined]>([
    ["nothing the API stores changed", { adoptExisting: true }, undefined],
    ["the name", { name: "Documentation" }, { name: "Documentation" }],
    ["the description", { description: "new" }, { description: "new" }],
    ["a removed description, cleared with an empty string", { description: undefined }, { description: "" }],
    ["both", { name: "N", description: "D" }, { name: "N", description: "D" }],
  ])("updates only what changed: %s", (_case, change, expected) => {
    expect(updateBody(outputs, { ...base, ...change })).toEqual(expected);
  });
});

describe("toOutputs", () => {
  it("maps the API's corpus to camelCase outputs, keeping adoptExisting from the inputs", () => {
    const corpus = { id: "crp_9", key: "docs", name: "Docs", description: "d", enabled: true, created_at: "2026-01-01T00:00:00Z" };
    expect(toOutputs(corpus, { adoptExisting: true })).toEqual({ key: "docs", name: "Docs", description: "d", adoptExisting: true, vectaraId: "crp_9", createdAt: "2026-01-01T00:00:00Z" });
  });

  it("omits an empty or absent description and an absent created_at rather than returning undefined", () => {
    const outs = toOutputs({ id: "crp_9", key: "docs", name: "docs", description: "" }, { adoptExisting: false });
    expect(outs).toEqual({ key: "docs", name: "docs", adoptExisting: false, vectaraId: "crp_9" });
    expect(Object.values(outs)).not.toContain(undefined);
  });
});
