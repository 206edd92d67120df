import type * as pulumi from "@pulumi/pulumi";
import { ApiError, hasCode } from "../../core/errors";
import { allItems } from "../../core/paging";
import { applyDeletePolicy, createOrAdopt, partialCreate, pureMethods, readOrGone, readResult } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { connect } from "../profile";
import { groupsApi, type GroupsApi } from "./api";
import { checkGroup, diffGroup, inputsOf, patchBody, toOutputs } from "./logic";
import type { ApiGroup, GroupInputs, GroupOutputs } from "./schema";

/**
 * The lifecycle of ConnectGroup (resource id = the group's guid, which the server assigns):
 *   create → POST /v1/groups {name} (answers 200); on an LDAP server (code 120) instead
 *            GET /v1/groups/remote?prefix=<name> and PUT /v1/groups {temp_ticket} of the exact match;
 *            then PATCH /v1/groups/{guid} {owner_guid} when `ownerGuid` is set (POST takes no owner)
 *            a taken name (409, code 15) → adopted with adoptExisting, else an error naming it;
 *            the lookup is GET /v1/groups?prefix=<name>, keeping only the exact name
 *   read   → GET /v1/groups/{guid}                 404 → gone
 *   update → PATCH /v1/groups/{guid} {name?, owner_guid?} only what differs
 *   delete → DELETE /v1/groups/{guid} (404 → done), or nothing (onDelete: retain)
 * A server with groups disabled answers 400: the error names Authorization.UserGroups (api.ts).
 */
export function connectGroupProvider(deps: { api: (account?: string) => GroupsApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  return {
    ...pureMethods({ check: checkGroup, diff: diffGroup }, { deleteBeforeReplace: false }),

    async create(inputs: GroupInputs) {
      const api = deps.api(inputs.account);
      const { resource: group, created } = await createOrAdopt<ApiGroup>({
        what: `Connect group ${inputs.name}`,
        adoptExisting: inputs.adoptExisting,
        create: () => pushOrImport(api, inputs.name),
        // Code 15 (group name taken) answers 409.
        mayExist: (error) => hasCode(error, "CONFLICT"),
        find: () => findByName(api, inputs.name),
        // Group has no creation time: after a lost answer, the group of that name is taken as ours.
        isOurs: (existing) => existing.name === inputs.name,
        conflictHint: "set adoptExisting: true to take over the existing group, or choose another name",
        notFoundHint: "the server said the name is taken, yet no group has it exactly: check for a group whose name differs only in case or spacing",
      });
      const outs = toOutputs(group, inputs);
      try {
        return { id: group.guid, outs: await converge(api, outs, inputs) };
      } catch (error) {
        throw partialCreate(group.guid, outs, inputs, `${created ? "created" : "adopted"} Connect group ${inputs.name} but could not apply its settings`, error);
      }
    },

    async read(id, props: Partial<GroupOutputs>) {
      const group = await readOrGone(deps.logger(), `Connect group ${props.name ?? id}`, () => deps.api(props.account).get(id));
      return group ? readResult({ inputsOf, diff: diffGroup }, id, props, toOutputs(group, props)) : {};
    },

    async update(_id, olds: GroupOutputs, news: GroupInputs) {
      return { outs: await converge(deps.api(news.account), olds, news) };
    },

    async delete(id, props: Partial<GroupOutputs>) {
      await applyDeletePolicy(props.onDelete ?? "delete", { delete: () => deps.api(props.account).delete(id) });
    },
  };
}

/** POST the group; a server whose groups come from its directory (code 120) imports it instead. */
async function pushOrImport(api: GroupsApi, name: string): Promise<ApiGroup> {
  try {
    return await api.create(name);
  } catch (error) {
    if ((error as ApiError | undefined)?.apiCode !== "120") throw error;
  }
  const search = `/v1/groups/remote?prefix=${encodeURIComponent(name)}`;
  const match = (await api.searchRemote(name)).results.find((g) => g.name === name);
  const fail = (code: ApiError["code"], summary: string, hint: string) => new ApiError({ code, service: "Connect", method: "GET", path: search, status: 200, hint }, summary);
  if (!match) throw fail("NOT_FOUND", `no group named ${name} in the Connect server's directory (LDAP)`, "this server imports its groups from its directory: use the group's name exactly as the directory has it (case-sensitive)");
  if (match.guid) throw fail("CONFLICT", `Connect group ${name} already exists (GET ${search} lists it with guid ${match.guid})`, "");
  if (!match.temp_ticket) throw fail("INVALID_RESPONSE", `the directory search listed group ${name} without a temp_ticket`, "report it: the API answered in a shape this provider does not know");
  return api.importRemote(match.temp_ticket);
}

/** The group named exactly `name` (a prefix search also answers similar names, DNs and unique ids). */
async function findByName(api: GroupsApi, name: string): Promise<ApiGroup> {
  for await (const group of allItems((cursor) => api.page(cursor, name))) if (group.name === name) return group;
  throw new ApiError({ code: "NOT_FOUND", service: "Connect", method: "GET", path: `/v1/groups?prefix=${encodeURIComponent(name)}` }, `no Connect group named ${name}`);
}

/** PATCH what differs; the answer is the group as it is now. Without a change, the state as it is. */
async function converge(api: GroupsApi, current: GroupOutputs, inputs: GroupInputs): Promise<GroupOutputs> {
  const body = patchBody(current, inputs);
  if (!body) return { ...toOutputs({ guid: current.guid, name: current.name, owner_guid: current.ownerGuid, gid: current.gid, member_count: current.memberCount }, inputs) };
  try {
    return toOutputs(await api.patch(current.guid, body), inputs);
  } catch (error) {
    if ((error as ApiError | undefined)?.apiCode !== "132") throw error;
    throw (error as ApiError).with(
      { hint: "on this server the group's name and owner come from its directory (LDAP): change them there, or leave name and ownerGuid as the server has them" },
      `Connect refused to change ${Object.keys(body).join(", ")} of group ${current.name}: its authentication provider owns them (PATCH ${(error as ApiError).path} answered ${(error as ApiError).status})`,
    );
  }
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default connect.hostInstance(connectGroupProvider({ api: (account) => groupsApi(connect.client(account)), logger: () => connect.logger() }));
