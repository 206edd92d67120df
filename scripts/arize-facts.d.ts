/** The users facts of the installed @arizeai/ax-client (see arize-facts.js). */
export function facts(): unknown;
/** The access facts (organizations, spaces, memberships, role bindings, roles) of the installed @arizeai/ax-client. */
export function accessFacts(): unknown;
/** Whether @arizeai/ax-client is installed. */
export function clientInstalled(): boolean;
