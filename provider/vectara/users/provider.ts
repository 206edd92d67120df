import type * as pulumi from "@pulumi/pulumi";
import { AccountReaders } from "../../core/burst-reader";
import { hasCode, type ApiError } from "../../core/errors";
import { allItems } from "../../core/paging";
import { applyDeletePolicy, createOrAdopt, partialCreate, pureMethods, readOrGone, readResult } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { vectara } from "../profile";
import { usersApi, type UsersApi } from "./api";
import { checkUser, createBody, diffUser, inputsOf, keptSettings, oneTimeCode, resetDue, sameEmail, toOutputs, updateBody } from "./logic";
import { trackChanges, userSource } from "./reads";
import type { ApiUser, OneTimeCode, UserInputs, UserOutputs } from "./schema";

/**
 * The lifecycle of VectaraUser (resource id = username):
 *   create → POST /v2/users (+ PATCH when the inputs say more than a create can: enabled false, adoption)
 *   read   → GET /v2/users/{username}           404 → gone; during a refresh burst, served from
 *            GET /v2/users list pages instead (reads.ts, core/burst-reader.ts)
 *   update → PATCH /v2/users/{username}         only what changed
 *            POST /v2/users/{username}/reset_password when passwordResetTrigger changes
 *   delete → DELETE /v2/users/{username}        404 → already done; or PATCH enabled=false; or nothing (onDelete)
 * Each call goes to the account the resource names (core/account.ts). This module runs inside the
 * provider host and is never serialized (see core/dynamic-loader.ts).
 */
export function vectaraUserProvider(deps: { api: (account?: string) => UsersApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  const readers = new AccountReaders<ApiUser>();
  const tracked = (account: string | undefined) => trackChanges(readers.of(account), deps.api(account));
  return {
    ...pureMethods({ check: checkUser, diff: diffUser }),

    async create(inputs: UserInputs) {
      const api = tracked(inputs.account);
      const started = Date.now();
      let code: OneTimeCode = {};
      const { resource: user } = await createOrAdopt<ApiUser>({
        what: `Vectara user ${inputs.username}`,
        adoptExisting: inputs.adoptExisting,
        create: async () => {
          const created = await api.create(createBody(inputs));
          code = oneTimeCode(created);
          return created;
        },
        // The spec leaves a duplicate's status open (400 with field_errors, or 409): the lookup decides.
        mayExist: (error) => hasCode(error, "BAD_REQUEST") || hasCode(error, "CONFLICT"),
        find: () => api.get(inputs.username),
        isOurs: (existing) => isOurCreate(existing, inputs, started),
        refuseAdoption: (existing) => sameEmail(existing.email, inputs.email) ? undefined : {
          message: `cannot adopt Vectara user ${inputs.username}: it has email ${existing.email}, not ${inputs.email}`,
          hint: "an email cannot be changed in place: use the existing email, or another username",
        },
        conflictHint: "set adoptExisting: true to take over an existing user, or choose another username",
        notFoundHint: "fix the inputs named above",
        // Emails are unique too ("409 Conflict: Username or email already exists"): name the holder.
        heldByAnother: async (failed) => {
          if (!mayBeEmail(failed)) return undefined;
          const holder = await findByEmail(api, inputs.email);
          if (!holder?.username || holder.username === inputs.username) return undefined;
          return {
            message: `cannot create Vectara user ${inputs.username}: email ${inputs.email} belongs to the existing user ${holder.username} (${failed.method} ${failed.path} answered ${failed.status})`,
            hint: `to take that user over, declare it by its username: username: ${JSON.stringify(holder.username)} with adoptExisting: true; or use an email no other user has`,
          };
        },
      });
      const kept = keptSettings(inputs, code);
      let outs = toOutputs(user, kept, inputs.username);
      const patch = updateBody(outs, inputs);
      if (patch) {
        try {
          outs = toOutputs(await api.update(inputs.username, patch), kept, inputs.username);
        } catch (error) {
          throw partialCreate(inputs.username, outs, inputs, `created Vectara user ${inputs.username} but could not apply its settings`, error);
        }
      }
      return { id: inputs.username, outs };
    },

    async read(id, props: Partial<UserOutputs>) {
      const user = await readOrGone(deps.logger(), `Vectara user ${id}`, () => readers.of(props.account).read(id, userSource(deps.api(props.account))));
      // On drift, the inputs in state change where the next up will (see core DriftLogic).
      return user ? readResult({ inputsOf, diff: diffUser }, id, props, toOutputs(user, keptSettings(props), id)) : {};
    },

    async update(id, olds: UserOutputs, news: UserInputs) {
      const api = tracked(news.account);
      const patch = updateBody(olds, news);
      const user = patch ? await api.update(id, patch) : undefined;
      // POST /v2/users/{username}/reset_password when the trigger changes; its code replaces any older one.
      const code = resetDue(olds.passwordResetTrigger, news.passwordResetTrigger) ? oneTimeCode(await api.resetPassword(id)) : olds;
      const kept = keptSettings(news, code);
      if (user) return { outs: toOutputs(user, kept, id) };
      const { account: _n, adoptExisting: _a, onDelete: _o, passwordResetTrigger: _p, oneTimeCode: _c, oneTimeCodeLink: _l, ...server } = olds;
      return { outs: { ...server, ...kept } };
    },

    async delete(id, props: Partial<UserOutputs>) {
      const api = () => tracked(props.account);
      await applyDeletePolicy(props.onDelete ?? "delete", {
        delete: () => api().remove(id),
        disable: () => api().update(id, { enabled: false }),
      });
    },
  };
}

/** A duplicate answer that may be about the email: a 409 (which does not say), or a 400 that names the email. */
function mayBeEmail(failed: ApiError): boolean {
  if (hasCode(failed, "CONFLICT")) return true;
  return failed.fieldErrors?.email !== undefined || (failed.apiMessages ?? []).some((m) => /e-?mail/i.test(m));
}

/** The user holding `email` (compared case-insensitively), from the list pages; reads only. */
async function findByEmail(api: UsersApi, email: string): Promise<ApiUser | undefined> {
  for await (const user of allItems((cursor) => api.page(cursor))) if (sameEmail(user.email, email)) return user;
  return undefined;
}

/** Same attributes as we sent, created after this operation started (with a minute of clock skew). */
function isOurCreate(user: ApiUser, inputs: UserInputs, started: number): boolean {
  const created = user.created_at ? Date.parse(user.created_at) : NaN;
  const outs = toOutputs(user, inputs, inputs.username);
  return sameEmail(user.email, inputs.email) && created >= started - 60_000 && updateBody(outs, { ...inputs, enabled: outs.enabled }) === undefined;
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default vectara.hostInstance(vectaraUserProvider({ api: (account) => usersApi(vectara.client(account)), logger: () => vectara.logger() }));
