import type * as pulumi from "@pulumi/pulumi";
import { ApiError, hasCode } from "../../core/errors";
import { applyDeletePolicy, pureMethods, readResult } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { allItems } from "../../core/paging";
import { annotatorRuleBroken, memberId, parseMemberId } from "../members";
import { organizationsApi, type OrganizationsApi } from "../organization-memberships/api";
import { arize } from "../profile";
import { usersApi, type UsersApi } from "../users/api";
import { spacesApi, type SpacesApi } from "./api";
import { organizationOfSpace } from "./lookups";
import { addBody, checkSpaceMembership, diffSpaceMembership, inputsOf, outputs, toOutputs } from "./logic";
import type { SpaceMembershipInputs, SpaceMembershipOutputs } from "./schema";

export interface SpaceMembershipDeps {
  api: (account?: string) => { spaces: SpacesApi; organizations: OrganizationsApi; users: UsersApi };
  logger: () => Logger;
}

/**
 * The lifecycle of ArizeSpaceMembership (id `<spaceId>:<userId>`):
 *   create → POST /v2/spaces/{space_id}/users {user_id, role: {type: PREDEFINED, name}}: an upsert.
 *            A 400 is explained with reads only: the ANNOTATOR rule (GET /v2/users/{user_id}), else
 *            the user is not in the space's organization, which is named (GET /v2/organizations,
 *            GET /v2/spaces?org_id= until the space is found)
 *   read   → GET /v2/role-bindings?resource_type=SPACE&user_id= (cursor pages) for the binding on
 *            this space; its role's name by GET /v2/roles/{role_id} (cached). No binding → gone.
 *   update → the same POST with the new role (onDelete alone sends nothing)
 *   delete → DELETE /v2/spaces/{space_id}/users/{user_id}; 404 (not a member) → done
 */
export function arizeSpaceMembershipProvider(deps: SpaceMembershipDeps): pulumi.dynamic.ResourceProvider {
  const roleNames = new Map<string, Promise<string>>();
  const roleName = (spaces: SpacesApi, roleId: string) => {
    let name = roleNames.get(roleId);
    if (!name) {
      name = spaces.role(roleId).then((role) => (role.is_predefined ? role.name.toUpperCase() : `CUSTOM:${role.id}`));
      name.catch(() => roleNames.delete(roleId));
      roleNames.set(roleId, name);
    }
    return name;
  };

  const add = async (inputs: SpaceMembershipInputs) => {
    const api = deps.api(inputs.account);
    try {
      return await api.spaces.addUser(inputs.spaceId, addBody(inputs));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (hasCode(error, "NOT_FOUND")) throw error.with({ hint: "check spaceId and userId: the space or the user does not exist, or the API key cannot see it" });
      if (!hasCode(error, "BAD_REQUEST")) throw error;
      const broken = await annotatorRuleBroken(api.users, error, inputs.userId, inputs.role, "space");
      if (broken) throw broken;
      throw await notInOrganization(api, error, inputs);
    }
  };

  return {
    ...pureMethods({ check: checkSpaceMembership, diff: diffSpaceMembership }),

    async create(inputs: SpaceMembershipInputs) {
      const member = await add(inputs);
      return { id: memberId(inputs.spaceId, inputs.userId), outs: toOutputs(member, inputs) };
    },

    async read(id, props: Partial<SpaceMembershipOutputs>) {
      const parsed = parseMemberId(id);
      const spaceId = props.spaceId ?? parsed?.containerId;
      const userId = props.userId ?? parsed?.userId;
      if (!spaceId || !userId) throw new Error(`Arize space membership ${id}: the id must be <spaceId>:<userId>`);
      const { spaces } = deps.api(props.account);
      let binding;
      for await (const b of allItems((cursor) => spaces.bindings(cursor, userId))) {
        if (b.resource_id === spaceId) {
          binding = b;
          break;
        }
      }
      if (!binding) {
        deps.logger().warn(`Arize space membership of user ${userId} in space ${spaceId} no longer exists (no role binding on the space); refresh removes it from the stack`);
        return {};
      }
      const outs = outputs(spaceId, userId, await roleName(spaces, binding.role_id), binding.id, props);
      return readResult({ inputsOf, diff: diffSpaceMembership }, id, props, outs);
    },

    async update(_id, olds: SpaceMembershipOutputs, news: SpaceMembershipInputs) {
      const member = olds.role !== news.role ? await add(news) : undefined;
      return { outs: member ? toOutputs(member, news) : { ...olds, ...news, membershipId: olds.membershipId } };
    },

    async delete(id, props: Partial<SpaceMembershipOutputs>) {
      const parsed = parseMemberId(id);
      const spaceId = props.spaceId ?? parsed?.containerId ?? "";
      const userId = props.userId ?? parsed?.userId ?? "";
      await applyDeletePolicy(props.onDelete ?? "delete", { delete: () => deps.api(props.account).spaces.removeUser(spaceId, userId) });
    },
  };
}

/**
 * A 400 that is not the ANNOTATOR rule: the user is not a member of the space's organization
 * (Arize does not enroll them). `Space` carries no organization id, so it is found by listing
 * each organization's spaces; the error names it, or says it could not be found.
 */
async function notInOrganization(api: ReturnType<SpaceMembershipDeps["api"]>, failed: ApiError, inputs: SpaceMembershipInputs): Promise<ApiError> {
  let where = "the space's organization";
  try {
    const found = await organizationOfSpace(api, inputs.spaceId);
    if (found) where = `organization ${JSON.stringify(found.organization.name)} (${found.organization.id}), to which space ${JSON.stringify(found.space.name)} belongs`;
  } catch {
    // The explanation is best effort: the 400 stands either way.
  }
  return failed.with(
    { hint: "add the user to that organization first (an ArizeOrganizationMembership the space membership depends on): Arize does not enroll space members in the organization" },
    `Arize user ${inputs.userId} is not a member of ${where}, so it cannot join space ${inputs.spaceId} (${failed.method} ${failed.path} answered ${failed.status})`,
  );
}

export const spaceMembershipDeps: SpaceMembershipDeps = {
  api: (account) => {
    const client = arize.client(account);
    return { spaces: spacesApi(client), organizations: organizationsApi(client), users: usersApi(client) };
  },
  logger: () => arize.logger(),
};

/** The instance the provider host runs: one per process, configured from the stack. */
export default arize.hostInstance(arizeSpaceMembershipProvider(spaceMembershipDeps));
