/**
 * The emulator's corpora, keyed by corpus key, in creation order. Bodies are validated against the
 * spec's CreateCorpusRequest / UpdateCorpusRequest (./corpora-spec.ts); what the spec leaves open
 * follows ./choices.ts.
 */
import { ResourceStore } from "../core";
import { DEFAULT_ENCODER_NAME, DEFAULT_MAX_METADATA_BYTES } from "./choices";
import { CreateCorpusRequest, UpdateCorpusRequest, type Corpus } from "./corpora-spec";

export class CorpusStore extends ResourceStore<Corpus, CreateCorpusRequest, UpdateCorpusRequest> {
  readonly noun = "corpus";
  protected readonly keyField = "key";
  protected readonly createSchema = CreateCorpusRequest;
  protected readonly updateSchema = UpdateCorpusRequest;
  /** Ids are never reused, not even after clear(): a recreated corpus always gets a new id. */
  #lastId = 0;

  protected keyOf(req: CreateCorpusRequest): string {
    return req.key;
  }

  protected build(req: CreateCorpusRequest, key: string): Corpus {
    return {
      id: `crp_${++this.#lastId}`,
      key,
      name: req.name ?? key,
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
    };
  }

  protected copy(c: Corpus): Corpus {
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
}
