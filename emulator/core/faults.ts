/**
 * Fault injection: the failures a client of the real API meets (throttling, gateway errors, slow
 * answers, sockets closed before or after the server acted), as plain data. The server asks
 * `plan()` once per request, before authentication, and carries the plan out.
 */

/** What a rate-limit fault answers (RFC 6585 §4), with Retry-After in whole seconds, at least 1
 *  (RFC 9110 §10.2.3 allows delay-seconds). */
export const RATE_LIMITED_STATUS = 429;

/** Which requests a fault applies to; each given condition must hold. `pathPrefix` is compared
 *  with the path as received (percent-encoding untouched, no query). */
export interface FaultMatch {
  method?: string;
  pathPrefix?: string;
}
export type InjectedStatus = 429 | 500 | 502 | 503 | 504;

/** `match` narrows a fault to some requests (default: all). `times` is how many matching requests
 *  it affects: 1 by default, every one for latency. */
export type Fault = { match?: FaultMatch } & (
  | { kind: "status"; status: InjectedStatus; times?: number; retryAfter?: string }
  | { kind: "latency"; ms: number; times?: number }
  | { kind: "drop-after-commit"; times?: number }
  | { kind: "reset"; times?: number }
  | { kind: "rate-limit"; perSecond: number }
);

/** What the server does with one request: serve it, answer a status without applying it, apply it
 *  and hang up without answering, or hang up before applying anything. */
export type Outcome =
  | { kind: "serve" }
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "drop-after-commit" }
  | { kind: "reset" };
export interface Plan {
  delayMs: number;
  outcome: Outcome;
}

interface Armed {
  fault: Fault;
  left: number;
  /** Token bucket of a rate-limit fault: holds at most perSecond tokens, refills continuously. */
  tokens: number;
  refilledAt: number;
}

const INJECTABLE = new Set([429, 500, 502, 503, 504]);
const isCount = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 1);

function check(fault: Fault): void {
  const ok =
    (fault.kind === "rate-limit" ? fault.perSecond > 0 : isCount(fault.times)) &&
    (fault.kind !== "status" || INJECTABLE.has(fault.status)) &&
    (fault.kind !== "latency" || (Number.isFinite(fault.ms) && fault.ms >= 0));
  if (!ok) throw new RangeError(`Invalid fault: ${JSON.stringify(fault)}`);
}

const matches = ({ method, pathPrefix }: FaultMatch = {}, reqMethod: string, path: string) =>
  (method === undefined || method.toUpperCase() === reqMethod) && (pathPrefix === undefined || path.startsWith(pathPrefix));

export class Faults {
  #armed: Armed[] = [];

  inject(fault: Fault, now = Date.now()): void {
    check(fault);
    const left = fault.kind === "rate-limit" ? Infinity : (fault.times ?? (fault.kind === "latency" ? Infinity : 1));
    const tokens = fault.kind === "rate-limit" ? fault.perSecond : 0;
    this.#armed.push({ fault, left, tokens, refilledAt: now });
  }

  clear(): void {
    this.#armed = [];
  }

  /** Matching latency faults add up; then the first matching fault of another kind decides, in
   *  injection order. A rate limit with a token to spare lets later faults decide. */
  plan(method: string, path: string, now = Date.now()): Plan {
    let delayMs = 0;
    let outcome: Outcome | undefined;
    for (const armed of this.#armed) {
      const f = armed.fault;
      if (!matches(f.match, method, path) || (outcome && f.kind !== "latency")) continue;
      if (f.kind === "rate-limit") {
        outcome = takeToken(armed, f.perSecond, now);
        continue;
      }
      armed.left -= 1;
      if (f.kind === "latency") delayMs += f.ms;
      else if (f.kind === "status") outcome = { kind: "status", status: f.status, ...(f.retryAfter !== undefined && { retryAfter: f.retryAfter }) };
      else outcome = { kind: f.kind };
    }
    this.#armed = this.#armed.filter((a) => a.left > 0);
    return { delayMs, outcome: outcome ?? { kind: "serve" } };
  }
}

/** Undefined when a token was taken; otherwise a 429 saying when the next token will be there. */
function takeToken(armed: Armed, perSecond: number, now: number): Outcome | undefined {
  armed.tokens = Math.min(perSecond, armed.tokens + ((now - armed.refilledAt) / 1000) * perSecond);
  armed.refilledAt = now;
  if (armed.tokens >= 1) {
    armed.tokens -= 1;
    return undefined;
  }
  const seconds = Math.max(1, Math.ceil((1 - armed.tokens) / perSecond));
  return { kind: "status", status: RATE_LIMITED_STATUS, retryAfter: String(seconds) };
}
