import type { ApiClient } from "../../core/client";
import { ApiError } from "../../core/errors";
import { allItems, nextCursor, type Page } from "../../core/paging";
import { path } from "../../core/path";
import { arizeProfile } from "../profile";
import { apiUser, createdUser, listUsersResponse, type ApiUser, type CreateUserBody, type UpdateUserBody } from "./schema";

/** listUsers `limit` maximum. */
export const USERS_PAGE_SIZE = 100;

export interface ListQuery {
  /** A case-insensitive substring filter, as the API applies it. */
  email?: string;
  /** Repeated in the query (`status=ACTIVE&status=INVITED`); absent means every status. */
  status?: readonly string[];
}

/**
 * The users endpoints of the Arize AX REST API v2, one line each:
 * create → POST /v2/users (201 new, 200 an existing invite)   get → GET /v2/users/{user_id}
 * update → PATCH /v2/users/{user_id}                          remove → DELETE /v2/users/{user_id}
 * list → GET /v2/users?limit&cursor&email&status…
 * resendInvitation → POST /v2/users/{user_id}/resend-invitation
 * resetPassword → POST /v2/users/{user_id}/reset-password
 */
export function usersApi(client: ApiClient) {
  const list = (query: ListQuery & { limit?: number; cursor?: string }) =>
    client.send({ method: "GET", path: "/v2/users", query: { limit: query.limit, cursor: query.cursor, email: query.email, status: query.status }, expect: [200], schema: listUsersResponse });
  return {
    create: (body: CreateUserBody) => client.exchange({ method: "POST", path: "/v2/users", body, expect: [200, 201], schema: createdUser }),
    get: (id: string) => client.send({ method: "GET", path: path`/v2/users/${id}`, expect: [200], schema: apiUser }),
    update: (id: string, body: UpdateUserBody) => client.send({ method: "PATCH", path: path`/v2/users/${id}`, body, expect: [200], schema: apiUser }),
    remove: (id: string) => client.send({ method: "DELETE", path: path`/v2/users/${id}`, expect: [204] }),
    // The spec says 204; any 2xx means the email went out.
    resendInvitation: (id: string) => client.send({ method: "POST", path: path`/v2/users/${id}/resend-invitation`, expect: [200, 202, 204] }),
    resetPassword: (id: string) => client.send({ method: "POST", path: path`/v2/users/${id}/reset-password`, expect: [200, 202, 204] }),
    list,
    /** One page of the users matching `query` (all of them by default). */
    page: async (cursor: string | undefined, query: ListQuery = {}, size = USERS_PAGE_SIZE): Promise<Page<ApiUser>> => {
      const data = await list({ ...query, limit: size, cursor });
      const next = data.pagination?.has_more === false ? undefined : data.pagination?.next_cursor ?? undefined;
      return { items: data.users, next: nextCursor(arizeProfile.paging, cursor, { count: data.users.length, size, next }) };
    },
  };
}

export type UsersApi = ReturnType<typeof usersApi>;

/** The user with exactly this email (case-insensitive): the API's email filter matches substrings. */
export async function findByEmail(api: UsersApi, email: string): Promise<ApiUser> {
  for await (const user of allItems((cursor) => api.page(cursor, { email }))) if (user.email.toLowerCase() === email.toLowerCase()) return user;
  throw new ApiError({ code: "NOT_FOUND", service: "Arize", method: "GET", path: "/v2/users", apiMessages: [`no user has the email ${email}`] });
}
