/** The users facts of the installed @arizeai/ax-client (see arize-facts.js). */
export function facts(): unknown;
/** Whether @arizeai/ax-client is installed. */
export function clientInstalled(): boolean;
