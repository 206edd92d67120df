import type { BurstReader, SweepSource } from "../../core/burst-reader";
import type { UsersApi } from "./api";
import type { ApiUser } from "./schema";

/** A refresh reads users from list pages of 500 (see core/burst-reader.ts for the freshness rules). */
export function userSource(api: UsersApi): SweepSource<ApiUser> {
  return {
    get: (guid) => api.get(guid),
    page: (cursor) => api.page(cursor),
    keyOf: (user) => user.guid || undefined,
  };
}

/** The API with every change wrapped, so that no read serves a page listed before it. */
export function trackChanges(reader: BurstReader<ApiUser>, api: UsersApi): UsersApi {
  return {
    ...api,
    update: (guid, body) => reader.change(guid, () => api.update(guid, body)),
    lock: (guid, locked) => reader.change(guid, () => api.lock(guid, locked)),
  };
}
