import { UNKNOWN } from "../../../provider/core/unknown";
import { checkUser } from "../../../provider/arize/users/logic";

const email = "alice@example.com";
const name = "Alice";

describe("checkUser normalises valid inputs", () => {
  it("fills every default, isDeveloper from the role as the API does", () => {
    expect(checkUser({}, { email, name })).toEqual({
      inputs: { email, name, role: "MEMBER", isDeveloper: true, inviteMode: "EMAIL_LINK", adoptExisting: false, onDelete: "delete" },
      failures: [],
    });
    expect(checkUser({}, { email, name, role: "ANNOTATOR" }).inputs.isDeveloper).toBe(false);
    expect(checkUser({}, { email, name, role: "ANNOTATOR", isDeveloper: true }).inputs.isDeveloper).toBe(true);
  });

  it.each([["admin", "ADMIN"], ["Annotator", "ANNOTATOR"], ["member", "MEMBER"]])("accepts the role %s and keeps it as %s", (given, kept) => {
    expect(checkUser({}, { email, name, role: given })).toMatchObject({ inputs: { role: kept }, failures: [] });
  });

  it("accepts a lowercase inviteMode and keeps it uppercase", () => {
    expect(checkUser({}, { email, name, inviteMode: "temporary_password" }).inputs.inviteMode).toBe("TEMPORARY_PASSWORD");
  });

  it("ignores the output-only keys and __provider that the engine passes back in news", () => {
    const { inputs, failures } = checkUser({}, { email, name, userId: "VXNlcjox", status: "ACTIVE", createdAt: "x", temporaryPassword: "p", __provider: "code" });
    expect(failures).toEqual([]);
    expect(Object.keys(inputs)).not.toEqual(expect.arrayContaining(["userId"]));
    expect(inputs).not.toHaveProperty("temporaryPassword");
  });

  it("passes an unknown value through during preview, without failing", () => {
    expect(checkUser({}, { email: UNKNOWN, name })).toMatchObject({ failures: [], inputs: { email: UNKNOWN } });
    expect(checkUser({ email, name, role: "MEMBER" }, { email, name, role: UNKNOWN })).toMatchObject({ failures: [], inputs: { role: UNKNOWN } });
  });
});

describe("checkUser refuses bad inputs, each as a CheckFailure naming the property", () => {
  it.each([
    ["email", { name }],
    ["email", { email: "not-an-email", name }],
    ["email", { email: 42, name }],
    ["name", { email }],
    ["name", { email, name: "" }],
    ["name", { email, name: "   " }],
    ["name", { email, name: "x".repeat(256) }],
    ["role", { email, name, role: "OWNER" }],
    ["role", { email, name, role: 1 }],
    ["isDeveloper", { email, name, isDeveloper: "yes" }],
    ["inviteMode", { email, name, inviteMode: "SMS" }],
    ["resendInvitationTrigger", { email, name, resendInvitationTrigger: 1 }],
    ["passwordResetTrigger", { email, name, passwordResetTrigger: false }],
    ["adoptExisting", { email, name, adoptExisting: "true" }],
    ["onDelete", { email, name, onDelete: "disable" }],
    ["account", { email, name, account: "Prod" }],
    ["surname", { email, name, surname: "x" }],
  ])("%s: %j", (property, news) => {
    const { failures } = checkUser({}, news);
    expect(failures.map((f) => f.property)).toContain(property);
    expect(failures.every((f) => f.reason.length > 0)).toBe(true);
  });

  it("takes a name of exactly 255 characters", () => {
    expect(checkUser({}, { email, name: "x".repeat(255) }).failures).toEqual([]);
  });
});

describe("a changed role is refused before any request", () => {
  const olds = { email, name, role: "MEMBER" };

  it("says the API cannot change it, and what to do", () => {
    const { failures } = checkUser(olds, { email, name, role: "ADMIN" });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.property).toBe("role");
    expect(failures[0]?.reason).toMatch(/cannot change through the Arize API/);
    expect(failures[0]?.reason).toMatch(/change the role in Arize, run `pulumi refresh`, then set role: "ADMIN"/);
    expect(failures[0]?.reason).toMatch(/burns its email/);
  });

  it("compares case-insensitively: admin after ADMIN is no change", () => {
    expect(checkUser({ ...olds, role: "ADMIN" }, { email, name, role: "admin" }).failures).toEqual([]);
  });

  it("accepts the role a refresh carried into the old inputs", () => {
    expect(checkUser({ ...olds, role: "ADMIN" }, { email, name, role: "ADMIN" })).toMatchObject({ failures: [], inputs: { role: "ADMIN" } });
  });

  it("refuses a default that differs from the role in state", () => {
    expect(checkUser({ ...olds, role: "ANNOTATOR" }, { email, name }).failures[0]?.property).toBe("role");
  });

  it("lets a new email (a new user) have any role", () => {
    expect(checkUser(olds, { email: "alice@corp.example.com", name, role: "ADMIN" }).failures).toEqual([]);
  });

  it("treats an email differing only in case as the same user", () => {
    expect(checkUser(olds, { email: "ALICE@example.com", name, role: "ADMIN" }).failures[0]?.property).toBe("role");
  });
});
