/**
 * What the client's types leave open, decided once, each with its reason. Sources: the client's
 * doc comments (createUser's idempotency table, deleteUser, resendInvitation, resetPassword) and
 * the public API reference.
 */

/** `Authorization: Bearer <key>` challenge on 401 (RFC 6750 §3). */
export const WWW_AUTHENTICATE = 'Bearer realm="arize"';

/**
 * An invitation left unanswered this long becomes EXPIRED on its own. Arize does not publish the
 * lifetime of its verification links; a week is a common choice and tests set their own.
 */
export const DEFAULT_INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * Create is idempotent on email except with invite_mode NONE (createUser's table):
 * no user → 201; INVITED → 200 with the existing user, invitation not resent; ACTIVE → 409;
 * EXPIRED → 201 (a new invitation: we keep the user's id and apply the request's name, role and
 * is_developer, since the client's table calls it the same user re-invited); deleted → 409 forever.
 * With NONE any existing email is a 409 (the table's idempotency is stated only for other modes).
 */
export const REINVITE_KEEPS_ID = true;
/* The API reference says only "201 with a new invitation"; `reinviteKeepsId: false` makes the
 * emulator answer a new user record (a new id) instead, so that a client can be tested on both. */

/** A user created with NONE is ACTIVE at once (SSO); with a link or a temporary password it is INVITED until first login. */
export const STATUS_AFTER_CREATE = { NONE: "ACTIVE", EMAIL_LINK: "INVITED", TEMPORARY_PASSWORD: "INVITED" } as const;

/** The spec marks CUSTOM role assignments "not yet supported": a create with one is a 422. */
export const CUSTOM_ROLE_STATUS = 422;

/**
 * Deleting a user is terminal: GET answers 404 afterwards, the user leaves every list, its email
 * can never be invited again (409), and deleting it again answers 204 (deleteUser: "idempotent").
 */
export const DELETE_AGAIN_STATUS = 204;

/**
 * Resend works only for a user who is currently INVITED (Arize's users page: "resend works only
 * for a user who is currently invited"); an ACTIVE user is a 400 ("the user is verified"), and so
 * is an EXPIRED one, whose invitation is renewed by creating the user again (the API reference:
 * create on EXPIRED answers 201 with a new invitation). A resend restarts the invitation clock.
 * Reset password works only for ACTIVE users (400: "has not verified").
 */
export const RESEND_STATUSES = ["INVITED"] as const;
export const RESET_STATUSES = ["ACTIVE"] as const;

/** An empty update, or one with unknown fields, is a 400 (the Python SDK refuses an empty update itself; the body is strict). */
export const STRICT_BODIES = true;

/** Setting is_developer needs an admin key ("is_developer is admin only"): a non-admin key gets 403. */
export const IS_DEVELOPER_NEEDS_ADMIN = true;

// ---- Access: organizations, spaces, their members (docs/access-design.md, "open questions")

/**
 * The prose example of add_organization_user sends `"role": "MEMBER"`; the schema, its request
 * example and the client send `{type: "PREDEFINED", name}`. The emulator follows the schema: a
 * string role is a 400.
 */
export const ROLE_MUST_BE_OBJECT = true;

/**
 * Every space membership shows as a role binding (resource_type SPACE, resource_id the space,
 * role_id a predefined role named as the membership's role), and SpaceMembership.id is that
 * binding's id. Unverified against Arize: delete_space_user "removes both the legacy SpaceMembers
 * row and any RBAC role bindings", so a real predefined membership may be a legacy row that the
 * bindings list does not show. The provider's refresh relies on this; its notes say so.
 */
export const SPACE_MEMBERSHIPS_ARE_BINDINGS = true;

/** The predefined roles GET /v2/roles lists: one per member role, named as the role (uppercase). */
export const PREDEFINED_ROLE_NAMES = ["ADMIN", "MEMBER", "READ_ONLY", "ANNOTATOR"] as const;

/**
 * DELETE of an organization member who is not one: 404, as remove_space_user states for spaces
 * (the organization operation leaves it open; the provider treats 404 and 204 alike).
 */
export const REMOVE_NON_MEMBER_ORG_STATUS = 404;

/** Adding a member again (new or updated role) answers 200 both times: the facts give one success status. */
export const UPSERT_STATUS = 200;

/** CUSTOM role assignments for members: not modelled (the issue names the four predefined roles): 422, as for users. */
export const CUSTOM_MEMBER_ROLE_STATUS = 422;

/**
 * Permissions (organization admin, space admin, ROLE_BINDING_*) are not modelled: both keys may
 * manage members. The account-role ANNOTATOR rule is enforced (400), in both directions.
 */
export const MEMBER_PERMISSIONS_MODELLED = false;

/** The 400 detail when a space member is not in the space's organization (the API does not publish its wording). */
export const notInOrganizationDetail = (userId: string, spaceId: string) =>
  `User ${userId} is not a member of the organization of space ${spaceId}; add them to the organization first (auto-enrollment is not performed)`;
