import type * as pulumi from "@pulumi/pulumi";
import { ApiError, hasCode } from "../../core/errors";
import { applyDeletePolicy, pureMethods, readOrGone } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { annotatorRuleBroken, memberId, parseMemberId } from "../members";
import { arize } from "../profile";
import { usersApi, type UsersApi } from "../users/api";
import { organizationsApi, type OrganizationsApi } from "./api";
import { addBody, checkOrganizationMembership, diffOrganizationMembership, toOutputs } from "./logic";
import type { OrganizationMembershipInputs, OrganizationMembershipOutputs } from "./schema";

export interface OrganizationMembershipDeps {
  api: (account?: string) => { organizations: OrganizationsApi; users: UsersApi };
  logger: () => Logger;
}

/**
 * The lifecycle of ArizeOrganizationMembership (id `<organizationId>:<userId>`):
 *   create → POST /v2/organizations/{org_id}/users {user_id, role: {type: PREDEFINED, name}}: an
 *            upsert (an existing membership is taken over, its role set); a 400 is read against
 *            the ANNOTATOR rule with GET /v2/users/{user_id}
 *   read   → the API has no read of a membership: GET /v2/organizations/{org_id} and
 *            GET /v2/users/{user_id}; either 404 → gone. Anything else keeps the state as it is.
 *   update → the same POST with the new role (onDelete alone sends nothing)
 *   delete → DELETE /v2/organizations/{org_id}/users/{user_id} (also leaves the org's spaces); 404 → done
 */
export function arizeOrganizationMembershipProvider(deps: OrganizationMembershipDeps): pulumi.dynamic.ResourceProvider {
  const add = async (inputs: OrganizationMembershipInputs) => {
    const { organizations, users } = deps.api(inputs.account);
    try {
      return await organizations.addUser(inputs.organizationId, addBody(inputs));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const broken = await annotatorRuleBroken(users, error, inputs.userId, inputs.role, "organization");
      if (broken) throw broken;
      if (hasCode(error, "NOT_FOUND")) throw error.with({ hint: "check organizationId and userId: the organization or the user does not exist, or the API key cannot see it" });
      throw error;
    }
  };
  return {
    ...pureMethods({ check: checkOrganizationMembership, diff: diffOrganizationMembership }),

    async create(inputs: OrganizationMembershipInputs) {
      const member = await add(inputs);
      return { id: memberId(inputs.organizationId, inputs.userId), outs: toOutputs(member, inputs) };
    },

    async read(id, props: Partial<OrganizationMembershipOutputs>) {
      const parsed = parseMemberId(id);
      const organizationId = props.organizationId ?? parsed?.containerId;
      const userId = props.userId ?? parsed?.userId;
      if (!organizationId || !userId) throw new Error(`Arize organization membership ${id}: the id must be <organizationId>:<userId>`);
      const { organizations, users } = deps.api(props.account);
      const what = `Arize organization membership of user ${userId} in organization ${organizationId}:`;
      const org = await readOrGone(deps.logger(), `${what} the organization`, () => organizations.get(organizationId));
      if (!org) return {};
      const user = await readOrGone(deps.logger(), `${what} the user`, () => users.get(userId));
      if (!user) return {};
      // Nothing else can be seen: the state stays as it was (see the reference notes).
      return { id, props: { ...props, organizationId, userId, onDelete: props.onDelete ?? "delete" } };
    },

    async update(_id, olds: OrganizationMembershipOutputs, news: OrganizationMembershipInputs) {
      const member = olds.role !== news.role ? await add(news) : undefined;
      return { outs: member ? toOutputs(member, news) : { ...olds, ...news, membershipId: olds.membershipId } };
    },

    async delete(id, props: Partial<OrganizationMembershipOutputs>) {
      const parsed = parseMemberId(id);
      const organizationId = props.organizationId ?? parsed?.containerId ?? "";
      const userId = props.userId ?? parsed?.userId ?? "";
      await applyDeletePolicy(props.onDelete ?? "delete", { delete: () => deps.api(props.account).organizations.removeUser(organizationId, userId) });
    },
  };
}

export const organizationMembershipDeps: OrganizationMembershipDeps = {
  api: (account) => ({ organizations: organizationsApi(arize.client(account)), users: usersApi(arize.client(account)) }),
  logger: () => arize.logger(),
};

/** The instance the provider host runs: one per process, configured from the stack. */
export default arize.hostInstance(arizeOrganizationMembershipProvider(organizationMembershipDeps));
