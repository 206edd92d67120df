/**
 * One error class for every failure that crosses the HTTP boundary. Callers branch on `code`
 * (plain data survives the provider host's process boundary; `instanceof` does not).
 */
export type ApiErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "SERVER_ERROR"
  | "UNEXPECTED_STATUS"
  | "INVALID_RESPONSE"
  | "NETWORK"
  | "TIMEOUT"
  | "CONFIG";

export interface ApiErrorDetails {
  code: ApiErrorCode;
  service: string;
  method?: string;
  /** The request path as sent (already percent-encoded). Never carries credentials. */
  path?: string;
  status?: number;
  requestId?: string;
  /** The API's own messages, as its error body gives them (see ServiceProfile.parseErrorBody). */
  apiMessages?: string[];
  fieldErrors?: Record<string, string>;
  /** The API's own error code, where its error bodies carry one. */
  apiCode?: string;
  hint?: string;
  attempts?: number;
  /** An earlier attempt of this non-idempotent request may have been applied before its answer was lost. */
  ambiguous?: boolean;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly service: string;
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly fieldErrors?: Record<string, string>;
  readonly apiMessages?: string[];
  readonly apiCode?: string;
  readonly hint?: string;
  readonly attempts?: number;
  readonly ambiguous?: boolean;
  /** The message's head when it is not "<service> API request failed …" (a configuration error, a refusal). */
  readonly summary?: string;

  constructor(details: ApiErrorDetails, summary?: string) {
    super(formatMessage(details, summary), { cause: details.cause });
    if (summary !== undefined) this.summary = summary;
    this.name = "ApiError";
    this.code = details.code;
    this.service = details.service;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.requestId = details.requestId;
    this.fieldErrors = details.fieldErrors;
    this.apiMessages = details.apiMessages;
    this.apiCode = details.apiCode;
    this.hint = details.hint;
    this.attempts = details.attempts;
    this.ambiguous = details.ambiguous;
  }

  /** The same error with more context: a hint for the caller's situation, the attempt count; its head unless `summary` replaces it. */
  with(extra: Partial<ApiErrorDetails>, summary = this.summary): ApiError {
    return new ApiError({ ...this.details(), ...extra }, summary);
  }

  details(): ApiErrorDetails {
    const { code, service, method, path, status, requestId, fieldErrors, apiCode, hint, attempts, ambiguous } = this;
    return { code, service, method, path, status, requestId, fieldErrors, apiCode, hint, attempts, ambiguous, apiMessages: this.apiMessages, cause: this.cause };
  }
}

/** Branches on the stable code, which survives where `instanceof` does not (two copies of the package). */
export function hasCode(error: unknown, code: ApiErrorCode): boolean {
  return (error as { code?: unknown } | undefined)?.code === code;
}

/** Chooses the code for an HTTP status, the way openai-node's `APIError.generate` chooses a subclass. */
export function codeForStatus(status: number): ApiErrorCode {
  if (status === 400) return "BAD_REQUEST";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 429) return "RATE_LIMITED";
  if (status >= 500) return "SERVER_ERROR";
  return "UNEXPECTED_STATUS";
}

function formatMessage(d: ApiErrorDetails, summary?: string): string {
  const where = d.method && d.path ? `: ${d.method} ${d.path}` : "";
  const status = d.status !== undefined ? ` with ${d.status}` : "";
  const head = summary ?? `${d.service} API request failed${status}${where}`;
  const parts = [head];
  const messages = [...(d.apiMessages ?? [])];
  for (const [field, message] of Object.entries(d.fieldErrors ?? {})) messages.push(`${field}: ${message}`);
  if (d.apiCode !== undefined) messages.unshift(`code ${d.apiCode}`);
  if (messages.length > 0) parts.push(messages.join("; "));
  if (d.requestId) parts.push(`request_id ${d.requestId}`);
  if (d.attempts && d.attempts > 1) parts.push(`after ${d.attempts} attempts`);
  if (d.hint) parts.push(`hint: ${d.hint}`);
  return parts.join(" — ");
}
