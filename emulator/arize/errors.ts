/**
 * The API's one error body, RFC 9457 problem+json (components.schemas.Problem): `title` (the
 * status's reason phrase), `status`, `detail` (what went wrong), `instance` (the request id, which
 * the response also carries as `x-request-id`).
 */
import { STATUS_CODES } from "node:http";
import { json, type ErrorBodies, type Reply } from "../core";
import type { Problem } from "./users-spec";

export const arizeErrors: ErrorBodies = (requestId) => {
  const problem = (status: number, detail: string | undefined, headers?: Record<string, string>): Reply => {
    const body: Problem = { type: "about:blank", title: STATUS_CODES[status] ?? "Error", status, ...(detail !== undefined && { detail }), instance: requestId };
    return { ...json(status, body, headers), contentType: "application/problem+json" };
  };
  return {
    error: (status, message, headers) => problem(status, message, headers),
    badRequest: (_fields, messages) => problem(400, messages.join("; ")),
    notFound: (_id, message) => problem(404, message),
  };
};
