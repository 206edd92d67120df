import { validateInputs, type CheckFailure } from "../../core/check";
import { inputsIn } from "../../core/resource";
import { containsUnknown } from "../../core/unknown";
import { corpusFields, corpusInputs, type ApiCorpus, type CorpusInputs, type CorpusOutputs, type CreateCorpusBody, type UpdateCorpusBody } from "./schema";

/** Pure decisions of VectaraCorpus: validation, defaults, diff, and the bodies sent. */

export function checkCorpus(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(corpusInputs, news, corpusFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  const { data, unknown } = checked;
  const inputs: Record<string, unknown> = { ...data, ...unknown };
  // "" and no description are the same corpus (the outputs omit an empty one): one spelling in state.
  if (inputs.description === "") delete inputs.description;
  // CreateCorpusRequest: "The name for the corpus. This value defaults to the key." Filling it in
  // here makes the default visible in the diff, and the provider never depends on the server's.
  if (inputs.name === undefined && data.key !== undefined && !("name" in unknown)) inputs.name = data.key;
  return { inputs, failures: [] };
}

// ---- diff

export interface CorpusDiff {
  changes: boolean;
  replaces: string[];
  /** If this corpus is replaced, whether the old one must be deleted first. */
  deleteBeforeReplace: boolean;
  /** Properties that update in place. */
  updates: string[];
}

const inPlace = ["name", "description", "adoptExisting"] as const;
const defaults: Record<(typeof inPlace)[number], unknown> = { name: undefined, description: "", adoptExisting: false };

/**
 * olds: the outputs in state; news: checked inputs. UpdateCorpusRequest cannot change a key, so a
 * new key replaces the corpus. The new corpus is created first (the engine's default), and the
 * users whose roles name `corpus.key` move over before the old corpus, with its documents, is
 * deleted: the two keys differ, so nothing collides. The old one must go first only when the key
 * stays, which happens when the engine forces a replacement (`pulumi up --replace`,
 * `replaceOnChanges`; step_generator.go takes deleteBeforeReplace from the provider's diff for
 * any replacement), or when the key changes only in case, which the spec does not say is distinct.
 */
export function diffCorpus(olds: Record<string, unknown>, news: Record<string, unknown>): CorpusDiff {
  const sameAccount = (olds.account ?? "") === (news.account ?? "");
  const replaces = [...(sameAccount ? [] : ["account"]), ...(olds.key !== news.key ? ["key"] : [])];
  const updates = inPlace.filter((key) => !sameValue(key, olds[key], news[key]));
  const deleteBeforeReplace = sameAccount && typeof olds.key === "string" && typeof news.key === "string" && olds.key.toLowerCase() === news.key.toLowerCase();
  return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace, updates };
}

function sameValue(key: (typeof inPlace)[number], a: unknown, b: unknown): boolean {
  if (containsUnknown(b)) return false;
  return (a ?? defaults[key]) === (b ?? defaults[key]);
}

// ---- bodies and outputs

export function createBody(inputs: CorpusInputs): CreateCorpusBody {
  return { key: inputs.key, name: inputs.name, ...(inputs.description !== undefined ? { description: inputs.description } : {}) };
}

/**
 * Only what differs between the server's view (`current`) and the inputs; undefined = nothing to
 * send. A removed description is sent as "": UpdateCorpusRequest leaves an absent or null one as it is.
 */
export function updateBody(current: Partial<CorpusOutputs>, inputs: CorpusInputs): UpdateCorpusBody | undefined {
  const body: UpdateCorpusBody = {};
  if (!sameValue("name", current.name, inputs.name)) body.name = inputs.name;
  if (!sameValue("description", current.description, inputs.description)) body.description = inputs.description ?? "";
  return Object.keys(body).length > 0 ? body : undefined;
}

/** Outputs from the server's corpus; `account` and `adoptExisting` live only in state, so they are carried over. */
export function toOutputs(corpus: ApiCorpus, settings: Pick<CorpusInputs, "account" | "adoptExisting">): CorpusOutputs {
  const outputs: CorpusOutputs = { key: corpus.key, name: corpus.name, adoptExisting: settings.adoptExisting, vectaraId: corpus.id };
  if (settings.account !== undefined) outputs.account = settings.account;
  // Absent, not undefined: the provider host rejects undefined values ("Unexpected struct type").
  if (corpus.description !== undefined && corpus.description !== "") outputs.description = corpus.description;
  if (corpus.created_at !== undefined) outputs.createdAt = corpus.created_at;
  return outputs;
}

/** The inputs the outputs imply (every input is an output, kept or as the server reports it): what a refresh records on drift. */
export function inputsOf(outputs: object): Record<string, unknown> {
  return inputsIn(corpusFields, outputs);
}
