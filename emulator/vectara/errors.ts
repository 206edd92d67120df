/**
 * The spec's three error bodies: `Error` for any status, `BadRequestError` for 400 (with
 * `field_errors`) and `NotFoundError` for 404 (with the `id` looked up). Each repeats the request's
 * id as `request_id`, which the response also carries as `x-request-id`.
 */
import { STATUS_CODES } from "node:http";
import { json, type ErrorBodies, type Reply } from "../core";

export interface ErrorBody {
  messages: string[];
  request_id: string;
}
export interface BadRequestErrorBody extends ErrorBody {
  field_errors: Record<string, string>;
}
export interface NotFoundErrorBody extends ErrorBody {
  id: string;
}

export const vectaraErrors: ErrorBodies = (requestId) => ({
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
});
