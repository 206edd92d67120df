export { VectaraUser, type VectaraUserArgs } from "./vectara/user";
export type { ApiErrorCode } from "./core/errors";
