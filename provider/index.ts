export { VectaraUser, type VectaraUserArgs } from "./vectara/users/resource";
export { VectaraCorpus, type VectaraCorpusArgs } from "./vectara/corpora/resource";
export { getVectaraUser, listVectaraUsers, closeVectaraHelpers, type VectaraUserInfo } from "./vectara/users/helpers";
export type { ApiRole, CorpusRole, AgentRole, OnDelete as VectaraOnDelete } from "./vectara/users/schema";
export type { ApiErrorCode } from "./core/errors";
export { ArizeUser, type ArizeUserArgs } from "./arize/users/resource";
export { getArizeUser, listArizeUsers, closeArizeHelpers, type ArizeUserInfo } from "./arize/users/helpers";
export type { ArizeRole, ArizeInviteMode, ArizeUserStatus, ArizeOnDelete } from "./arize/users/schema";
