import type * as pulumi from "@pulumi/pulumi";
import { AccountReaders } from "../../core/burst-reader";
import { ApiError, hasCode } from "../../core/errors";
import { applyDeletePolicy, createOrAdopt, partialCreate, readOrGone } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { connect } from "../profile";
import { usersApi, type UsersApi } from "./api";
import { changedFields, checkUser, createBody, diffUser, keptSettings, lockChange, refusedEdits, toOutputs, updateBody } from "./logic";
import { trackChanges, userSource } from "./reads";
import type { ApiUser, UserInputs, UserOutputs } from "./schema";

/**
 * The lifecycle of ConnectUser (resource id = the user's guid, which the server assigns):
 *   create → POST /v1/users (answers 200); on an LDAP or Google server (code 120) instead
 *            GET /v1/users/remote?prefix=<username> and PUT /v1/users {temp_ticket} of the exact match;
 *            then PUT /v1/users/{guid} and POST …/lock when the inputs say more than the create did
 *   read   → GET /v1/users/{guid}               404 → gone; during a refresh burst, served from
 *            GET /v1/users pages of 500 instead (reads.ts, core/burst-reader.ts)
 *   update → PUT /v1/users/{guid}               only what changed (its answer is not the whole user)
 *            POST /v1/users/{guid}/lock {locked} when `locked` changes; then GET /v1/users/{guid}
 *   delete → POST /v1/users/{guid}/lock {locked: true} (404 → done), or nothing (onDelete: retain):
 *            Connect has no delete endpoint
 * Each call goes to the account the resource names (core/account.ts). This module runs inside the
 * provider host and is never serialized (see core/dynamic-loader.ts).
 */
export function connectUserProvider(deps: { api: (account?: string) => UsersApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  const readers = new AccountReaders<ApiUser>();
  const tracked = (account: string | undefined) => trackChanges(readers.of(account), deps.api(account));
  return {
    async check(_olds, news) {
      return checkUser(news);
    },

    async diff(_id, olds, news) {
      const { changes, replaces } = diffUser(olds, news);
      return { changes, replaces, deleteBeforeReplace: false };
    },

    async create(inputs: UserInputs) {
      const api = tracked(inputs.account);
      const started = Date.now();
      const { resource: user, created } = await createOrAdopt<ApiUser>({
        what: `Connect user ${inputs.username}`,
        adoptExisting: inputs.adoptExisting,
        create: () => pushOrImport(api, inputs),
        // Code 8 (username taken) answers 409.
        mayExist: (error) => hasCode(error, "CONFLICT"),
        find: () => findByUsername(api, inputs.username),
        isOurs: (existing) => existing.username === inputs.username && Date.parse(existing.created_time ?? "") >= started - 60_000 && (inputs.email === undefined || existing.email === inputs.email),
        conflictHint: "set adoptExisting: true to take over the existing user, or choose another username (usernames are case-sensitive)",
        notFoundHint: "the server said the username is taken, yet no user has it: check for a user whose username differs only in case",
      });
      const outs = toOutputs(user, inputs);
      try {
        return { id: user.guid, outs: await converge(api, outs, inputs) };
      } catch (error) {
        throw partialCreate(user.guid, outs, inputs, `${created ? "created" : "adopted"} Connect user ${inputs.username} but could not apply its settings`, error);
      }
    },

    async read(id, props: Partial<UserOutputs>) {
      const user = await readOrGone(deps.logger(), `Connect user ${props.username ?? id}`, () => readers.of(props.account).read(id, userSource(deps.api(props.account))));
      return user ? { id, props: toOutputs(user, props) } : {};
    },

    async update(_id, olds: UserOutputs, news: UserInputs) {
      return { outs: await converge(tracked(news.account), olds, news) };
    },

    async delete(id, props: Partial<UserOutputs>) {
      // Locking a locked user is accepted: a user already locked or gone counts as done.
      await applyDeletePolicy(props.onDelete ?? "lock", { lock: () => tracked(props.account).lock(id, true) });
    },
  };
}

/** POST the user; a server whose users come from its directory (code 120) imports it instead. */
async function pushOrImport(api: UsersApi, inputs: UserInputs): Promise<ApiUser> {
  try {
    return await api.create(createBody(inputs));
  } catch (error) {
    if (apiCode(error) !== "120") throw error;
  }
  const search = `/v1/users/remote?prefix=${encodeURIComponent(inputs.username)}`;
  const match = (await api.searchRemote(inputs.username)).results.find((u) => u.username === inputs.username);
  const fail = (code: ApiError["code"], summary: string, hint: string) => new ApiError({ code, service: "Connect", method: "GET", path: search, status: 200, hint }, summary);
  if (!match) throw fail("NOT_FOUND", `no user named ${inputs.username} in the Connect server's directory (LDAP or Google)`, "this server imports its users from its directory: use the username exactly as the directory has it (case-sensitive)");
  if (match.guid) throw fail("CONFLICT", `Connect user ${inputs.username} already exists (GET ${search} lists it with guid ${match.guid})`, "");
  if (!match.temp_ticket) throw fail("INVALID_RESPONSE", `the directory search listed ${inputs.username} without a temp_ticket`, "report it: the API answered in a shape this provider does not know");
  return api.importRemote(match.temp_ticket);
}

/** The user named exactly `username` (a prefix search answers every user whose names start with it). */
async function findByUsername(api: UsersApi, username: string): Promise<ApiUser> {
  const found = (await api.page(undefined, { prefix: username })).items.find((u) => u.username === username);
  if (found) return found;
  throw new ApiError({ code: "NOT_FOUND", service: "Connect", method: "GET", path: `/v1/users?prefix=${encodeURIComponent(username)}` }, `no Connect user named ${username}`);
}

/** Brings the server's user (`current`) to the inputs: PUT what differs, lock or unlock, then read it back. */
async function converge(api: UsersApi, current: UserOutputs, inputs: UserInputs): Promise<UserOutputs> {
  const body = updateBody(current, inputs);
  const lock = lockChange(current, inputs);
  if (!body && lock === undefined) {
    const { account: _a, adoptExisting: _o, onDelete: _d, ...server } = current;
    return { ...server, ...keptSettings(inputs) };
  }
  if (body) {
    try {
      await api.update(current.guid, body);
    } catch (error) {
      const code = apiCode(error);
      if (code === undefined || !Object.hasOwn(refusedEdits, code)) throw error;
      const fields = code === "36" ? ["username"] : changedFields(current, inputs);
      throw (error as ApiError).with(
        { hint: `set ${fields.join(", ")} to the server's value (or leave ${fields.length > 1 ? "them" : "it"} unset) so that the rest can be managed` },
        `Connect refused to change ${fields.join(", ")} of user ${current.username}: ${refusedEdits[code]} (PUT ${(error as ApiError).path} answered ${(error as ApiError).status})`,
      );
    }
  }
  if (lock !== undefined) await api.lock(current.guid, lock);
  // PUT answers an EditableUser and the lock nothing: the whole user comes from a read.
  return toOutputs(await api.get(current.guid), inputs);
}

function apiCode(error: unknown): string | undefined {
  const code = (error as { apiCode?: unknown } | undefined)?.apiCode;
  return typeof code === "string" ? code : undefined;
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default connect.hostInstance(connectUserProvider({ api: (account) => usersApi(connect.client(account)), logger: () => connect.logger() }));
