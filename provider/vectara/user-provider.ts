import type * as pulumi from "@pulumi/pulumi";
import { hasCode, type ApiError } from "../core/errors";
import type { Logger } from "../core/log";
import { usersApi, type UsersApi } from "./api";
import { hostInstance, vectaraClient, vectaraLogger } from "./connection";
import type { ApiUser, OneTimeCode, UserInputs, UserOutputs } from "./schema";
import { checkUser, createBody, diffUser, keptSettings, oneTimeCode, resetDue, sameEmail, toOutputs, updateBody } from "./user-logic";
import { readUser, trackChanges } from "./user-reads";

/**
 * The lifecycle of VectaraUser (resource id = username):
 *   create → POST /v2/users (+ PATCH when the inputs say more than a create can: enabled false, adoption)
 *   read   → GET /v2/users/{username}           404 → gone; during a refresh burst, served from
 *            GET /v2/users list pages instead (user-reads.ts, core/burst-reader.ts)
 *   update → PATCH /v2/users/{username}         only what changed
 *            POST /v2/users/{username}/reset_password when passwordResetTrigger changes
 *   delete → DELETE /v2/users/{username}        404 → already done; or PATCH enabled=false; or nothing (onDelete)
 * This module runs inside the provider host and is never serialized (see core/dynamic-loader.ts).
 */
export function vectaraUserProvider(deps: { api: () => UsersApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  return {
    async check(_olds, news) {
      return checkUser(news);
    },

    async diff(_id, olds, news) {
      const { changes, replaces, deleteBeforeReplace } = diffUser(olds, news);
      return { changes, replaces, deleteBeforeReplace };
    },

    async create(inputs: UserInputs) {
      const api = trackChanges(deps, deps.api());
      const started = Date.now();
      let user: ApiUser;
      let code: OneTimeCode = {};
      try {
        const created = (await api.create(createBody(inputs))).data;
        user = created;
        code = oneTimeCode(created);
      } catch (error) {
        user = await existingUserFor(api, inputs, error, started);
      }
      const kept = keptSettings(inputs, code);
      let outs = toOutputs(user, kept, inputs.username);
      const patch = updateBody(outs, inputs);
      if (patch) {
        try {
          outs = toOutputs((await api.update(inputs.username, patch)).data, kept, inputs.username);
        } catch (error) {
          // The user exists: keep it in state ("created but failed to initialize") rather than orphan it.
          // The host stores these properties as given, without adding __provider; without it a
          // later read or delete of this resource could not load the provider.
          const properties = { ...outs, __provider: (inputs as { __provider?: unknown }).__provider };
          throw Object.assign(new Error(`created Vectara user ${inputs.username} but could not apply its settings: ${(error as Error).message}`), {
            id: inputs.username, properties, reasons: [(error as Error).message],
          });
        }
      }
      return { id: inputs.username, outs };
    },

    async read(id, props: Partial<UserOutputs>) {
      try {
        const user = await readUser(deps, deps.api(), id);
        return { id, props: toOutputs(user, keptSettings(props), id) };
      } catch (error) {
        if (!hasCode(error, "NOT_FOUND")) throw error;
        deps.logger().warn(`Vectara user ${id} no longer exists; refresh removes it from the stack`);
        return {};
      }
    },

    async update(id, olds: UserOutputs, news: UserInputs) {
      const api = trackChanges(deps, deps.api());
      const patch = updateBody(olds, news);
      const user = patch ? (await api.update(id, patch)).data : undefined;
      // POST /v2/users/{username}/reset_password when the trigger changes; its code replaces any older one.
      const code = resetDue(olds.passwordResetTrigger, news.passwordResetTrigger) ? oneTimeCode((await api.resetPassword(id)).data) : olds;
      const kept = keptSettings(news, code);
      if (user) return { outs: toOutputs(user, kept, id) };
      const { adoptExisting: _a, onDelete: _o, passwordResetTrigger: _p, oneTimeCode: _c, oneTimeCodeLink: _l, ...server } = olds;
      return { outs: { ...server, ...kept } };
    },

    async delete(id, props: Partial<UserOutputs>) {
      const policy = props.onDelete ?? "delete";
      if (policy === "retain") return;
      try {
        if (policy === "disable") await trackChanges(deps, deps.api()).update(id, { enabled: false });
        else await trackChanges(deps, deps.api()).remove(id);
      } catch (error) {
        if (!hasCode(error, "NOT_FOUND")) throw error;
      }
    },
  };
}

/**
 * A create that failed because the username is taken. The spec leaves the status open (400 with
 * field_errors, or 409), so any 400/409 is confirmed by looking the user up.
 * - our own create, applied by an earlier attempt whose answer was lost → it is ours;
 * - adoptExisting → take it over (its email must match: email cannot be changed);
 * - otherwise → an error that names the flag.
 */
async function existingUserFor(api: UsersApi, inputs: UserInputs, error: unknown, started: number): Promise<ApiUser> {
  if (!hasCode(error, "BAD_REQUEST") && !hasCode(error, "CONFLICT")) throw error;
  const failed = error as ApiError;
  let existing: ApiUser;
  try {
    existing = (await api.get(inputs.username)).data;
  } catch (lookup) {
    if (hasCode(lookup, "NOT_FOUND")) throw failed.with({ hint: "fix the inputs named above" });
    throw lookup;
  }
  if (failed.ambiguous && isOurCreate(existing, inputs, started)) return existing;
  if (!inputs.adoptExisting) {
    throw failed.with({ code: "CONFLICT", hint: "set adoptExisting: true to take over an existing user, or choose another username" },
      `Vectara user ${inputs.username} already exists (${failed.method} ${failed.path} answered ${failed.status})`);
  }
  if (!sameEmail(existing.email, inputs.email)) {
    throw failed.with({ code: "CONFLICT", hint: "an email cannot be changed in place: use the existing email, or another username" },
      `cannot adopt Vectara user ${inputs.username}: it has email ${existing.email}, not ${inputs.email}`);
  }
  return existing;
}

/** Same attributes as we sent, created after this operation started (with a minute of clock skew). */
function isOurCreate(user: ApiUser, inputs: UserInputs, started: number): boolean {
  const created = user.created_at ? Date.parse(user.created_at) : NaN;
  const outs = toOutputs(user, inputs, inputs.username);
  return sameEmail(user.email, inputs.email) && created >= started - 60_000 && updateBody(outs, { ...inputs, enabled: outs.enabled }) === undefined;
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default hostInstance(vectaraUserProvider({ api: () => usersApi(vectaraClient()), logger: vectaraLogger }));
