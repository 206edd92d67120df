// Compile-time checks of ArizeUser's public types, run by `npm run typecheck`: each
// `@ts-expect-error` must meet an error. Never executed.
import type { ArizeInviteMode, ArizeRole, ArizeUserArgs } from "pulumi-saas-users";

export const accepted: ArizeUserArgs[] = [
  { email: "a@example.com", name: "A" },
  { email: "a@example.com", name: "A", role: "ANNOTATOR", inviteMode: "TEMPORARY_PASSWORD", onDelete: "retain" },
  // Lowercase is accepted (and normalised by the provider).
  { email: "a@example.com", name: "A", role: "admin", inviteMode: "none" },
];

export const values: [ArizeRole, ArizeInviteMode] = ["MEMBER", "EMAIL_LINK"];

// @ts-expect-error "OWNER" is not an Arize account role
export const wrongRole: ArizeUserArgs = { email: "a@example.com", name: "A", role: "OWNER" };

// @ts-expect-error a user needs a name
export const noName: ArizeUserArgs = { email: "a@example.com" };

// @ts-expect-error Arize users cannot be disabled: onDelete is delete or retain
export const disable: ArizeUserArgs = { email: "a@example.com", name: "A", onDelete: "disable" };
