/**
 * The emulator core: what any service's emulator is built from. It names no service.
 *
 * Adding a service is a folder beside this one (see ../vectara) with:
 * - `<resource>-spec.ts`: the spec's request schemas (zod, with `typed`/`charCount`) and record types;
 * - `errors.ts`: an `ErrorBodies` building the spec's error shape (a JSON `Error`, `{code, error}`,
 *   or RFC 9457 problem+json through `Reply.contentType`);
 * - `<resource>-store.ts`: a `ResourceStore` subclass: key field, unique fields, build, copy, touched;
 * - `<resource>-api.ts`: a `Resource`: path, served ops, update method (PATCH or PUT), created/updated
 *   replies, duplicate status, actions, and `custom` handlers for what is the service's own (a list's
 *   query and paging through `QueryReader` with `cursorPage` or `numberedPage`);
 * - `server.ts`: an `Emulator` subclass declaring its `Service`: error bodies, `auth` from
 *   `apiKeyHeader` / `authorization("Bearer" | "Key", …)` / `OAuth2ClientCredentials` combined with
 *   `anyOf`, the 401 challenge, the API prefix, and `handle` (usually `serveResources`), plus its
 *   out-of-band methods (seed, patch, delete, as if in the service's console);
 * - `cli.ts`: its `ServiceCli` (flags as data), listed in ../services.ts;
 * - `choices.ts`: what the spec leaves open, decided once, with the reason.
 * Faults, the request log, the token endpoint and the command line come with the core.
 */
export { anyOf, apiKeyHeader, authorization, OAuth2ClientCredentials, type Access, type AuthScheme, type ClientCredentialsConfig, type KeyTable } from "./auth";
export { choiceFlag, defineServiceCli, integerFlag, ipv4Flag, runCli, textFlag, UsageError, type CliIo, type CliOutcome, type Flag, type FlagValues, type ServiceCli } from "./cli";
export { RATE_LIMITED_STATUS, type Fault, type FaultMatch, type InjectedStatus } from "./faults";
export { cursorPage, decodeCursor, encodeCursor, numberedPage, QueryReader, type IntegerRange } from "./paging";
export { json, type ErrorBodies, type ErrorReplies, type Reply } from "./replies";
export { route, serveResources, type Op, type Resource, type Route } from "./resources";
export { Emulator, listen, type RequestLogEntry, type Service, type ServiceRequest } from "./server";
export { ResourceStore, type CreateResult, type UpdateResult } from "./store";
export { charCount, check, invalid, parseJsonBody, typed, type Checked, type Invalid } from "./validation";
