import type { ApiClient } from "../../core/client";
import { nextCursor, type Page } from "../../core/paging";
import { path } from "../../core/path";
import { connectProfile } from "../profile";
import { apiUser, remoteSearchResults, usersPage, type ApiUser, type CreateUserBody, type UpdateUserBody } from "./schema";

/** getUsers `page_size` maximum (the API reference: 1–500; Connect's SDK lists in pages of 500). */
export const USERS_PAGE_SIZE = 500;

export interface ListQuery {
  prefix?: string;
  userRole?: string;
  accountStatus?: string;
}

/**
 * The users endpoints of the Connect Server API, one line each (spec: paths /v1/users*):
 * create → POST /v1/users (answers 200)          import → PUT /v1/users {temp_ticket}
 * get → GET /v1/users/{guid}                      update → PUT /v1/users/{guid} (answers EditableUser)
 * lock → POST /v1/users/{guid}/lock {locked}      remote → GET /v1/users/remote?prefix&limit
 * currentUser → GET /v1/user (the API key's own user)
 * list → GET /v1/users?prefix&page_number&page_size&user_role&account_status
 * There is no delete endpoint.
 */
export function usersApi(client: ApiClient) {
  const list = (q: ListQuery & { pageNumber?: number; pageSize?: number }) =>
    client.send({
      method: "GET", path: "/v1/users", expect: [200], schema: usersPage,
      query: { prefix: q.prefix, user_role: q.userRole, account_status: q.accountStatus, page_number: q.pageNumber, page_size: q.pageSize },
    });
  return {
    create: (body: CreateUserBody) => client.send({ method: "POST", path: "/v1/users", body, expect: [200], schema: apiUser }),
    importRemote: (tempTicket: string) => client.send({ method: "PUT", path: "/v1/users", body: { temp_ticket: tempTicket }, expect: [200], schema: apiUser }),
    searchRemote: (prefix: string) => client.send({ method: "GET", path: "/v1/users/remote", query: { prefix, limit: USERS_PAGE_SIZE }, expect: [200], schema: remoteSearchResults }),
    currentUser: () => client.send({ method: "GET", path: "/v1/user", expect: [200], schema: apiUser }),
    get: (guid: string) => client.send({ method: "GET", path: path`/v1/users/${guid}`, expect: [200], schema: apiUser }),
    update: (guid: string, body: UpdateUserBody) => client.send({ method: "PUT", path: path`/v1/users/${guid}`, body, expect: [200] }),
    lock: (guid: string, locked: boolean) => client.send({ method: "POST", path: path`/v1/users/${guid}/lock`, body: { locked }, expect: [200] }),
    list,
    /** One page of the users matching `query` (every user when empty). */
    page: async (cursor: string | undefined, query: ListQuery = {}, size = USERS_PAGE_SIZE): Promise<Page<ApiUser>> => {
      const pageNumber = cursor === undefined ? 1 : Number(cursor);
      const data = await list({ ...query, pageNumber, pageSize: size });
      // A prefix search answers only its first page (the API reference, §2 list parameters).
      const next = query.prefix !== undefined ? undefined : nextCursor(connectProfile.paging, String(pageNumber), { count: data.results.length, size });
      return { items: data.results, next };
    },
  };
}

export type UsersApi = ReturnType<typeof usersApi>;
