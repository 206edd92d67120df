export { VectaraUser, type VectaraUserArgs } from "./vectara/user";
export { getVectaraUser, listVectaraUsers, closeVectaraHelpers, type VectaraUserInfo } from "./vectara/functions";
export type { ApiErrorCode } from "./core/errors";
