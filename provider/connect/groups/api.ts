import type { ApiClient, Operation } from "../../core/client";
import { ApiError } from "../../core/errors";
import { nextCursor, type Page } from "../../core/paging";
import { path } from "../../core/path";
import { connectProfile } from "../profile";
import { apiGroup, groupsPage, membersPage, remoteGroups, type ApiGroup, type ApiMember, type PatchGroupBody } from "./schema";

/** getGroups page size (the users' maximum, 500; the document gives a default of 20 and no maximum). */
export const GROUPS_PAGE_SIZE = 500;
/** getGroupMembers page size (default 10 in the document; 500 keeps a refresh to few pages). */
export const MEMBERS_PAGE_SIZE = 500;

/**
 * The groups endpoints of the Connect Server API, one line each (spec subset: connect-access.subset.json):
 * create → POST /v1/groups {name} (answers 200)       import → PUT /v1/groups {temp_ticket} (LDAP)
 * remote → GET /v1/groups/remote?prefix&limit (LDAP)  get → GET /v1/groups/{guid}
 * patch → PATCH /v1/groups/{guid} {name?, owner_guid?} delete → DELETE /v1/groups/{guid} (204)
 * list → GET /v1/groups?prefix&page_number&page_size
 * members → GET /v1/groups/{guid}/members?page_number&page_size (offset pages)
 * addMember → POST /v1/groups/{guid}/members {user_guid} (204)
 * removeMember → DELETE /v1/groups/{guid}/members/{user_guid} (204)
 * Every failure passes through `explainGroupsError`: a server with groups disabled is named so.
 */
export function groupsApi(client: ApiClient) {
  const send = async <T>(op: Operation<T>): Promise<T> => {
    try {
      return await client.send(op);
    } catch (error) {
      throw explainGroupsError(error);
    }
  };
  const list = (q: { prefix?: string; pageNumber?: number; pageSize?: number }) =>
    send({ method: "GET", path: "/v1/groups", expect: [200], schema: groupsPage, query: { prefix: q.prefix, page_number: q.pageNumber, page_size: q.pageSize } });
  return {
    create: (name: string) => send({ method: "POST", path: "/v1/groups", body: { name }, expect: [200], schema: apiGroup }),
    importRemote: (tempTicket: string) => send({ method: "PUT", path: "/v1/groups", body: { temp_ticket: tempTicket }, expect: [200], schema: apiGroup }),
    searchRemote: (prefix: string) => send({ method: "GET", path: "/v1/groups/remote", query: { prefix, limit: GROUPS_PAGE_SIZE }, expect: [200], schema: remoteGroups }),
    get: (guid: string) => send({ method: "GET", path: path`/v1/groups/${guid}`, expect: [200], schema: apiGroup }),
    patch: (guid: string, body: PatchGroupBody) => send({ method: "PATCH", path: path`/v1/groups/${guid}`, body, expect: [200], schema: apiGroup }),
    delete: (guid: string) => send({ method: "DELETE", path: path`/v1/groups/${guid}`, expect: [204] }),
    addMember: (guid: string, userGuid: string) => send({ method: "POST", path: path`/v1/groups/${guid}/members`, body: { user_guid: userGuid }, expect: [204] }),
    removeMember: (guid: string, userGuid: string) => send({ method: "DELETE", path: path`/v1/groups/${guid}/members/${userGuid}`, expect: [204] }),
    /** One page of the groups matching `prefix` (every group when undefined). */
    page: async (cursor: string | undefined, prefix?: string, size = GROUPS_PAGE_SIZE): Promise<Page<ApiGroup>> => {
      const pageNumber = cursor === undefined ? 1 : Number(cursor);
      const data = await list({ prefix, pageNumber, pageSize: size });
      return { items: data.results, next: nextCursor(connectProfile.paging, String(pageNumber), { count: data.results.length, size }) };
    },
    /** One page of a group's members. */
    membersPage: async (guid: string, cursor: string | undefined, size = MEMBERS_PAGE_SIZE): Promise<Page<ApiMember>> => {
      const pageNumber = cursor === undefined ? 1 : Number(cursor);
      const data = await send({ method: "GET", path: path`/v1/groups/${guid}/members`, query: { page_number: pageNumber, page_size: size }, expect: [200], schema: membersPage });
      return { items: data.results, next: nextCursor(connectProfile.paging, String(pageNumber), { count: data.results.length, size }) };
    },
  };
}

export type GroupsApi = ReturnType<typeof groupsApi>;

/** A 400 that says the server's user groups are off (Authorization.UserGroups = false). */
export function groupsDisabled(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  return (error.apiMessages ?? []).some((m) => /UserGroups|groups? (are|is) (not enabled|disabled)/i.test(m));
}

/** Names the setting when Connect answers that groups are disabled; any other error as it is. */
export function explainGroupsError(error: unknown): unknown {
  if (!groupsDisabled(error)) return error;
  const e = error as ApiError;
  return e.with(
    { hint: "an administrator enables them in the server's configuration: [Authorization] UserGroups = true, then restarts Connect" },
    `user groups are disabled on this Connect server (Authorization.UserGroups is false): ${e.method} ${e.path} answered ${e.status}`,
  );
}
