/**
 * Reads Prism's verdict on each exchange from the response it sends back, and keeps them all.
 *
 * How Prism 5.16 reports (read in node_modules/@stoplight/prism-http-server/dist/server.js,
 * prism-core/dist/factory.js and prism-http/dist/forwarder/index.js):
 * - Every request/response violation of an exchange it let through goes into the `sl-violations`
 *   response header: a JSON array of { location: ["request"|"response", …path], severity, code,
 *   message } (cut and prefixed "Too many violations!" past ~8 KB). Severity is Error for schema
 *   failures and Warning for a status the operation does not declare (unless it is a 2xx).
 * - With --errors, a response with an Error-severity violation is replaced by a 500
 *   application/problem+json `…#VIOLATIONS` whose `validation` lists them (the header is kept).
 * - With --errors in proxy mode, a request with any violation is not forwarded: Prism answers 422
 *   `…#UNPROCESSABLE_ENTITY` itself, `validation` locations without the "request" prefix, no header.
 * - Requests it refuses before validating (no matching path or method, missing credentials) get a
 *   problem+json of their own (404/405/401) without `validation`.
 * The emulator never sends application/problem+json, so every such body is Prism speaking.
 * Prism also logs what it finds: "Violation: …" for each violation of an answer it passes on, and
 * "Request terminated with error: …" for an answer it replaces; Prism.violationLines reads those
 * as a backstop.
 */
import type { RawResponse } from "../../provider/core/transport";
import { operationOf } from "./spec-file";

export interface Violation {
  /** The spec's operationId, e.g. createUser. */
  operation: string;
  /** Method and path as sent, e.g. "POST /v2/users". */
  request: string;
  side: "request" | "response";
  /** Where in the message, e.g. "body.id", "query.limit"; "" for the message as a whole (its status). */
  field: string;
  severity: string;
  message: string;
}

export interface Exchange {
  operation: string;
  method: string;
  path: string;
  status: number;
  violations: Violation[];
}

interface Reported {
  location?: unknown;
  severity?: unknown;
  message?: unknown;
}

const header = (headers: RawResponse["headers"], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

/** Prism's verdict on one exchange, from the response it returned. */
export function violationsIn(method: string, path: string, response: RawResponse): Violation[] {
  const operation = operationOf(method, path);
  const request = `${method} ${path}`;
  const found = new Map<string, Violation>();
  const add = (side: Violation["side"], location: string[], severity: string, message: string) => {
    const v: Violation = { operation, request, side, field: location.join("."), severity, message };
    found.set(JSON.stringify([v.side, v.field, v.message]), v);
  };
  const fromList = (list: unknown, defaultSide: Violation["side"]) => {
    for (const item of Array.isArray(list) ? (list as Reported[]) : []) {
      const location = Array.isArray(item.location) ? item.location.map(String) : [];
      const [first, ...rest] = location;
      const sided = first === "request" || first === "response";
      add(sided ? first : defaultSide, sided ? rest : location, String(item.severity ?? "Error"), String(item.message ?? JSON.stringify(item)));
    }
  };

  const reported = header(response.headers, "sl-violations");
  if (reported !== undefined) {
    if (reported.startsWith("[")) {
      try {
        fromList(JSON.parse(reported), "response");
      } catch {
        add("response", ["(sl-violations)"], "Error", `unreadable sl-violations header: ${reported.slice(0, 300)}`);
      }
    } else {
      add("response", ["(sl-violations)"], "Error", reported.slice(0, 300));
    }
  }

  if (/problem\+json/i.test(header(response.headers, "content-type") ?? "")) {
    let problem: { type?: string; title?: string; detail?: string; validation?: unknown } = {};
    try {
      problem = JSON.parse(response.text) as typeof problem;
    } catch {
      // reported below with the raw text
    }
    // 500 VIOLATIONS lists response (or request) violations; 422 lists request ones, unprefixed.
    if (Array.isArray(problem.validation) && problem.validation.length > 0) fromList(problem.validation, response.status === 422 ? "request" : "response");
    else add("request", [], "Error", `Prism answered ${response.status} itself: ${problem.title ?? response.text.slice(0, 300)}${problem.detail ? ` — ${problem.detail}` : ""}`);
  }
  return [...found.values()];
}

export function describeViolation(v: Violation): string {
  return `${v.operation} (${v.request}): ${v.side}${v.field ? `.${v.field}` : ""} — ${v.message} [${v.severity}]`;
}

/** Every exchange that went through Prism, with its violations. */
export class Judge {
  readonly exchanges: Exchange[] = [];
  #taken = 0;

  record(method: string, path: string, response: RawResponse): Exchange {
    const exchange = { operation: operationOf(method, path), method, path, status: response.status, violations: violationsIn(method, path, response) };
    this.exchanges.push(exchange);
    return exchange;
  }

  /** The violations of the exchanges recorded since the last call, one line each. */
  take(): string[] {
    const fresh = this.exchanges.slice(this.#taken);
    this.#taken = this.exchanges.length;
    return fresh.flatMap((e) => e.violations.map(describeViolation));
  }

  /** The operations recorded since `from` (an index into `exchanges`), with their statuses. */
  operations(from = 0): string[] {
    return this.exchanges.slice(from).map((e) => `${e.operation} ${e.status}`);
  }
}
