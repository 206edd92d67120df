import type { ApiClient } from "../../core/client";
import { ApiError } from "../../core/errors";
import { allItems, nextCursor, type Page } from "../../core/paging";
import { path } from "../../core/path";
import { arizeProfile } from "../profile";
import { apiOrganization, apiOrganizationMembership, listOrganizationsResponse, type AddMemberBody, type ApiOrganization } from "./schema";

/** list_organizations `limit` maximum. */
export const PAGE_SIZE = 100;

/**
 * The organization endpoints of the Arize AX REST API v2, one line each:
 * add (create, update) → POST /v2/organizations/{org_id}/users (200, an upsert)
 * remove (delete)      → DELETE /v2/organizations/{org_id}/users/{user_id} (204; also leaves the org's spaces)
 * get (refresh)        → GET /v2/organizations/{org_id}
 * page (lookup)        → GET /v2/organizations?name&limit&cursor (name: a case-insensitive substring)
 * There is no read of a membership.
 */
export function organizationsApi(client: ApiClient) {
  return {
    addUser: (orgId: string, body: AddMemberBody) => client.send({ method: "POST", path: path`/v2/organizations/${orgId}/users`, body, expect: [200], schema: apiOrganizationMembership }),
    removeUser: (orgId: string, userId: string) => client.send({ method: "DELETE", path: path`/v2/organizations/${orgId}/users/${userId}`, expect: [204] }),
    get: (orgId: string) => client.send({ method: "GET", path: path`/v2/organizations/${orgId}`, expect: [200], schema: apiOrganization }),
    page: async (cursor: string | undefined, name?: string, size = PAGE_SIZE): Promise<Page<ApiOrganization>> => {
      const data = await client.send({ method: "GET", path: "/v2/organizations", query: { name, limit: size, cursor }, expect: [200], schema: listOrganizationsResponse });
      const next = data.pagination?.has_more === false ? undefined : data.pagination?.next_cursor ?? undefined;
      return { items: data.organizations, next: nextCursor(arizeProfile.paging, cursor, { count: data.organizations.length, size, next }) };
    },
  };
}
export type OrganizationsApi = ReturnType<typeof organizationsApi>;

/** The organization with exactly this name: the API's name filter matches substrings (names are unique in the account). */
export async function findOrganization(api: OrganizationsApi, name: string): Promise<ApiOrganization> {
  for await (const org of allItems((cursor) => api.page(cursor, name))) if (org.name === name) return org;
  throw new ApiError({ code: "NOT_FOUND", service: "Arize", method: "GET", path: "/v2/organizations", apiMessages: [`no organization is named ${JSON.stringify(name)} (or the API key cannot see it)`] });
}
