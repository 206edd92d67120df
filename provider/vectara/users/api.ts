import type { ApiClient } from "../../core/client";
import { nextCursor, type Page } from "../../core/paging";
import { path } from "../../core/path";
import { vectaraProfile } from "../profile";
import { apiUser, createdUser, listUsersResponse, resetPasswordResponse, type ApiUser, type CreateUserBody, type UpdateUserBody } from "./schema";

/** listUsers `limit` maximum (spec: components.parameters … limit, maximum 100). */
export const USERS_PAGE_SIZE = 100;

/**
 * The users endpoints of the Vectara REST API v2, one line each (spec: tag "Users").
 * create → POST /v2/users            get → GET /v2/users/{username}
 * update → PATCH /v2/users/{username} remove → DELETE /v2/users/{username}
 * list → GET /v2/users?limit&page_key&corpus_key
 * resetPassword → POST /v2/users/{username}/reset_password
 */
export function usersApi(client: ApiClient) {
  const list = (query: { limit?: number; pageKey?: string; corpusKey?: string }) =>
    client.send({ method: "GET", path: "/v2/users", query: { limit: query.limit, page_key: query.pageKey, corpus_key: query.corpusKey }, expect: [200], schema: listUsersResponse });
  return {
    create: (body: CreateUserBody) => client.send({ method: "POST", path: "/v2/users", body, expect: [201], schema: createdUser }),
    get: (username: string) => client.send({ method: "GET", path: path`/v2/users/${username}`, expect: [200], schema: apiUser }),
    update: (username: string, body: UpdateUserBody) => client.send({ method: "PATCH", path: path`/v2/users/${username}`, body, expect: [200], schema: apiUser }),
    resetPassword: (username: string) =>
      client.send({ method: "POST", path: path`/v2/users/${username}/reset_password`, expect: [200], schema: resetPasswordResponse }),
    remove: (username: string) => client.send({ method: "DELETE", path: path`/v2/users/${username}`, expect: [204] }),
    list,
    /** One page of every user (or of those with a role on `corpusKey`). */
    page: async (cursor: string | undefined, size = USERS_PAGE_SIZE, corpusKey?: string): Promise<Page<ApiUser>> => {
      const data = await list({ limit: size, pageKey: cursor, corpusKey });
      return { items: data.users, next: nextCursor(vectaraProfile.paging, cursor, { count: data.users.length, size, next: data.metadata?.page_key }) };
    },
  };
}

export type UsersApi = ReturnType<typeof usersApi>;
