import { programConnections } from "../../core/connection";
import { hasCode } from "../../core/errors";
import { allItems } from "../../core/paging";
import { connectProfile } from "../profile";
import { groupsApi, MEMBERS_PAGE_SIZE } from "./api";
import { toOutputs } from "./logic";
import type { ApiGroup, GroupOutputs } from "./schema";

/** A group as the API reports it, in the resource's output names. */
export type ConnectGroupInfo = Omit<GroupOutputs, "adoptExisting" | "onDelete" | "account">;

const connections = programConnections(connectProfile);
const api = (account?: string) => groupsApi(connections().client(account));

function info(group: ApiGroup): ConnectGroupInfo {
  const { adoptExisting: _a, onDelete: _o, account: _c, ...rest } = toOutputs(group, {});
  return rest;
}

/** One group by guid, or by exact (case-sensitive) name; undefined when there is none. */
export async function getConnectGroup(args: ({ guid: string } | { name: string }) & { account?: string }): Promise<ConnectGroupInfo | undefined> {
  const groups = api(args.account);
  if ("guid" in args) {
    try {
      return info(await groups.get(args.guid));
    } catch (error) {
      if (hasCode(error, "NOT_FOUND")) return undefined;
      throw error;
    }
  }
  for await (const group of allItems((cursor) => groups.page(cursor, args.name))) if (group.name === args.name) return info(group);
  return undefined;
}

/** The guids of a group's members (GET /v1/groups/{guid}/members, pages of 500). */
export async function listConnectGroupMembers(args: { groupGuid: string; account?: string }): Promise<string[]> {
  const groups = api(args.account);
  const guids: string[] = [];
  for await (const member of allItems((cursor) => groups.membersPage(args.groupGuid, cursor, MEMBERS_PAGE_SIZE))) guids.push(member.guid);
  return guids;
}

/** Closes these helpers' connection pools, for programs that want to exit promptly. */
export async function closeConnectGroupHelpers(): Promise<void> {
  await connections().close();
}
