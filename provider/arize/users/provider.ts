import type * as pulumi from "@pulumi/pulumi";
import { AccountReaders } from "../../core/burst-reader";
import { ApiError, hasCode } from "../../core/errors";
import { applyDeletePolicy, createOrAdopt, partialCreate, readOrGone, readResult } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { arize } from "../profile";
import { findByEmail, usersApi, type UsersApi } from "./api";
import { checkUser, createBody, diffUser, inputsOf, keptSettings, sameEmail, toOutputs, triggerDue, updateBody } from "./logic";
import { trackChanges, userSource } from "./reads";
import type { ApiUser, UserInputs, UserOutputs } from "./schema";

/**
 * The lifecycle of ArizeUser (resource id = Arize's user id, opaque):
 *   create → POST /v2/users      201 → ours; 200 (an existing invite) or 409 → our own lost create,
 *            adoption (found by GET /v2/users?email=…, exact case-insensitive match), or an error
 *            naming adoptExisting; 409 with no such user → the email was burnt by a delete
 *            (+ PATCH when adopting a user whose name or is_developer differ)
 *   read   → GET /v2/users/{id}  404 → gone; during a refresh burst, served from cursor pages
 *   update → PATCH /v2/users/{id} with only name/is_developer, never empty;
 *            POST …/resend-invitation and …/reset-password when their triggers change; a changed
            resend trigger on an EXPIRED user (GET first) renews the invitation with POST /v2/users
            instead (201, no delete); then GET /v2/users/{id} unless the PATCH answer is current
 *   delete → DELETE /v2/users/{id} 404 → already done (terminal: the email can never be invited again)
 * Each call goes to the account the resource names (core/account.ts). This module runs inside the
 * provider host and is never serialized (see core/dynamic-loader.ts).
 */
export function arizeUserProvider(deps: { api: (account?: string) => UsersApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  const readers = new AccountReaders<ApiUser>();
  const tracked = (account: string | undefined) => trackChanges(readers.of(account), deps.api(account));
  return {
    async check(olds, news) {
      return checkUser(olds ?? {}, news);
    },

    async diff(_id, olds, news) {
      const { changes, replaces, warnings } = diffUser(olds, news);
      for (const warning of warnings) deps.logger().warn(`Arize user ${String(olds.email)}: ${warning}`);
      return { changes, replaces, deleteBeforeReplace: false };
    },

    async create(inputs: UserInputs) {
      const api = tracked(inputs.account);
      const started = Date.now();
      let temporaryPassword: string | undefined;
      let invite: ApiUser | undefined;
      const { resource: user } = await createOrAdopt<ApiUser>({
        what: `Arize user ${inputs.email}`,
        adoptExisting: inputs.adoptExisting,
        create: async () => {
          const answer = await api.create(createBody(inputs));
          if (answer.status === 201) {
            temporaryPassword = answer.data.temporary_password;
            return answer.data;
          }
          // 200: the API handed back an existing invitation for this email, not a new user.
          invite = answer.data;
          throw new ApiError({ code: "CONFLICT", service: "Arize", method: "POST", path: "/v2/users", status: 200, ambiguous: answer.ambiguous, apiMessages: ["an invitation for this email exists already"] });
        },
        mayExist: (error) => hasCode(error, "CONFLICT"),
        find: async () => invite ?? (await findByEmail(api, inputs.email)),
        isOurs: (existing) => sameEmail(existing.email, inputs.email) && Date.parse(existing.created_at ?? "") >= started - 60_000,
        refuseAdoption: (existing) => toOutputs(existing, inputs).role === inputs.role ? undefined : {
          message: `cannot adopt Arize user ${inputs.email}: its role is ${toOutputs(existing, inputs).role}, not ${inputs.role}, and a role cannot change through the API`,
          hint: `set role: "${toOutputs(existing, inputs).role}", or change the role in Arize first`,
        },
        conflictHint: "set adoptExisting: true to manage the existing Arize user, or use another email",
        notFoundHint: "use another email address: Arize never lets a deleted user's email be invited again",
        notFoundMessage: `the email ${inputs.email} belonged to an Arize user that was deleted, and can never be invited again (POST /v2/users answered 409 and no user has it)`,
      });
      const kept = keptSettings(inputs, temporaryPassword);
      let outs = toOutputs(user, kept);
      const patch = updateBody(outs, inputs);
      if (patch) {
        try {
          outs = toOutputs(await api.update(user.id, patch), kept);
        } catch (error) {
          throw partialCreate(user.id, outs, inputs, `adopted Arize user ${inputs.email} but could not set its name and isDeveloper`, error);
        }
      }
      return { id: user.id, outs };
    },

    async read(id, props: Partial<UserOutputs>) {
      // userId follows a renewed invitation that Arize answered with another user (see update).
      const userId = props.userId ?? id;
      const user = await readOrGone(deps.logger(), `Arize user ${userId}`, () => readers.of(props.account).read(userId, userSource(deps.api(props.account))));
      if (!user) return {};
      // On drift, the inputs in state take the server's value where the next up would change it (see
      // core DriftLogic): a role changed in Arize is then accepted by setting it (see checkUser).
      return readResult({ inputsOf, diff: diffUser }, user.id, props, toOutputs(user, keptSettings(props)));
    },

    async update(id, olds: UserOutputs, news: UserInputs) {
      if (olds.role !== news.role) {
        throw new Error(`Arize user ${news.email} has role ${olds.role}; a role cannot change through the API: change it in Arize, run \`pulumi refresh\`, then set role to match`);
      }
      const api = tracked(news.account);
      const userId = olds.userId ?? id;
      // inviteMode is what the create used; a later change has no effect (diffUser warns).
      const inviteMode = olds.inviteMode ?? news.inviteMode;
      const patch = updateBody(olds, news);
      const patched = patch ? await api.update(userId, patch) : undefined;
      let temporaryPassword = olds.temporaryPassword;
      let current = userId;
      const resend = triggerDue(olds.resendInvitationTrigger, news.resendInvitationTrigger);
      if (resend) {
        const renewed = await resendOrRenew(api, userId, { ...news, role: olds.role, inviteMode });
        current = renewed.id;
        if (renewed.temporaryPassword) temporaryPassword = renewed.temporaryPassword;
      }
      const reset = triggerDue(olds.passwordResetTrigger, news.passwordResetTrigger);
      if (reset) await api.resetPassword(current);
      const kept = keptSettings({ ...news, inviteMode }, temporaryPassword);
      // A trigger moves the status (a renewal may even answer another user): the outputs are what a
      // GET says now; the PATCH answer is that already when no trigger fired.
      const user = patched && !resend && !reset ? patched : await api.get(current);
      return { outs: toOutputs(user, kept) };
    },

    async delete(id, props: Partial<UserOutputs>) {
      await applyDeletePolicy(props.onDelete ?? "delete", { delete: () => tracked(props.account).remove(props.userId ?? id) });
    },
  };
}

/**
 * A changed resendInvitationTrigger. Arize resends only to a user who is INVITED; an EXPIRED
 * invitation is renewed by creating the user again (POST /v2/users answers 201 with a new
 * invitation), never by a delete, which would burn the email. The status is read first: it moves
 * on its own. Answers the user that now holds the invitation, and a new temporary password if any.
 */
async function resendOrRenew(api: UsersApi, userId: string, inputs: UserInputs): Promise<{ id: string; temporaryPassword?: string }> {
  const user = await api.get(userId);
  if (user.status !== "EXPIRED") {
    await api.resendInvitation(userId);
    return { id: userId };
  }
  // NONE invites no one (the user is ACTIVE at once): a renewal mails a link instead.
  const inviteMode = inputs.inviteMode === "NONE" ? "EMAIL_LINK" : inputs.inviteMode;
  const answer = await api.create(createBody({ ...inputs, email: user.email, inviteMode }));
  // 200: the invitation was renewed meanwhile (INVITED again): nothing more to send.
  return { id: answer.data.id, ...(answer.status === 201 && answer.data.temporary_password ? { temporaryPassword: answer.data.temporary_password } : {}) };
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default arize.hostInstance(arizeUserProvider({ api: (account) => usersApi(arize.client(account)), logger: () => arize.logger() }));
