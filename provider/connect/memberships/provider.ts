import type * as pulumi from "@pulumi/pulumi";
import { BurstReader } from "../../core/burst-reader";
import type { ApiError } from "../../core/errors";
import { hasCode } from "../../core/errors";
import { doneIfGone, pureMethods, readOrGone, readResult } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { connect } from "../profile";
import { groupsApi, type GroupsApi } from "../groups/api";
import type { ApiMember } from "../groups/schema";
import { checkMembership, diffMembership, inputsOf, membershipOwnedByProvider, toOutputs } from "./logic";
import { memberSource } from "./reads";
import { membershipId, parseMembershipId, type MembershipInputs, type MembershipOutputs } from "./schema";

/**
 * The lifecycle of ConnectGroupMembership (resource id = `<groupGuid>/<userGuid>`):
 *   create → POST /v1/groups/{group}/members {user_guid} (204); already a member (409, code 16) → done
 *   read   → the group's member pages, GET /v1/groups/{group}/members (offset pages of 500): a refresh
 *            of many memberships of one group reads them once (reads.ts, core/burst-reader.ts);
 *            not listed, or the group gone (404) → gone
 *   delete → DELETE /v1/groups/{group}/members/{user} (204; 404 → done)
 * Every input replaces: there is no update. A server whose authentication provider supplies group
 * membership (LDAP, or SAML/OAuth2 with group claims) refuses member changes (code 132): the
 * error says so at the first write.
 */
export function connectGroupMembershipProvider(deps: { api: (account?: string) => GroupsApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  /** One reader per account and group: a group's member pages are its own collection. */
  const readers = new Map<string, BurstReader<ApiMember>>();
  const reader = (account: string | undefined, groupGuid: string) => {
    const key = `${account ?? ""}\n${groupGuid}`;
    let r = readers.get(key);
    if (!r) readers.set(key, (r = new BurstReader<ApiMember>()));
    return r;
  };
  const explain = (error: unknown, m: { groupGuid: string; userGuid: string }, verb: string): unknown => {
    if (!membershipOwnedByProvider(error)) return error;
    const e = error as ApiError;
    return e.with(
      { hint: "manage this membership where the server's authentication provider keeps it (the LDAP directory, or the group claims of the SAML/OAuth2 identity provider), or remove this resource from the program" },
      `Connect refused to ${verb} user ${m.userGuid} ${verb === "add" ? "to" : "from"} group ${m.groupGuid}: on this server the authentication provider supplies group membership, so members cannot be changed through the API (${e.method} ${e.path} answered ${e.status})`,
    );
  };
  return {
    ...pureMethods({ check: checkMembership, diff: diffMembership }, { deleteBeforeReplace: true }),

    async create(inputs: MembershipInputs) {
      const api = deps.api(inputs.account);
      try {
        await reader(inputs.account, inputs.groupGuid).change(inputs.userGuid, () => api.addMember(inputs.groupGuid, inputs.userGuid));
      } catch (error) {
        // Code 16: already a member; the membership the program declares holds.
        if (!((error as ApiError | undefined)?.apiCode === "16" && hasCode(error, "CONFLICT"))) throw explain(error, inputs, "add");
      }
      return { id: membershipId(inputs.groupGuid, inputs.userGuid), outs: toOutputs(inputs) };
    },

    async read(id, props: Partial<MembershipOutputs>) {
      const parsed = parseMembershipId(id);
      const groupGuid = props.groupGuid ?? parsed?.groupGuid;
      const userGuid = props.userGuid ?? parsed?.userGuid;
      if (!groupGuid || !userGuid) throw new Error(`Connect group membership ${id}: the id must be <groupGuid>/<userGuid>`);
      const api = deps.api(props.account);
      const member = await readOrGone(deps.logger(), `Connect group membership of user ${userGuid} in group ${groupGuid}`, () => reader(props.account, groupGuid).read(userGuid, memberSource(api, groupGuid)));
      if (!member) return {};
      const outs = toOutputs({ account: props.account, groupGuid, userGuid });
      return readResult({ inputsOf, diff: diffMembership }, id, props, outs);
    },

    async delete(_id, props: MembershipOutputs) {
      const api = deps.api(props.account);
      try {
        await reader(props.account, props.groupGuid).change(props.userGuid, () => doneIfGone(() => api.removeMember(props.groupGuid, props.userGuid)));
      } catch (error) {
        throw explain(error, props, "remove");
      }
    },
  };
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default connect.hostInstance(connectGroupMembershipProvider({ api: (account) => groupsApi(connect.client(account)), logger: () => connect.logger() }));
