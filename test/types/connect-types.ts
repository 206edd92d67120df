// Compile-time checks of ConnectUser's public types, run by `npm run typecheck` (after a build):
// each `@ts-expect-error` must meet an error. Never executed.
import type { ConnectOnDelete, ConnectUserArgs, ConnectUserInfo, ConnectUserRole } from "pulumi-saas-users";

export const accepted: ConnectUserArgs = { username: "alice", userRole: "publisher", locked: false, onDelete: "retain", password: "secret1" };
export const roles: ConnectUserRole[] = ["administrator", "publisher", "viewer"];
export const policies: ConnectOnDelete[] = ["lock", "retain"];

// @ts-expect-error "admin" is not a Connect role
export const wrongRole: ConnectUserArgs = { username: "a", userRole: "admin" };

// @ts-expect-error Connect cannot delete users
export const deletePolicy: ConnectUserArgs = { username: "a", onDelete: "delete" };

// @ts-expect-error a user needs its username
export const noUsername: ConnectUserArgs = { email: "a@example.com" };

// @ts-expect-error the password is never an output
export const noPasswordOutput: ConnectUserInfo["password"] = "x";
