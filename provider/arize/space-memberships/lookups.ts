import { allItems } from "../../core/paging";
import type { OrganizationsApi } from "../organization-memberships/api";
import type { SpacesApi } from "./api";

/**
 * The organization a space belongs to: `Space` carries no organization id, so each organization's
 * spaces are listed (GET /v2/organizations, then GET /v2/spaces?org_id=) until the space is found.
 */
export async function organizationOfSpace(api: { spaces: SpacesApi; organizations: OrganizationsApi }, spaceId: string) {
  for await (const organization of allItems((cursor) => api.organizations.page(cursor))) {
    for await (const space of allItems((cursor) => api.spaces.page(cursor, { organizationId: organization.id }))) {
      if (space.id === spaceId) return { organization, space };
    }
  }
  return undefined;
}
