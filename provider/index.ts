export { VectaraUser, type VectaraUserArgs } from "./vectara/user";
export { VectaraCorpus, type VectaraCorpusArgs } from "./vectara/corpus";
export { getVectaraUser, listVectaraUsers, closeVectaraHelpers, type VectaraUserInfo } from "./vectara/functions";
export type { ApiErrorCode } from "./core/errors";
