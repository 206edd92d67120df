import { z } from "zod";
import { accountInput } from "../../core/account";
import type { ResourceType } from "../../core/registry";
import type { Fields } from "../../core/resource";

/** The resource's names (class, type token, loader entry); the loader entry never changes once released. */
export const corpusType: ResourceType = { kind: "VectaraCorpus", module: "vectara", type: "Corpus", loader: "vectara-corpus" };

/**
 * CorpusKey (components.schemas.CorpusKey): pattern `[a-zA-Z0-9_\=\-]+$`, maxLength 50. The spec's
 * pattern is anchored only at its end (so "my corpus" would pass it); a key is also a path segment
 * and the Pulumi id, so it is anchored at both ends here.
 */
export const corpusKeyPattern = /^[a-zA-Z0-9_=-]+$/;
export const CORPUS_KEY_MAX_CHARS = 50;

/**
 * The inputs of VectaraCorpus, with their defaults; the single source of CorpusInputs.
 * CreateCorpusRequest sets no maxLength on `name` or `description`, so none is enforced here;
 * an empty name is refused because the API fills an absent name with the key (omit it instead).
 */
export const corpusInputs = z.strictObject({
  account: accountInput.optional(),
  key: z
    .string({ message: "key must be a string" })
    .min(1, { message: "key cannot be empty", abort: true })
    .max(CORPUS_KEY_MAX_CHARS, `key must be at most ${CORPUS_KEY_MAX_CHARS} characters (spec: CorpusKey maxLength)`)
    .regex(corpusKeyPattern, "key may hold only letters, digits, _, = and - (spec: CorpusKey)"),
  name: z.string({ message: "name must be a string" }).min(1, "name cannot be empty; omit it to default to the key").optional(),
  description: z.string({ message: "description must be a string" }).optional(),
  adoptExisting: z.boolean({ message: "adoptExisting must be true or false" }).default(false),
});

/** Checked inputs: defaults applied, name filled in from the key. */
export type CorpusInputs = Omit<z.infer<typeof corpusInputs>, "name"> & { name: string };

/** Outputs: the inputs as the server reports them, plus server-assigned fields. */
export interface CorpusOutputs extends CorpusInputs {
  /** Corpus.id (`crp_…`). */
  vectaraId: string;
  /** Corpus.created_at; the spec's Corpus has no updated_at. */
  createdAt?: string;
}

/** Each output key, once: what the check ignores in `news`, what the resource names. */
export const corpusFields: Fields<CorpusOutputs> = {
  account: "input", key: "input", name: "input", description: "input", adoptExisting: "input", vectaraId: "output", createdAt: "output",
};

// ---- The API's shapes (snake_case). Only what the provider reads; the rest of Corpus (encoder,
// filter attributes, limits, …) is stripped, so new server fields never break a refresh.
export const apiCorpus = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().optional(),
  enabled: z.boolean().optional(),
  created_at: z.string().optional(),
});
export type ApiCorpus = z.infer<typeof apiCorpus>;

/** ListCorporaResponse: a page of corpora and the key of the next. */
export const listCorporaResponse = z.object({
  corpora: z.array(apiCorpus).default([]),
  metadata: z.object({ page_key: z.string().optional() }).optional(),
});

/** The subset of CreateCorpusRequest the provider sends. */
export interface CreateCorpusBody {
  key: string;
  name: string;
  description?: string;
}

/** The subset of UpdateCorpusRequest the provider sends; the key cannot be changed. */
export type UpdateCorpusBody = Partial<Pick<CreateCorpusBody, "name" | "description">>;
