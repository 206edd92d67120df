import { programConnections } from "../../core/connection";
import { hasCode } from "../../core/errors";
import { allItems } from "../../core/paging";
import { arizeProfile } from "../profile";
import { findByEmail, usersApi } from "./api";
import { keptSettings, toOutputs } from "./logic";
import type { ApiUser, ArizeUserStatus, UserOutputs } from "./schema";

/**
 * Plain async helpers for programs. They run in the Pulumi program itself (not in the provider
 * host), with the same stack config and environment twins.
 */

/** A user as the API reports it, in the resource's output names. */
export type ArizeUserInfo = Pick<UserOutputs, "userId" | "email" | "name" | "role" | "isDeveloper" | "status" | "createdAt">;

const connections = programConnections(arizeProfile);
const api = (account?: string) => usersApi(connections().client(account));

function info(user: ApiUser): ArizeUserInfo {
  const { userId, email, name, role, isDeveloper, status, createdAt } = toOutputs(user, keptSettings({}));
  return { userId, email, name, role, isDeveloper, status, ...(createdAt !== undefined && { createdAt }) };
}

/** One user by id, or by exact email (case-insensitive); undefined when there is none. */
export async function getArizeUser(args: ({ id: string } | { email: string }) & { account?: string }): Promise<ArizeUserInfo | undefined> {
  try {
    return info("id" in args ? await api(args.account).get(args.id) : await findByEmail(api(args.account), args.email));
  } catch (error) {
    if (hasCode(error, "NOT_FOUND")) return undefined;
    throw error;
  }
}

/** Every user (whose email contains `email`, case-insensitively; of the given statuses), over every page. */
export async function* listArizeUsers(args: { email?: string; status?: readonly ArizeUserStatus[]; account?: string } = {}): AsyncIterableIterator<ArizeUserInfo> {
  const users = api(args.account);
  const status = args.status?.map((s) => s.toUpperCase());
  for await (const user of allItems((cursor) => users.page(cursor, { email: args.email, status }))) yield info(user);
}

/** Closes the helpers' connection pools, for programs that want to exit promptly. */
export async function closeArizeHelpers(): Promise<void> {
  await connections().close();
}
