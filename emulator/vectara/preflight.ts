/**
 * What every users and corpora operation checks once routed, before its own work, in the
 * documented order (choices.ts): a write with the read-only key → 403, then bad timeout headers → 400.
 */
import type { Reply, ServiceRequest } from "../core";
import { READ_ONLY_METHODS } from "./choices";

/** Request-Timeout / Request-Timeout-Millis (components.parameters): integer, minimum 1. */
export function timeoutHeaderErrors(headers: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const name of ["Request-Timeout", "Request-Timeout-Millis"]) {
    const value = headers[name.toLowerCase()];
    if (value !== undefined && !(/^\d+$/.test(value.trim()) && Number(value) >= 1)) {
      errors[name] = `${name} must be an integer of at least 1`;
    }
  }
  return errors;
}

export function preflight(req: ServiceRequest): Reply | undefined {
  if (req.access === "read-only" && !READ_ONLY_METHODS.includes(req.method)) {
    return req.errors.error(403, `This API key may not ${req.method} ${req.path}`);
  }
  const headerErrors = timeoutHeaderErrors(req.headers);
  if (Object.keys(headerErrors).length > 0) return req.errors.badRequest(headerErrors, Object.values(headerErrors));
  return undefined;
}
