import { programConnections } from "../../core/connection";
import { allItems } from "../../core/paging";
import { hasCode, type ApiError } from "../../core/errors";
import { vectaraProfile } from "../profile";
import { usersApi } from "./api";
import { toOutputs } from "./logic";
import { usernameOf, type ApiUser, type UserOutputs } from "./schema";

/**
 * Plain async helpers for programs that manage user lifecycles as code. They run in the Pulumi
 * program itself (not in the provider host), with the same stack config and environment twins.
 */

/** A user as the API reports it, in the resource's output names. */
export type VectaraUserInfo = Omit<UserOutputs, "adoptExisting" | "onDelete" | "account">;

const connections = programConnections(vectaraProfile);
const api = (account?: string) => usersApi(connections().client(account));

function info(user: ApiUser, username: string): VectaraUserInfo {
  const { adoptExisting: _a, onDelete: _o, ...rest } = toOutputs(user, { adoptExisting: false, onDelete: "delete" }, username);
  return rest;
}

/** One user by username, or undefined when there is none. */
export async function getVectaraUser(args: { username: string; account?: string }): Promise<VectaraUserInfo | undefined> {
  try {
    return info(await api(args.account).get(args.username), args.username);
  } catch (error) {
    if (hasCode(error, "NOT_FOUND")) return undefined;
    throw error;
  }
}

/**
 * Every user of the account (or with access to `corpusKey`), fetching pages of `pageSize` as needed.
 * A `corpusKey` that names no corpus is an error naming it (the API answers the list with 404).
 */
export async function* listVectaraUsers(args: { corpusKey?: string; pageSize?: number; account?: string } = {}): AsyncIterableIterator<VectaraUserInfo> {
  const users = api(args.account);
  const page = async (cursor: string | undefined) => {
    try {
      return await users.page(cursor, args.pageSize ?? 100, args.corpusKey);
    } catch (error) {
      if (args.corpusKey === undefined || !hasCode(error, "NOT_FOUND")) throw error;
      const failed = error as ApiError;
      throw failed.with(
        { hint: "check the corpus key (keys are case-sensitive) and the account; `new VectaraCorpus(…)` or the console creates a corpus" },
        `cannot list the users of Vectara corpus ${args.corpusKey}: no such corpus${args.account ? ` in account ${args.account}` : ""} (${failed.method} ${failed.path} answered ${failed.status})`,
      );
    }
  };
  for await (const user of allItems(page)) yield info(user, usernameOf(user));
}

/** Closes the helpers' connection pools, for programs that want to exit promptly. */
export async function closeVectaraHelpers(): Promise<void> {
  await connections().close();
}
