import { ApiError } from "../../core/errors";
import type { SweepSource } from "../../core/burst-reader";
import type { GroupsApi } from "../groups/api";
import type { ApiMember } from "../groups/schema";

/**
 * A refresh reads a group's memberships from its member pages (core/burst-reader.ts, the users'
 * freshness rules): many memberships of one group in one burst read its pages once. There is no
 * GET of one membership: a read the pages did not answer scans the group's pages on its own, and
 * a user not listed is not a member (NOT_FOUND). A group gone answers 404 (code 153): gone too.
 */
export function memberSource(api: GroupsApi, groupGuid: string): SweepSource<ApiMember> {
  return {
    get: async (userGuid) => {
      let cursor: string | undefined;
      do {
        const page = await api.membersPage(groupGuid, cursor);
        const found = page.items.find((m) => m.guid === userGuid);
        if (found) return found;
        cursor = page.next;
      } while (cursor !== undefined);
      throw new ApiError({ code: "NOT_FOUND", service: "Connect", method: "GET", path: `/v1/groups/${groupGuid}/members` }, `user ${userGuid} is not a member of Connect group ${groupGuid}`);
    },
    page: (cursor) => api.membersPage(groupGuid, cursor),
    keyOf: (member) => member.guid || undefined,
  };
}
