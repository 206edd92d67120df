/**
 * The retry policy is plain data; `retryDelay` is the whole decision, a ladder of early exits
 * (the shape of ky's and octokit's retry plugins).
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Statuses that mean "try again": rate limiting and transient server failures. */
  retryStatuses: readonly number[];
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the operation fails instead. */
  retryAfterCapMs: number;
  /** Overall budget of one operation, all attempts and waits included. */
  deadlineMs: number;
  /**
   * Statuses whose Retry-After pauses every request of the process, not only the one that got it:
   * the limit is the account's, so the other requests would only be refused too.
   */
  pauseAllOn: readonly number[];
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 6,
  retryStatuses: [408, 429, 500, 502, 503, 504],
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  retryAfterCapMs: 60_000,
  deadlineMs: 300_000,
  pauseAllOn: [429, 503],
};

/** What went wrong with one attempt: an HTTP status, or a transport failure (reset, timeout). */
export interface AttemptFailure {
  status?: number;
  retryAfter?: string;
  transport?: boolean;
}

/**
 * Milliseconds to wait before the next attempt, or undefined to give up.
 * `attempt` counts from 1 (the attempt that just failed); `elapsedMs` is time spent so far.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  failure: AttemptFailure,
  elapsedMs: number,
  now: number = Date.now(),
  random: () => number = Math.random,
): number | undefined {
  if (attempt > policy.maxRetries) return undefined;
  const retryable = failure.transport === true || (failure.status !== undefined && policy.retryStatuses.includes(failure.status));
  if (!retryable) return undefined;
  const remaining = policy.deadlineMs - elapsedMs;
  const asked = parseRetryAfter(failure.retryAfter, now);
  if (asked !== undefined) {
    if (asked > policy.retryAfterCapMs || asked > remaining) return undefined;
    return asked;
  }
  // Full jitter: spreads the retries of many parallel operations (AWS architecture blog, "Exponential Backoff And Jitter").
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return delay > remaining ? undefined : delay;
}

/** How long every request of the process waits after this failure, or undefined for no pause. */
export function pauseAll(policy: RetryPolicy, failure: AttemptFailure, now: number = Date.now()): number | undefined {
  if (failure.status === undefined || !policy.pauseAllOn.includes(failure.status)) return undefined;
  const asked = parseRetryAfter(failure.retryAfter, now);
  // Beyond the cap the operation fails rather than waits; the others need not wait either.
  return asked !== undefined && asked > 0 && asked <= policy.retryAfterCapMs ? asked : undefined;
}

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
