/**
 * Responses as data, built by the handlers and written (or withheld, for faults) by the server.
 * Error bodies are the service's: each service passes an `ErrorBodies` that builds its spec's
 * error shapes, and the core only ever asks for one of the three kinds below.
 */

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised when present; absent means no body and no content-type (204). */
  body?: unknown;
  /** Content type of the body; `application/json` when absent (e.g. `application/problem+json`). */
  contentType?: string;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  ...(headers && { headers }),
});

/** One request's error replies in the service's error shape. */
export interface ErrorReplies {
  /** Any status with a message; the status's reason phrase when `message` is absent. */
  error(status: number, message?: string, headers?: Record<string, string>): Reply;
  /** 400: the request broke the spec; `fieldErrors` keys are top-level request fields. */
  badRequest(fieldErrors: Record<string, string>, messages: string[]): Reply;
  /** 404: `id` is what was looked up (a path segment, or the whole path for unknown routes). */
  notFound(id: string, message: string): Reply;
}

/** A service's error-body builder, bound per request to the id the response carries. */
export type ErrorBodies = (requestId: string) => ErrorReplies;
