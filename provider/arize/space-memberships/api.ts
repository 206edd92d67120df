import type { ApiClient } from "../../core/client";
import { nextCursor, type Page } from "../../core/paging";
import { path } from "../../core/path";
import { arizeProfile } from "../profile";
import { apiRole, apiSpace, apiSpaceMembership, listRoleBindingsResponse, listSpacesResponse, type AddMemberBody, type ApiRoleBinding, type ApiSpace } from "./schema";

/** list_spaces and list_role_bindings `limit` maximum. */
export const PAGE_SIZE = 100;

function nextOf(cursor: string | undefined, count: number, size: number, pagination?: { next_cursor?: string | null; has_more?: boolean }) {
  const next = pagination?.has_more === false ? undefined : pagination?.next_cursor ?? undefined;
  return nextCursor(arizeProfile.paging, cursor, { count, size, next });
}

/**
 * The space endpoints of the Arize AX REST API v2, one line each:
 * add (create, update) → POST /v2/spaces/{space_id}/users (200, an upsert; 400 when the user is not in the space's organization)
 * remove (delete)      → DELETE /v2/spaces/{space_id}/users/{user_id} (204; 404 for a non-member)
 * bindings (refresh)   → GET /v2/role-bindings?resource_type=SPACE&user_id&limit&cursor
 * role (refresh)       → GET /v2/roles/{role_id} (a binding's role name)
 * get, page (lookups)  → GET /v2/spaces/{space_id}, GET /v2/spaces?org_id&name&limit&cursor
 */
export function spacesApi(client: ApiClient) {
  return {
    addUser: (spaceId: string, body: AddMemberBody) => client.send({ method: "POST", path: path`/v2/spaces/${spaceId}/users`, body, expect: [200], schema: apiSpaceMembership }),
    removeUser: (spaceId: string, userId: string) => client.send({ method: "DELETE", path: path`/v2/spaces/${spaceId}/users/${userId}`, expect: [204] }),
    get: (spaceId: string) => client.send({ method: "GET", path: path`/v2/spaces/${spaceId}`, expect: [200], schema: apiSpace }),
    role: (roleId: string) => client.send({ method: "GET", path: path`/v2/roles/${roleId}`, expect: [200], schema: apiRole }),
    page: async (cursor: string | undefined, query: { name?: string; organizationId?: string } = {}, size = PAGE_SIZE): Promise<Page<ApiSpace>> => {
      const data = await client.send({ method: "GET", path: "/v2/spaces", query: { org_id: query.organizationId, name: query.name, limit: size, cursor }, expect: [200], schema: listSpacesResponse });
      return { items: data.spaces, next: nextOf(cursor, data.spaces.length, size, data.pagination) };
    },
    bindings: async (cursor: string | undefined, userId: string, size = PAGE_SIZE): Promise<Page<ApiRoleBinding>> => {
      const data = await client.send({ method: "GET", path: "/v2/role-bindings", query: { resource_type: "SPACE", user_id: userId, limit: size, cursor }, expect: [200], schema: listRoleBindingsResponse });
      return { items: data.role_bindings, next: nextOf(cursor, data.role_bindings.length, size, data.pagination) };
    },
  };
}
export type SpacesApi = ReturnType<typeof spacesApi>;
