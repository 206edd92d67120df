/**
 * The emulator core: what any service's emulator is built from. A service (one folder beside this
 * one) brings its spec's schemas, its error bodies and its choices; the core brings the HTTP server,
 * request log, faults, auth schemes, paging, body checks and REST resources.
 */
export { anyOf, apiKeyHeader, authorization, OAuth2ClientCredentials, type Access, type AuthScheme, type ClientCredentialsConfig, type KeyTable } from "./auth";
export { RATE_LIMITED_STATUS, type Fault, type FaultMatch, type InjectedStatus } from "./faults";
export { cursorPage, decodeCursor, encodeCursor, numberedPage, QueryReader, type IntegerRange } from "./paging";
export { json, type ErrorBodies, type ErrorReplies, type Reply } from "./replies";
export { route, serveResources, type Op, type Resource, type Route } from "./resources";
export { Emulator, listen, type RequestLogEntry, type Service, type ServiceRequest } from "./server";
export { ResourceStore, type CreateResult, type UpdateResult } from "./store";
export { charCount, check, invalid, parseJsonBody, typed, type Checked, type Invalid } from "./validation";
