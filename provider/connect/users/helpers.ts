import { programConnections } from "../../core/connection";
import { hasCode } from "../../core/errors";
import { allItems } from "../../core/paging";
import { connectProfile } from "../profile";
import { usersApi, USERS_PAGE_SIZE } from "./api";
import { toOutputs } from "./logic";
import type { ApiUser, ConnectUserRole, UserOutputs } from "./schema";

/**
 * Plain async helpers for programs that manage user lifecycles as code. They run in the Pulumi
 * program itself (not in the provider host), with the same stack config and environment twins.
 */

/** A user as the API reports it, in the resource's output names. */
export type ConnectUserInfo = Omit<UserOutputs, "adoptExisting" | "onDelete" | "account" | "userMustSetPassword" | "unsetInputs">;

const connections = programConnections(connectProfile);
const api = (account?: string) => usersApi(connections().client(account));

function info(user: ApiUser): ConnectUserInfo {
  const { adoptExisting: _a, onDelete: _o, account: _c, userMustSetPassword: _m, unsetInputs: _u, ...rest } = toOutputs(user, {});
  return rest;
}

/** One user by guid, or by exact (case-sensitive) username; undefined when there is none. */
export async function getConnectUser(args: ({ guid: string } | { username: string }) & { account?: string }): Promise<ConnectUserInfo | undefined> {
  const users = api(args.account);
  if ("guid" in args) {
    try {
      return info(await users.get(args.guid));
    } catch (error) {
      if (hasCode(error, "NOT_FOUND")) return undefined;
      throw error;
    }
  }
  const found = (await users.page(undefined, { prefix: args.username })).items.find((u) => u.username === args.username);
  return found && info(found);
}

/**
 * Every user of the server, or those matching the filters, fetching pages of 500 as needed.
 * `userRole` and `accountStatus` take `|`-separated alternatives ("viewer|publisher"). A prefix
 * search is answered with its first page only (500 users), as the server does.
 */
export async function* listConnectUsers(args: { prefix?: string; userRole?: ConnectUserRole | string; accountStatus?: "locked" | "licensed" | "inactive" | string; account?: string } = {}): AsyncIterableIterator<ConnectUserInfo> {
  const users = api(args.account);
  const query = { prefix: args.prefix, userRole: args.userRole, accountStatus: args.accountStatus };
  for await (const user of allItems((cursor) => users.page(cursor, query, USERS_PAGE_SIZE))) yield info(user);
}

/** Closes the helpers' connection pools, for programs that want to exit promptly. */
export async function closeConnectHelpers(): Promise<void> {
  await connections().close();
}
