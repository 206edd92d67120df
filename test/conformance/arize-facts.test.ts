// The committed facts are the official client's contract, and our enums and paging are its enums
// and paging. When the client is installed, the facts are regenerated from it and compared.
import { accessFacts, clientInstalled, facts } from "../../scripts/arize-facts";
import committedAccessFacts from "./specs/arize-access.facts.json";
import { arizeProfile } from "../../provider/arize/profile";
import { inviteModes, roleNames, statusNames } from "../../provider/arize/users/schema";
import { INVITE_MODES, USER_ROLES, USER_STATUSES } from "../../emulator/arize/users-spec";
import { arizeFacts, schemaProblems } from "./arize-facts";

const enumOf = (name: string) => (arizeFacts.schemas[name] as { enum: string[] }).enum;

(clientInstalled() ? test : test.skip)("the committed facts equal what scripts/arize-facts.js makes from the installed client", () => {
  expect(facts()).toEqual(arizeFacts);
});

(clientInstalled() ? test : test.skip)("the committed access facts equal what scripts/arize-facts.js --access makes from the installed client", () => {
  expect(accessFacts()).toEqual(committedAccessFacts);
});

test.each([
  ["UserRole", roleNames, USER_ROLES],
  ["UserStatus", statusNames, USER_STATUSES],
  ["InviteMode", inviteModes, INVITE_MODES],
])("the provider's and the emulator's %s are the client's", (name, provider, emulator) => {
  expect([...provider]).toEqual(enumOf(name));
  expect([...emulator]).toEqual(enumOf(name));
});

test("the profile pages with the query parameters list_users declares", () => {
  const query = arizeFacts.operations.list_users!.query;
  expect(arizeProfile.paging).toMatchObject({ style: "cursor", sizeParam: "limit", cursorParam: "cursor" });
  expect(Object.keys(query).sort()).toEqual(["cursor", "email", "limit", "status"]);
  expect(query.status).toEqual({ array: { ref: "UserStatus" } });
});

test("the checker finds what departs from a schema", () => {
  const user = { id: "VXNlcjox", name: "A", email: "a@example.com", created_at: "2026-01-01T00:00:00Z", status: "ACTIVE", role: { type: "PREDEFINED", name: "MEMBER" }, is_developer: true };
  expect(schemaProblems("User", user)).toEqual([]);
  expect(schemaProblems("User", { ...user, status: "active" })).toEqual(['(body).status: "active" is not one of ACTIVE, INVITED, EXPIRED']);
  expect(schemaProblems("User", { ...user, extra: 1 })).toEqual(["(body).extra: not in the schema"]);
  expect(schemaProblems("User", { ...user, role: { type: "PREDEFINED", name: "OWNER" } })[0]).toMatch(/role: matches none/);
  expect(schemaProblems("UpdateUserRequest", { name: 1 })).toEqual(["(body).name: expected string, got 1"]);
});
