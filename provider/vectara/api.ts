import type { ApiClient } from "../core/client";
import { path } from "../core/path";
import { apiUser, createdUser, listUsersResponse, resetPasswordResponse, type CreateUserBody, type UpdateUserBody } from "./schema";

/**
 * The users endpoints of the Vectara REST API v2, one line each (spec: tag "Users").
 * create → POST /v2/users            get → GET /v2/users/{username}
 * update → PATCH /v2/users/{username} remove → DELETE /v2/users/{username}
 * list → GET /v2/users?limit&page_key&corpus_key
 * resetPassword → POST /v2/users/{username}/reset_password
 */
export function usersApi(client: ApiClient) {
  return {
    create: (body: CreateUserBody) => client.send({ method: "POST", path: "/v2/users", body, expect: [201], schema: createdUser }),
    get: (username: string) => client.send({ method: "GET", path: path`/v2/users/${username}`, expect: [200], schema: apiUser }),
    update: (username: string, body: UpdateUserBody) => client.send({ method: "PATCH", path: path`/v2/users/${username}`, body, expect: [200], schema: apiUser }),
    resetPassword: (username: string) =>
      client.send({ method: "POST", path: path`/v2/users/${username}/reset_password`, expect: [200], schema: resetPasswordResponse }),
    remove: (username: string) => client.send({ method: "DELETE", path: path`/v2/users/${username}`, expect: [204] }),
    list: (query: { limit?: number; pageKey?: string; corpusKey?: string }) =>
      client.send({ method: "GET", path: "/v2/users", query: { limit: query.limit, page_key: query.pageKey, corpus_key: query.corpusKey }, expect: [200], schema: listUsersResponse }),
  };
}

export type UsersApi = ReturnType<typeof usersApi>;
