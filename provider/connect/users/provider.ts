import type * as pulumi from "@pulumi/pulumi";
import { AccountReaders } from "../../core/burst-reader";
import { ApiError, hasCode } from "../../core/errors";
import { applyDeletePolicy, createOrAdopt, partialCreate, pureMethods, readOrGone, readResult } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { connect } from "../profile";
import { usersApi, type UsersApi } from "./api";
import { changedFields, checkUser, createBody, diffUser, inputsOf, keptSettings, lockChange, refusedEdits, refusesExternalId, toOutputs, updateBody, type ExternalIdField } from "./logic";
import { trackChanges, userSource } from "./reads";
import type { ApiUser, UserInputs, UserOutputs } from "./schema";

/**
 * The lifecycle of ConnectUser (resource id = the user's guid, which the server assigns):
 *   create → POST /v1/users (answers 200), externalId as external_id; a 400 that says the server
 *            does not know it (2023 generation) → the same POST with unique_id, remembered for the
 *            account; on an LDAP or Google server (code 120) instead
 *            GET /v1/users/remote?prefix=<username> and PUT /v1/users {temp_ticket} of the exact match;
 *            then PUT /v1/users/{guid} and POST …/lock when the inputs say more than the create did
 *   read   → GET /v1/users/{guid}               404 → gone; during a refresh burst, served from
 *            GET /v1/users pages of 500 instead (reads.ts, core/burst-reader.ts)
 *   update → PUT /v1/users/{guid}               only what changed (its answer is not the whole user)
 *            POST /v1/users/{guid}/lock {locked} when `locked` changes; then GET /v1/users/{guid}
 *            (also when nothing is sent: the outputs are the server's user as it is now)
 *   delete → POST /v1/users/{guid}/lock {locked: true} (404 → done), or nothing (onDelete: retain):
 *            Connect has no delete endpoint
 * Before any lock: GET /v1/user (once per account per provider instance): the API key's own user
 * is never locked (posit-sdk-py refuses it too: a locked key owner locks the automation out).
 * Each call goes to the account the resource names (core/account.ts). This module runs inside the
 * provider host and is never serialized (see core/dynamic-loader.ts).
 */
export function connectUserProvider(deps: { api: (account?: string) => UsersApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  const readers = new AccountReaders<ApiUser>();
  const tracked = (account: string | undefined) => trackChanges(readers.of(account), deps.api(account));
  /** The guid of each account's API key owner (GET /v1/user), asked once; undefined: the key has no user. */
  const owners = new Map<string, Promise<string | undefined>>();
  const ownGuid = (account: string | undefined): Promise<string | undefined> => {
    const key = account ?? "";
    let owner = owners.get(key);
    if (!owner) {
      owner = deps.api(account).currentUser().then((u) => u.guid, (error: unknown) => {
        owners.delete(key);
        if (hasCode(error, "NOT_FOUND")) return undefined;
        throw error;
      });
      owners.set(key, owner);
    }
    return owner;
  };
  /** Refuses, before anything is sent, to lock the API key's own user. */
  const guardLock = async (account: string | undefined, guid: string, username: string | undefined, context: string): Promise<void> => {
    if ((await ownGuid(account)) !== guid) return;
    throw new ApiError(
      {
        code: "CONFLICT", service: "Connect", method: "POST", path: `/v1/users/${encodeURIComponent(guid)}/lock`,
        hint: `${context}, or manage this user with another administrator's API key`,
      },
      `refusing to lock Connect user ${username ?? guid} (guid ${guid}): it is the API key's own account (GET /v1/user), and locking it would lock this automation out of the server; nothing was sent`,
    );
  };
  /** Accounts whose server knows only unique_id (the 2023 generation), learnt from a refused create. */
  const uniqueIdOnly = new Set<string>();
  return {
    ...pureMethods({ check: checkUser, diff: diffUser }, { deleteBeforeReplace: false }),

    async create(inputs: UserInputs) {
      const api = tracked(inputs.account);
      const started = Date.now();
      const { resource: user, created } = await createOrAdopt<ApiUser>({
        what: `Connect user ${inputs.username}`,
        adoptExisting: inputs.adoptExisting,
        create: () => pushOrImport(api, inputs, uniqueIdOnly),
        // Code 8 (username taken) answers 409.
        mayExist: (error) => hasCode(error, "CONFLICT"),
        find: () => findByUsername(api, inputs.username),
        isOurs: (existing) => existing.username === inputs.username && Date.parse(existing.created_time ?? "") >= started - 60_000 && (inputs.email === undefined || existing.email === inputs.email),
        conflictHint: "set adoptExisting: true to take over the existing user, or choose another username (usernames are case-sensitive)",
        notFoundHint: "the server said the username is taken, yet no user has it: check for a user whose username differs only in case",
      });
      const outs = toOutputs(user, inputs);
      try {
        // The create's (or the lookup's) answer is the user as it is: read back only after a change.
        return { id: user.guid, outs: await converge(api, outs, inputs, guardLock, false) };
      } catch (error) {
        throw partialCreate(user.guid, outs, inputs, `${created ? "created" : "adopted"} Connect user ${inputs.username} but could not apply its settings`, error);
      }
    },

    async read(id, props: Partial<UserOutputs>) {
      const user = await readOrGone(deps.logger(), `Connect user ${props.username ?? id}`, () => readers.of(props.account).read(id, userSource(deps.api(props.account))));
      // On drift, the inputs in state change where the next up will (see core DriftLogic).
      return user ? readResult({ inputsOf, diff: diffUser }, id, props, toOutputs(user, props)) : {};
    },

    async update(_id, olds: UserOutputs, news: UserInputs) {
      return { outs: await converge(tracked(news.account), olds, news, guardLock, true) };
    },

    async delete(id, props: Partial<UserOutputs>) {
      // Locking a locked user is accepted: a user already locked or gone counts as done.
      await applyDeletePolicy(props.onDelete ?? "lock", {
        lock: async () => {
          await guardLock(props.account, id, props.username, 'set onDelete: "retain" on this user (then run `pulumi up` before removing it) so that removing it leaves the account alone');
          return tracked(props.account).lock(id, true);
        },
      });
    },
  };
}

/**
 * POST the user; a server whose users come from its directory (code 120) imports it instead. The
 * externalId goes as external_id; a server that says it does not know that name (the 2023
 * generation) gets the same POST with unique_id, its deprecated alias, and is remembered.
 */
async function pushOrImport(api: UsersApi, inputs: UserInputs, uniqueIdOnly: Set<string>): Promise<ApiUser> {
  const account = inputs.account ?? "";
  const post = (field: ExternalIdField) => api.create(createBody(inputs, field));
  try {
    if (inputs.externalId === undefined || !uniqueIdOnly.has(account)) {
      try {
        return await post("external_id");
      } catch (error) {
        if (inputs.externalId === undefined || !refusesExternalId(error)) throw error;
        uniqueIdOnly.add(account);
      }
    }
    return await post("unique_id");
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

/**
 * Brings the server's user (`current`) to the inputs: PUT what differs, lock or unlock, then read
 * it back. A lock of the API key's own user is refused before anything is sent. `readBack`: read
 * the user even when nothing is sent (an update's state may be older than the server).
 */
async function converge(api: UsersApi, current: UserOutputs, inputs: UserInputs, guardLock: GuardLock, readBack: boolean): Promise<UserOutputs> {
  const body = updateBody(current, inputs);
  const lock = lockChange(current, inputs);
  if (lock === true) await guardLock(inputs.account, current.guid, current.username, "set locked: false on this user");
  if (!body && lock === undefined) {
    if (readBack) return toOutputs(await api.get(current.guid), inputs);
    const { account: _a, adoptExisting: _o, onDelete: _d, userMustSetPassword: _m, unsetInputs: _u, ...server } = current;
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

type GuardLock = (account: string | undefined, guid: string, username: string | undefined, context: string) => Promise<void>;

function apiCode(error: unknown): string | undefined {
  const code = (error as { apiCode?: unknown } | undefined)?.apiCode;
  return typeof code === "string" ? code : undefined;
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default connect.hostInstance(connectUserProvider({ api: (account) => usersApi(connect.client(account)), logger: () => connect.logger() }));
