import { createBody, diffUser, toOutputs, triggerDue, updateBody, keptSettings } from "../../../provider/arize/users/logic";
import type { UserInputs } from "../../../provider/arize/users/schema";

const olds = {
  email: "alice@example.com", name: "Alice", role: "MEMBER", isDeveloper: true, inviteMode: "EMAIL_LINK", adoptExisting: false, onDelete: "delete",
  userId: "VXNlcjox", status: "INVITED", createdAt: "2026-01-01T00:00:00Z",
};
const news = { email: "alice@example.com", name: "Alice", role: "MEMBER", isDeveloper: true, inviteMode: "EMAIL_LINK", adoptExisting: false, onDelete: "delete" };

describe("diffUser", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, { replaces: string[]; updates: string[] }]>([
    ["nothing changed", {}, {}, { replaces: [], updates: [] }],
    ["status changed on its own", { status: "ACTIVE" }, {}, { replaces: [], updates: [] }],
    ["email differs only in case", {}, { email: "Alice@Example.com" }, { replaces: [], updates: [] }],
    ["a new email", {}, { email: "alice@corp.example.com" }, { replaces: ["email"], updates: [] }],
    ["another account", {}, { account: "eu" }, { replaces: ["account"], updates: [] }],
    ["a new name", {}, { name: "Alice B." }, { replaces: [], updates: ["name"] }],
    ["isDeveloper", {}, { isDeveloper: false }, { replaces: [], updates: ["isDeveloper"] }],
    ["the resend trigger", { resendInvitationTrigger: "1" }, { resendInvitationTrigger: "2" }, { replaces: [], updates: ["resendInvitationTrigger"] }],
    ["the reset trigger", {}, { passwordResetTrigger: "1" }, { replaces: [], updates: ["passwordResetTrigger"] }],
    ["adoptExisting", {}, { adoptExisting: true }, { replaces: [], updates: ["adoptExisting"] }],
    ["onDelete", {}, { onDelete: "retain" }, { replaces: [], updates: ["onDelete"] }],
    ["inviteMode (create-only: no diff)", {}, { inviteMode: "NONE" }, { replaces: [], updates: [] }],
  ])("%s", (_what, o, n, expected) => {
    const d = diffUser({ ...olds, ...o }, { ...news, ...n });
    expect({ replaces: d.replaces, updates: d.updates }).toEqual(expected);
    expect(d.changes).toBe(expected.replaces.length + expected.updates.length > 0);
  });

  it("warns, without a diff, when inviteMode changes after create", () => {
    const d = diffUser(olds, { ...news, inviteMode: "TEMPORARY_PASSWORD" });
    expect(d.changes).toBe(false);
    expect(d.warnings).toEqual([expect.stringMatching(/inviteMode changed from EMAIL_LINK to TEMPORARY_PASSWORD: .*no effect/)]);
    expect(diffUser(olds, news).warnings).toEqual([]);
  });

  it("a role carried in by refresh and set in the program is no change", () => {
    expect(diffUser({ ...olds, role: "ADMIN" }, { ...news, role: "ADMIN" }).changes).toBe(false);
  });
});

describe("bodies", () => {
  const inputs: UserInputs = { email: "a@example.com", name: "A", role: "ANNOTATOR", isDeveloper: false, inviteMode: "TEMPORARY_PASSWORD", adoptExisting: false, onDelete: "delete" };

  it("create sends the role as a PREDEFINED assignment and every enum uppercase", () => {
    expect(createBody(inputs)).toEqual({ name: "A", email: "a@example.com", role: { type: "PREDEFINED", name: "ANNOTATOR" }, invite_mode: "TEMPORARY_PASSWORD", is_developer: false });
  });

  it.each([
    ["nothing differs", { name: "A", isDeveloper: false }, undefined],
    ["the name", { name: "B", isDeveloper: false }, { name: "A" }],
    ["isDeveloper", { name: "A", isDeveloper: true }, { is_developer: false }],
    ["both", { name: "B", isDeveloper: true }, { name: "A", is_developer: false }],
  ])("update sends only what differs (%s), never an empty body", (_what, current, body) => {
    expect(updateBody(current, inputs)).toEqual(body);
  });

  it.each([[undefined, "1", false], ["1", "1", false], ["1", "2", true], ["1", undefined, false]])("trigger %s → %s fires: %s", (a, b, due) => {
    expect(triggerDue(a, b)).toBe(due);
  });
});

describe("toOutputs", () => {
  it("reads enums in either case and keeps what the API does not return", () => {
    const outs = toOutputs(
      { id: "VXNlcjoy", name: "B", email: "b@example.com", created_at: "2026-01-01T00:00:00Z", status: "ACTIVE", role: { type: "PREDEFINED", name: "admin" }, is_developer: true },
      keptSettings({ inviteMode: "NONE", onDelete: "retain" }, "secret-pw"),
    );
    expect(outs).toEqual({
      email: "b@example.com", name: "B", role: "ADMIN", isDeveloper: true, inviteMode: "NONE", adoptExisting: false, onDelete: "retain",
      temporaryPassword: "secret-pw", userId: "VXNlcjoy", status: "ACTIVE", createdAt: "2026-01-01T00:00:00Z",
    });
    expect(Object.values(outs)).not.toContain(undefined);
  });

  it("names a custom role by its id", () => {
    const outs = toOutputs({ id: "x", name: "C", email: "c@example.com", status: "ACTIVE", role: { type: "CUSTOM", id: "Um9sZTox", name: "Auditor" }, is_developer: false }, keptSettings({}));
    expect(outs.role).toBe("CUSTOM:Um9sZTox");
  });
});
