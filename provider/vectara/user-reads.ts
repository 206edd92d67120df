import { BurstReader, defaultSweepPolicy, type SweepSource } from "../core/burst-reader";
import type { UsersApi } from "./api";
import type { ApiUser } from "./schema";

/** listUsers `limit` maximum (spec: components.parameters … limit, maximum 100). */
export const USERS_PAGE_SIZE = 100;

/**
 * One reader per provider instance (keyed by its dependencies object), so that the reads and
 * the changes of one provider host process see each other. See core/burst-reader.ts for the rules.
 */
const readers = new WeakMap<object, BurstReader<ApiUser>>();

export function userReader(owner: object): BurstReader<ApiUser> {
  let reader = readers.get(owner);
  if (!reader) readers.set(owner, (reader = new BurstReader<ApiUser>(defaultSweepPolicy)));
  return reader;
}

function source(api: UsersApi): SweepSource<ApiUser> {
  return {
    get: async (username) => (await api.get(username)).data,
    page: async (pageKey) => {
      const { data } = await api.list({ limit: USERS_PAGE_SIZE, pageKey });
      return { items: data.users, next: data.metadata?.page_key || undefined };
    },
    // User.username is optional in the spec; a user listed without one is read with a GET.
    keyOf: (user) => user.username || undefined,
  };
}

/** GET /v2/users/{username}, or the same user from a list page fetched during this refresh burst. */
export function readUser(owner: object, api: UsersApi, username: string): Promise<ApiUser> {
  return userReader(owner).read(username, source(api));
}

/** The API with every change wrapped, so that no read serves a page listed before it. */
export function trackChanges(owner: object, api: UsersApi): UsersApi {
  const reader = userReader(owner);
  return {
    ...api,
    create: (body) => reader.change(body.username, () => api.create(body)),
    update: (username, body) => reader.change(username, () => api.update(username, body)),
    remove: (username) => reader.change(username, () => api.remove(username)),
    resetPassword: (username) => reader.change(username, () => api.resetPassword(username)),
  };
}
