/**
 * The emulator's corpora, keyed by corpus key, in creation order. Bodies are validated against the
 * spec's CreateCorpusRequest / UpdateCorpusRequest (./corpora-spec.ts); what the spec leaves open
 * follows ./choices.ts. Callers only ever get copies.
 */
import { DEFAULT_ENCODER_NAME, DEFAULT_MAX_METADATA_BYTES } from "./choices";
import { CreateCorpusRequest, UpdateCorpusRequest, type Corpus } from "./corpora-spec";
import { check } from "./spec";

export type Invalid = { kind: "invalid"; fieldErrors: Record<string, string>; messages: string[] };
export type CreateCorpusResult = { kind: "created"; corpus: Corpus } | Invalid | { kind: "duplicate"; key: string };
export type UpdateCorpusResult = { kind: "updated"; corpus: Corpus } | Invalid | { kind: "not-found" };

/** A deep copy with the properties in the spec's order and without undefined ones. */
function shape(c: Corpus): Corpus {
  const { id, key, name, description, enabled, chat_history_corpus, queries_are_answers, documents_are_questions, encoder_name, save_history, created_at } = c;
  return {
    id, key, name,
    ...(description !== undefined && { description }),
    enabled, chat_history_corpus, queries_are_answers, documents_are_questions, encoder_name, save_history,
    filter_attributes: c.filter_attributes.map((f) => ({ ...f })),
    custom_dimensions: c.custom_dimensions.map((d) => ({ ...d })),
    limits: { ...c.limits },
    created_at,
  };
}

export class CorpusStore {
  readonly #corpora = new Map<string, Corpus>();
  /** Ids are never reused, not even after clear(): a recreated corpus always gets a new id. */
  #lastId = 0;

  constructor(private readonly now: () => number = Date.now) {}

  create(body: unknown): CreateCorpusResult {
    const checked = check(CreateCorpusRequest, body);
    if (!checked.ok) return { kind: "invalid", fieldErrors: checked.fieldErrors, messages: checked.messages };
    const req = checked.value;
    if (this.#corpora.has(req.key)) return { kind: "duplicate", key: req.key };
    const corpus = shape({
      id: `crp_${++this.#lastId}`,
      key: req.key,
      name: req.name ?? req.key,
      description: req.description,
      enabled: true,
      chat_history_corpus: false,
      queries_are_answers: req.queries_are_answers,
      documents_are_questions: req.documents_are_questions,
      encoder_name: req.encoder_name ?? DEFAULT_ENCODER_NAME,
      save_history: req.save_history,
      filter_attributes: req.filter_attributes,
      custom_dimensions: req.custom_dimensions,
      limits: { used_docs: 0, used_parts: 0, used_bytes: 0, used_characters: 0, max_bytes: 0, max_metadata_bytes: DEFAULT_MAX_METADATA_BYTES, index_rate: 0 },
      created_at: new Date(this.now()).toISOString(),
    });
    this.#corpora.set(req.key, corpus);
    return { kind: "created", corpus: shape(corpus) };
  }

  /** Partial update; absent and null fields are left alone (spec). Validates before looking up. */
  update(key: string, body: unknown): UpdateCorpusResult {
    const checked = check(UpdateCorpusRequest, body);
    if (!checked.ok) return { kind: "invalid", fieldErrors: checked.fieldErrors, messages: checked.messages };
    const current = this.#corpora.get(key);
    if (!current) return { kind: "not-found" };
    const changes = Object.fromEntries(Object.entries(checked.value).filter(([, v]) => v !== undefined && v !== null));
    const corpus = shape({ ...current, ...changes });
    this.#corpora.set(key, corpus);
    return { kind: "updated", corpus: shape(corpus) };
  }

  get(key: string): Corpus | undefined {
    const corpus = this.#corpora.get(key);
    return corpus && shape(corpus);
  }

  /** The key is released and can be reused (deleteCorpus). */
  remove(key: string): boolean {
    return this.#corpora.delete(key);
  }

  all(): Corpus[] {
    return [...this.#corpora.values()].map(shape);
  }

  clear(): void {
    this.#corpora.clear();
  }
}
