/**
 * Responses as data, built by the handlers and written (or withheld, for faults) by the server.
 * Error bodies take the spec's three shapes: `Error`, `BadRequestError` and `NotFoundError`.
 */
import { STATUS_CODES } from "node:http";
import type { BadRequestErrorBody, ErrorBody, NotFoundErrorBody } from "./spec";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised when present; absent means no body and no content-type (204). */
  body?: unknown;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  ...(headers && { headers }),
});

/** Error builders bound to one request's id, which every error body repeats as `request_id`. */
export function errors(requestId: string) {
  return {
    error(status: number, message?: string, headers?: Record<string, string>): Reply {
      const body: ErrorBody = { messages: [message ?? `${status} ${STATUS_CODES[status] ?? "Error"}`], request_id: requestId };
      return json(status, body, headers);
    },
    badRequest(fieldErrors: Record<string, string>, messages: string[]): Reply {
      const body: BadRequestErrorBody = { field_errors: fieldErrors, messages, request_id: requestId };
      return json(400, body);
    },
    notFound(id: string, message: string): Reply {
      const body: NotFoundErrorBody = { id, messages: [message], request_id: requestId };
      return json(404, body);
    },
  };
}
export type Errors = ReturnType<typeof errors>;
