/**
 * Every behaviour the spec leaves open, decided once, each with the reason. "The spec" is Connect's
 * OpenAPI (users subset in test/conformance/specs/connect.subset.json); "the table" is the 2023.09
 * error-code table of Connect's API docs, with the statuses it gives. Its users operations declare
 * 200, 400, 401, 403, 404, 409 and 500 with an APIError body, and no response headers.
 */

/** What the server's users come from: pushed over the API (password, SAML …) or pulled from LDAP/Google. */
export type AuthKind = "password" | "ldap";
/** A password server: the table's common case, and the one the SDKs' POST create serves. */
export const DEFAULT_AUTH_KIND: AuthKind = "password";

/** Authorization.DefaultUserRole's default in Connect's admin guide: a user created without a role is a viewer. */
export const DEFAULT_ROLE = "viewer";

/** `Authorization: Key <key>` (the SDKs' scheme). The spec's apiKey scheme names no challenge; RFC 9110 §15.5.2 requires one on 401. */
export const WWW_AUTHENTICATE = 'Key realm="connect"';

/** getUsers page_size: the table's 1–500, default 20; page_number from 1. remote search `limit` likewise. */
export const PAGE_SIZE = { min: 1, max: 500, default: 20 } as const;
export const PAGE_NUMBER = { min: 1, max: 1_000_000, default: 1 } as const;

/** The table's codes, with the statuses it gives. */
export const CODES = {
  USERNAME_TAKEN: { status: 409, code: 8 },
  WEAK_PASSWORD: { status: 400, code: 6 },
  USERNAME_NOT_ALLOWED: { status: 400, code: 7 },
  ROLE_NOT_PERMITTED: { status: 403, code: 23 },
  NO_LOCK_PERMISSION: { status: 403, code: 49 },
  SEAT_LIMIT: { status: 400, code: 64 },
  UNKNOWN_ROLE: { status: 400, code: 112 },
  // The table gives no status for these; 400 is what a refused request is in the rest of the table.
  USERNAME_SET_BY_PROVIDER: { status: 400, code: 36 },
  INTERNAL_FIELD: { status: 400, code: 46 },
  IMMUTABLE_FIELD: { status: 400, code: 53 },
  LAST_ADMIN: { status: 400, code: 61 },
  PUSH_ON_PULL_AUTH: { status: 400, code: 120 },
  PULL_ON_PUSH_AUTH: { status: 400, code: 119 },
  BAD_TICKET: { status: 400, code: 127 },
  // Numbered from the newer spec's enum order; no status given: 400.
  INVALID_GUID: { status: 400, code: 261 },
  // The table: 129/400 blank unique ID (not raised here: no SAML mode).
} as const;

/** 404 for a user that does not exist (table: 9/404), and for a path no operation serves (4/404, object missing). */
export const USER_NOT_FOUND = 9;
export const OBJECT_MISSING = 4;
/**
 * The table lists no code for a missing credential, a malformed body or query, throttling or a
 * server failure; the emulator answers those with code 0 and the reason in `error`.
 */
export const UNLISTED_CODE = 0;

/**
 * A password min length of 6 (the 2023.09 docs); shorter is code 6. A password together with
 * user_must_set_password is refused with code 6 too ("not both", the table gives no code).
 */
export const MIN_PASSWORD = 6;

/**
 * `confirmed`: a user created with a password, or imported from a directory, is confirmed; one
 * asked to set a password (`user_must_set_password`) is not until it does (never, here).
 */

/**
 * Seats: every unlocked user holds one; a create or an unlock beyond the licence's seats is code 64.
 * Unlimited unless `seats` is given.
 */

/**
 * Roles and locks need an administrator's key. A second key, the publisher key, stands in for a
 * non-administrator: it may read; a lock or unlock by it is code 49, any other write code 23
 * (every create and update by a non-administrator is a role or another user's record).
 */

/**
 * The last administrator: demoting (PUT user_role) or locking the only unlocked administrator is
 * code 61. The table names demotion; a lock would leave no administrator either.
 */

/**
 * LDAP servers: POST /v1/users is code 120 (PushOnPullAuth); PUT /v1/users with a ticket imports a
 * user. The remote search lists the directory's users whose username, first or last name starts
 * with the prefix (case-insensitive), each with a fresh temp_ticket and its Connect guid (null
 * without an account). An unknown ticket is code 127; a ticket whose user has been imported since
 * (by it or another) is code 8, as any taken username is: a retried import then finds its own user. A PUT changing username is code 36, changing email, first_name or
 * last_name code 46; sending a field's current value changes nothing and is accepted. On password
 * servers PUT /v1/users is code 119 and the remote search lists nothing.
 */

/** `makeImmutable(field)`: a PUT changing that field is code 53, on any server (as for a SAML-owned field). */

/** LockUserInput.locked: absent or null is a 400 (code 0), since the spec does not say what it means. Locking a locked user is accepted. */

/**
 * getUsers: `prefix` matches username, first and last name, case-insensitive, and answers only
 * its first page (the API reference); `user_role` and `account_status` take `|`-separated
 * alternatives; `licensed` is every unlocked user, `inactive` none (no user ever logs in here).
 * Order: creation order, or `sort`/`asc_order`.
 */

/**
 * GET /v1/user (getCurrentUser) answers the user who owns the request's API key. An emulator
 * starts with no users, so its keys belong to no one until `setKeyOwner` names a user (a real
 * server's key always has one); until then, or once that user is gone, it is 404 code 9.
 */

/**
 * Server generations. "current" follows the newer spec: UserCreatePushInput takes `external_id`
 * and the deprecated alias `unique_id`, and User shows `external_id`. "2023" follows the 2023.09
 * API reference (and posit-sdk-py, which sends only `unique_id`): UserCreatePushInput knows
 * `unique_id` only, and User has neither field. An unknown field in the body is refused (400,
 * code 0), as the emulator's request schemas are closed (the newer spec's additionalProperties:
 * false). The 2023.09 reference does not say how it treats an unknown field; a server that
 * ignored it would refuse the create on SAML with code 129 (blank unique ID), which a client must
 * read the same way.
 */
export type Generation = "current" | "2023";
export const DEFAULT_GENERATION: Generation = "current";

/** A path parameter that is not a UUID is code 261 (the newer spec's "invalid user GUID"). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---- Groups, members and content permissions (docs/access-design.md; subset connect-access.subset.json)

/** The table's codes for groups and permissions, with its statuses. */
export const ACCESS_CODES = {
  GROUP_NAME_INVALID: { status: 400, code: 14 },
  GROUP_NAME_TAKEN: { status: 409, code: 15 },
  ALREADY_MEMBER: { status: 409, code: 16 },
  NOT_A_MEMBER: { status: 404, code: 17 },
  VIEWER_CANNOT_COLLABORATE: { status: 403, code: 33 },
  OWNER_AS_COLLABORATOR: { status: 400, code: 34 },
  PROVIDER_CANNOT: { status: 400, code: 132 },
  BAD_PRINCIPAL_TYPE: { status: 400, code: 152 },
  GROUP_NOT_FOUND: { status: 404, code: 153 },
  // The table has no code for these: the object-missing code (4) and, for a role outside viewer|owner, 0.
  CONTENT_NOT_FOUND: { status: 404, code: 4 },
  PERMISSION_NOT_FOUND: { status: 404, code: 4 },
  BAD_PERMISSION_ROLE: { status: 400, code: 0 },
  // No code in the table: the original's "owner must not be a viewer" (patchGroup.description); 400.
  OWNER_IS_VIEWER: { status: 400, code: 0 },
} as const;

/**
 * Groups disabled (`Authorization.UserGroups = false`): every groups and members operation answers
 * 400. The original gives 400 for PATCH and says only "an error" for the others; one status for
 * all is the simplest reading. The table has no code for it: 0, with a message naming the setting.
 */
export const GROUPS_DISABLED = { status: 400, code: 0 } as const;

/** GroupPatchInput.name: at most 4096 characters, not empty (original). */
export const GROUP_NAME_MAX = 4096;

/** getGroupMembers page_size: default 10 (the subset); the maximum is not stated, the users' 500 is used. */
export const MEMBERS_PAGE_SIZE = { min: 1, max: 500, default: 10 } as const;

/**
 * Member changes refused when the authentication provider supplies group membership (the
 * original's addGroupMember/removeGroupMember: "not possible", no status): code 132, "The
 * configured provider cannot access this endpoint." (400), not 95 (403). The cause is the server's
 * configuration, as for 119/120 (400); a 403 in the table is about the caller's rights, and would
 * send an administrator to check the key's role. LDAP servers answer every members operation
 * (including GET, "member enumeration is currently not supported for LDAP") and a PATCH of a
 * group's name or owner the same way; a remote group search on a non-LDAP server too.
 */

/**
 * Content permissions: POST upserts by principal (original addContentPermission.description):
 * 201 with a new permission, 200 when the principal's grant existed and its role was replaced (the
 * open question: 201 "Created" is HTTP's word for the first). The roles accepted are `viewer` and
 * `owner` (the issue; the document has no enum), anything else is 400 code 0. A PUT may send the
 * principal fields only unchanged (400 otherwise). Permission ids are decimal strings from 1.
 * Content items exist only as tests seed them (`seedContent`); deleting a group removes its grants.
 */
