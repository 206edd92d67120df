// Inputs a user can get wrong, each with the property its CheckFailure must name. Shared by the
// unit table (test/unit) and the host table (test/engine), which also proves no request is made.
const email = "alice@example.com";

export const badInputs: Array<[string, Record<string, unknown>, string]> = [
  ["missing email", {}, "email"],
  ["malformed email", { email: "not-an-email" }, "email"],
  ["email with a space", { email: "a b@example.com" }, "email"],
  ["username over 128 characters", { email, username: "u".repeat(129) }, "username"],
  ["empty username", { email, username: "" }, "username"],
  ["username with a slash", { email, username: "a/b" }, "username"],
  ["username with ..", { email, username: "a..b" }, "username"],
  ["username with ?", { email, username: "a?b" }, "username"],
  ["username with #", { email, username: "a#b" }, "username"],
  ["username with %", { email, username: "a%2Fb" }, "username"],
  ["username with a space", { email, username: "a b" }, "username"],
  ["username with a control character", { email, username: "a\u0007b" }, "username"],
  ["username with non-ASCII", { email, username: "zoë" }, "username"],
  ["description over 255 characters", { email, description: "d".repeat(256) }, "description"],
  ["enabled as a string", { email, enabled: "true" }, "enabled"],
  ["unknown API role corpus_admin", { email, apiRoles: ["corpus_admin"] }, "apiRoles[0]"],
  ["unknown API role query_writer", { email, apiRoles: ["owner", "query_writer"] }, "apiRoles[1]"],
  ["apiRoles as an object", { email, apiRoles: { owner: true } }, "apiRoles"],
  ["empty role entry", { email, apiRoles: [""] }, "apiRoles[0]"],
  ["corpus role without a key", { email, corpusRoles: [{ role: "viewer" }] }, "corpusRoles[0].corpusKey"],
  ["corpus role with an unknown role", { email, corpusRoles: [{ corpusKey: "docs", role: "reader" }] }, "corpusRoles[0].role"],
  ["corpus role with a snake_case key", { email, corpusRoles: [{ corpus_key: "docs", role: "viewer" }] }, "corpusRoles[0].corpusKey"],
  ["corpus key with a slash", { email, corpusRoles: [{ corpusKey: "a/b", role: "viewer" }] }, "corpusRoles[0].corpusKey"],
  ["one corpus with two roles", { email, corpusRoles: [{ corpusKey: "docs", role: "viewer" }, { corpusKey: "docs", role: "editor" }] }, "corpusRoles"],
  ["agent role with a corpus role name", { email, agentRoles: [{ agentKey: "bot", role: "editor" }] }, "agentRoles[0].role"],
  ["onDelete not in the list", { email, onDelete: "archive" }, "onDelete"],
  ["adoptExisting as a number", { email, adoptExisting: 1 }, "adoptExisting"],
  ["a misspelt property", { email, apiRole: ["owner"] }, "apiRole"],
  ["description as a number", { email, description: 42 }, "description"],
  ["email as a list", { email: [email] }, "email"],
  ["email with non-ASCII", { email: "zoë@example.com" }, "email"],
  ["agent role without a key", { email, agentRoles: [{ role: "agent_user" }] }, "agentRoles[0].agentKey"],
  ["username with a tab", { email, username: "a\tb" }, "username"],
  ["corpusRoles as one object instead of a list", { email, corpusRoles: { corpusKey: "docs", role: "viewer" } }, "corpusRoles"],
];

badInputs.push(
  ["account in capitals", { email, account: "Staging" }, "account"],
  ["account with a colon", { email, account: "eu:prod" }, "account"],
);
