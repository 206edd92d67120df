// The failures a SaaS API produces, as emulator faults: the rows of every fault matrix (each
// matrix adds the match of its own requests).
import type { Fault } from "../../emulator/core/faults";

const httpDate = () => new Date(Date.now() + 1000).toUTCString();

/** The failures a SaaS API produces, as emulator faults (the match is the service's own). */
export const faultKinds: Array<[string, () => Omit<Fault, "match">]> = [
  ["429 without Retry-After", () => ({ kind: "status", status: 429 })],
  ["429 with Retry-After in seconds", () => ({ kind: "status", status: 429, retryAfter: "1" })],
  ["429 with Retry-After as an HTTP-date", () => ({ kind: "status", status: 429, retryAfter: httpDate() })],
  ["500", () => ({ kind: "status", status: 500 })],
  ["502", () => ({ kind: "status", status: 502 })],
  ["503", () => ({ kind: "status", status: 503 })],
  ["504", () => ({ kind: "status", status: 504 })],
  ["connection reset before the server acted", () => ({ kind: "reset" })],
  ["an answer slower than the request timeout", () => ({ kind: "latency", ms: 700, times: 1 })],
  ["server committed, then the connection dropped", () => ({ kind: "drop-after-commit" })],
];

