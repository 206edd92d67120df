/**
 * The spec's one error body, `APIError {code, error, payload}`, where `code` is Connect's numeric
 * application code. Replies the core asks for (401, injected faults, malformed requests) get the
 * codes ./choices.ts gives them.
 */
import { STATUS_CODES } from "node:http";
import { json, type ErrorBodies, type Reply } from "../core";
import { OBJECT_MISSING, UNLISTED_CODE, USER_NOT_FOUND } from "./choices";

export interface APIError {
  code: number;
  error: string;
  payload: object | null;
}

/** An error reply with Connect's code. */
export const apiError = (status: number, code: number, message: string, headers?: Record<string, string>): Reply => {
  const body: APIError = { code, error: message, payload: null };
  return json(status, body, headers);
};

export const connectErrors: ErrorBodies = () => ({
  error: (status, message, headers) => apiError(status, UNLISTED_CODE, message ?? `${status} ${STATUS_CODES[status] ?? "Error"}`, headers),
  badRequest: (_fields, messages) => apiError(400, UNLISTED_CODE, messages.join("; ")),
  // The core passes the whole path for a route it does not serve, and the segment for a missing record.
  notFound: (id, message) => apiError(404, id.startsWith("/") ? OBJECT_MISSING : USER_NOT_FOUND, message),
});
