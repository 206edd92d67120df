import type { BurstReader, SweepSource } from "../../core/burst-reader";
import type { UsersApi } from "./api";
import type { ApiUser } from "./schema";

/** A refresh reads users from cursor pages of every user (see core/burst-reader.ts for the freshness rules). */
export function userSource(api: UsersApi): SweepSource<ApiUser> {
  return {
    get: (id) => api.get(id),
    page: (cursor) => api.page(cursor),
    keyOf: (user) => user.id,
  };
}

/**
 * The API with every change wrapped, so that no read serves a page listed before it. A create's
 * id is known only from its answer: it is marked changed once the answer arrives.
 */
export function trackChanges(reader: BurstReader<ApiUser>, api: UsersApi): UsersApi {
  return {
    ...api,
    create: async (body) => {
      const answer = await api.create(body);
      await reader.change(answer.data.id, async () => undefined);
      return answer;
    },
    update: (id, body) => reader.change(id, () => api.update(id, body)),
    remove: (id) => reader.change(id, () => api.remove(id)),
    resendInvitation: (id) => reader.change(id, () => api.resendInvitation(id)),
    resetPassword: (id) => reader.change(id, () => api.resetPassword(id)),
  };
}
