export { VectaraUser, type VectaraUserArgs } from "./vectara/users/resource";
export { VectaraCorpus, type VectaraCorpusArgs } from "./vectara/corpora/resource";
export { getVectaraUser, listVectaraUsers, closeVectaraHelpers, type VectaraUserInfo } from "./vectara/users/helpers";
export type { ApiRole, CorpusRole, AgentRole, OnDelete as VectaraOnDelete } from "./vectara/users/schema";
export type { ApiErrorCode } from "./core/errors";
export { ConnectUser, type ConnectUserArgs } from "./connect/users/resource";
export { getConnectUser, listConnectUsers, closeConnectHelpers, type ConnectUserInfo } from "./connect/users/helpers";
export type { ConnectUserRole, OnDelete as ConnectOnDelete } from "./connect/users/schema";
