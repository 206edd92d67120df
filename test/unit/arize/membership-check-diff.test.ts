import { UNKNOWN } from "../../../provider/core/unknown";
import { memberId, parseMemberId } from "../../../provider/arize/members";
import { addBody, checkOrganizationMembership, diffOrganizationMembership } from "../../../provider/arize/organization-memberships/logic";
import { checkSpaceMembership, diffSpaceMembership } from "../../../provider/arize/space-memberships/logic";

const kinds = [
  ["ArizeOrganizationMembership", "organizationId", checkOrganizationMembership, diffOrganizationMembership],
  ["ArizeSpaceMembership", "spaceId", checkSpaceMembership, diffSpaceMembership],
] as const;

describe.each(kinds)("%s check", (_kind, where, check) => {
  const base = { [where]: "T3JnOjE=", userId: "VXNlcjox", role: "MEMBER" };

  it("fills onDelete with delete and keeps the role uppercase, in either case", () => {
    expect(check({ ...base, role: "read_only" })).toEqual({ inputs: { ...base, role: "READ_ONLY", onDelete: "delete" }, failures: [] });
  });

  it.each(["ADMIN", "MEMBER", "READ_ONLY", "ANNOTATOR", "annotator"])("accepts the role %s", (role) => {
    expect(check({ ...base, role }).failures).toEqual([]);
  });

  it("ignores output-only keys and __provider, and lets an unknown value through at preview", () => {
    expect(check({ ...base, membershipId: "x", __provider: "code" }).inputs).not.toHaveProperty("membershipId");
    expect(check({ ...base, userId: UNKNOWN })).toMatchObject({ failures: [], inputs: { userId: UNKNOWN } });
  });

  it.each([
    [where, { userId: "VXNlcjox", role: "MEMBER" }, new RegExp(`${where}`)],
    [where, { ...base, [where]: "  " }, /must not be empty/],
    ["userId", { ...base, userId: 7 }, /userId must be a string/],
    ["role", { ...base, role: undefined }, /role must be one of ADMIN, MEMBER, READ_ONLY, ANNOTATOR/],
    ["role", { ...base, role: "OWNER" }, /role must be one of ADMIN, MEMBER, READ_ONLY, ANNOTATOR \(either case\)/],
    ["onDelete", { ...base, onDelete: "keep" }, /onDelete must be delete or retain/],
    ["adoptExisting", { ...base, adoptExisting: true }, /unknown property adoptExisting/],
  ])("refuses a bad %s as a CheckFailure on that property", (property, news, reason) => {
    const { failures } = check(news as Record<string, unknown>);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.property).toBe(property);
    expect(failures[0]!.reason).toMatch(reason);
  });
});

describe.each(kinds)("%s diff", (_kind, where, check, diff) => {
  const olds = { [where]: "T3JnOjE=", userId: "VXNlcjox", role: "MEMBER", onDelete: "delete", membershipId: "m1" };
  const news = (extra: Record<string, unknown>) => check({ [where]: "T3JnOjE=", userId: "VXNlcjox", role: "MEMBER", ...extra }).inputs;

  it.each([
    ["nothing changed", {}, [], []],
    ["the role (either case)", { role: "admin" }, [], ["role"]],
    ["onDelete", { onDelete: "retain" }, [], ["onDelete"]],
    ["the container", { [where]: "T3JnOjI=" }, [where], []],
    ["the user", { userId: "VXNlcjoy" }, ["userId"], []],
    ["the account", { account: "eu" }, ["account"], []],
    ["an unknown user at preview", { userId: UNKNOWN }, ["userId"], []],
    ["an unknown role at preview", { role: UNKNOWN }, [], ["role"]],
  ])("%s", (_what, extra, replaces, updates) => {
    const d = diff(olds, news(extra));
    expect(d).toEqual({ changes: replaces.length + updates.length > 0, replaces, updates, deleteBeforeReplace: true });
  });

  it("an onDelete absent from old state is the default delete", () => {
    const { onDelete: _, ...older } = olds;
    expect(diff(older, news({})).changes).toBe(false);
  });
});

test("the body sends the role as the schema's object, never the prose's string", () => {
  expect(addBody({ userId: "VXNlcjox", role: "READ_ONLY" })).toEqual({ user_id: "VXNlcjox", role: { type: "PREDEFINED", name: "READ_ONLY" } });
});

test("the id joins container and user with ':', which base64 never holds, so ids with '/' and '=' round-trip", () => {
  const id = memberId("T3Jn/OjE=", "VXNl+cjox/==");
  expect(parseMemberId(id)).toEqual({ containerId: "T3Jn/OjE=", userId: "VXNl+cjox/==" });
  expect(parseMemberId("nocolon")).toBeUndefined();
  expect(parseMemberId(":x")).toBeUndefined();
});
