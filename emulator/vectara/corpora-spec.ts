/**
 * The corpus part of the Vectara REST API v2, as the emulator enforces it: CreateCorpusRequest,
 * UpdateCorpusRequest and Corpus, copied from components.schemas in the official Vectara spec
 * (subset committed in test/conformance/specs/). Choices the spec leaves open live in ./choices.ts.
 *
 * No schema here sets additionalProperties: false, so unknown properties are stripped, not rejected.
 */
import { z } from "zod";
import { charCount, typed } from "../core";
import { CORPUS_KEY_MAX_CHARS, CORPUS_KEY_PATTERN } from "./users-spec";

/** Corpus.id: pattern `crp_[0-9]+$`. */
export const CORPUS_ID_PATTERN = /crp_[0-9]+$/;
/** CreateCorpusRequest.encoder_id (deprecated): pattern `enc_[0-9]+$`. */
export const ENCODER_ID_PATTERN = /enc_[0-9]+$/;
/** FilterAttribute.level and .type enums. */
export const FILTER_LEVELS = ["document", "part"] as const;
export const FILTER_TYPES = ["integer", "real_number", "text", "boolean", "list[integer]", "list[real_number]", "list[text]"] as const;
/** createCorpus's description: "A filter attribute must specify a unique `name` (up to 64 characters long)". */
export const FILTER_NAME_MAX_CHARS = 64;

const bool = () => z.boolean(typed("a boolean"));

/** CorpusKey as the spec writes it: the pattern is anchored only at its end, maxLength 50. */
export const CorpusKey = z.string(typed("a string"))
  .refine((s) => CORPUS_KEY_PATTERN.test(s), `must match ${CORPUS_KEY_PATTERN.source}`)
  .refine((s) => charCount(s) <= CORPUS_KEY_MAX_CHARS, `must be at most ${CORPUS_KEY_MAX_CHARS} characters`);

export const FilterAttribute = z.object({
  name: z.string(typed("a string")).refine((s) => charCount(s) <= FILTER_NAME_MAX_CHARS, `must be at most ${FILTER_NAME_MAX_CHARS} characters`),
  level: z.enum(FILTER_LEVELS, { error: `must be one of ${FILTER_LEVELS.join(", ")}` }),
  description: z.string(typed("a string")).optional(),
  indexed: bool().default(true),
  type: z.enum(FILTER_TYPES, { error: `must be one of ${FILTER_TYPES.join(", ")}` }),
}, typed("an object"));

export const CorpusCustomDimension = z.object({
  name: z.string(typed("a string")),
  description: z.string(typed("a string")).optional(),
  indexing_default: z.number(typed("a number")).default(0),
  querying_default: z.number(typed("a number")).default(0),
}, typed("an object"));

const uniqueNames = (items: { name: string }[]) => new Set(items.map((i) => i.name)).size === items.length;

export const CreateCorpusRequest = z.object({
  key: CorpusKey,
  name: z.string(typed("a string")).optional(),
  description: z.string(typed("a string")).optional(),
  save_history: bool().default(false),
  queries_are_answers: bool().default(false),
  documents_are_questions: bool().default(false),
  encoder_id: z.string(typed("a string")).regex(ENCODER_ID_PATTERN, `must match ${ENCODER_ID_PATTERN.source}`).optional(),
  encoder_name: z.string(typed("a string")).optional(),
  filter_attributes: z.array(FilterAttribute, typed("an array")).refine(uniqueNames, "names must be unique").default([]),
  custom_dimensions: z.array(CorpusCustomDimension, typed("an array")).refine(uniqueNames, "names must be unique").default([]),
});

/** name and description: "If unset or null, then the corpus will remain in the same state." */
export const UpdateCorpusRequest = z.object({
  enabled: bool().optional(),
  name: z.string(typed("a string")).nullable().optional(),
  description: z.string(typed("a string")).nullable().optional(),
  save_history: bool().optional(),
});

export type FilterAttribute = z.infer<typeof FilterAttribute>;
export type CorpusCustomDimension = z.infer<typeof CorpusCustomDimension>;
export type CreateCorpusRequest = z.infer<typeof CreateCorpusRequest>;
export type UpdateCorpusRequest = z.infer<typeof UpdateCorpusRequest>;

/** Corpus.limits (CorpusLimits). */
export interface CorpusLimits {
  used_docs: number;
  used_parts: number;
  used_bytes: number;
  used_characters: number;
  max_bytes: number;
  max_metadata_bytes: number;
  index_rate: number;
}

/** Corpus, minus the deprecated `encoder_id`, which the emulator never returns (see choices.ts). */
export interface Corpus {
  id: string;
  key: string;
  name: string;
  description?: string;
  enabled: boolean;
  chat_history_corpus: boolean;
  queries_are_answers: boolean;
  documents_are_questions: boolean;
  encoder_name: string;
  save_history: boolean;
  filter_attributes: FilterAttribute[];
  custom_dimensions: CorpusCustomDimension[];
  limits: CorpusLimits;
  created_at: string;
}
