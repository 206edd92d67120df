import * as pulumi from "@pulumi/pulumi";
import { ApiClient } from "../core/client";
import { hasCode } from "../core/errors";
import { pulumiLogger } from "../core/log";
import { readConnectionSettings, type ConfigSource } from "../core/settings";
import { usersApi } from "./api";
import { vectaraDefaults } from "./connection";
import type { UserOutputs } from "./schema";
import { toOutputs } from "./user-logic";

/**
 * Plain async helpers for programs that manage user lifecycles as code. They run in the Pulumi
 * program itself (not in the provider host), with the same stack config and environment twins.
 */

/** A user as the API reports it, in the resource's output names. */
export type VectaraUserInfo = Omit<UserOutputs, "adoptExisting" | "onDelete">;

/** Stack config of the running program (`vectara:apiKey` → Config("vectara").get("apiKey")). */
const stackConfig: ConfigSource = {
  get(key) {
    const [namespace, name] = key.split(":") as [string, string];
    return new pulumi.Config(namespace).get(name);
  },
};

let client: ApiClient | undefined;
function api(): ReturnType<typeof usersApi> {
  client ??= new ApiClient(readConnectionSettings(stackConfig, vectaraDefaults), { namespace: vectaraDefaults.namespace, logger: pulumiLogger });
  return usersApi(client);
}

function info(user: Parameters<typeof toOutputs>[0], username: string): VectaraUserInfo {
  const { adoptExisting: _a, onDelete: _o, ...rest } = toOutputs(user, { adoptExisting: false, onDelete: "delete" }, username);
  return rest;
}

/** One user by username, or undefined when there is none. */
export async function getVectaraUser(args: { username: string }): Promise<VectaraUserInfo | undefined> {
  try {
    return info((await api().get(args.username)).data, args.username);
  } catch (error) {
    if (hasCode(error, "NOT_FOUND")) return undefined;
    throw error;
  }
}

/** Every user of the account (or with access to `corpusKey`), fetching pages of `pageSize` as needed. */
export async function* listVectaraUsers(args: { corpusKey?: string; pageSize?: number } = {}): AsyncIterableIterator<VectaraUserInfo> {
  let pageKey: string | undefined;
  do {
    const page = (await api().list({ limit: args.pageSize ?? 100, pageKey, corpusKey: args.corpusKey })).data;
    for (const user of page.users) yield info(user, user.username ?? user.email);
    // The spec does not say how the last page is marked; the official SDKs stop on a missing or empty key.
    pageKey = page.metadata?.page_key || undefined;
  } while (pageKey);
}

/** Closes the helpers' connection pool, for programs that want to exit promptly. */
export async function closeVectaraHelpers(): Promise<void> {
  await client?.close();
  client = undefined;
}
