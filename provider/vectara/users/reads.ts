import type { BurstReader, SweepSource } from "../../core/burst-reader";
import type { UsersApi } from "./api";
import type { ApiUser } from "./schema";

/** A refresh reads users from list pages (see core/burst-reader.ts for the freshness rules). */
export function userSource(api: UsersApi): SweepSource<ApiUser> {
  return {
    get: (username) => api.get(username),
    page: (cursor) => api.page(cursor),
    // User.username is optional in the spec; a user listed without one is read with a GET.
    keyOf: (user) => user.username || undefined,
  };
}

/** The API with every change wrapped, so that no read serves a page listed before it. */
export function trackChanges(reader: BurstReader<ApiUser>, api: UsersApi): UsersApi {
  return {
    ...api,
    create: (body) => reader.change(body.username, () => api.create(body)),
    update: (username, body) => reader.change(username, () => api.update(username, body)),
    remove: (username) => reader.change(username, () => api.remove(username)),
    resetPassword: (username) => reader.change(username, () => api.resetPassword(username)),
  };
}
