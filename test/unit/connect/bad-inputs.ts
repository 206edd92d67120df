// Inputs a user can get wrong, each with the property its CheckFailure must name. Shared by the
// unit table (test/unit) and the host table (test/engine), which also proves no request is made.
const username = "alice";

export const badInputs: Array<[string, Record<string, unknown>, string]> = [
  ["missing username", {}, "username"],
  ["empty username", { username: "" }, "username"],
  ["username with a space", { username: "a b" }, "username"],
  ["username with a control character", { username: "a\u0007b" }, "username"],
  ["username over 255 characters", { username: "u".repeat(256) }, "username"],
  ["username as a number", { username: 7 }, "username"],
  ["malformed email", { username, email: "not-an-email" }, "email"],
  ["empty firstName", { username, firstName: "" }, "firstName"],
  ["lastName as a number", { username, lastName: 3 }, "lastName"],
  ["unknown role", { username, userRole: "admin" }, "userRole"],
  ["role in capitals", { username, userRole: "Viewer" }, "userRole"],
  ["locked as a string", { username, locked: "true" }, "locked"],
  ["password under 6 characters", { username, password: "12345" }, "password"],
  ["password and userMustSetPassword together", { username, password: "long enough", userMustSetPassword: true }, "password"],
  ["userMustSetPassword as a string", { username, userMustSetPassword: "yes" }, "userMustSetPassword"],
  ["empty externalId", { username, externalId: "" }, "externalId"],
  ["adoptExisting as a number", { username, adoptExisting: 1 }, "adoptExisting"],
  ["onDelete delete (Connect cannot delete users)", { username, onDelete: "delete" }, "onDelete"],
  ["onDelete not in the list", { username, onDelete: "disable" }, "onDelete"],
  ["a snake_case property", { username, user_role: "viewer" }, "user_role"],
  ["account in capitals", { username, account: "Staging" }, "account"],
];
