import { checkMembership, diffMembership, membershipOwnedByProvider } from "../../../provider/connect/memberships/logic";
import { parseMembershipId } from "../../../provider/connect/memberships/schema";
import { UNKNOWN } from "../../../provider/core/unknown";

const g = "6f300623-1e0c-48e6-a473-ddf630c0c0c3";
const u = "0b0b0b0b-1e0c-48e6-a473-ddf630c0c0c3";

describe("checkMembership", () => {
  test.each<[string, Record<string, unknown>, string]>([
    ["missing groupGuid", { userGuid: u }, "groupGuid"],
    ["missing userGuid", { groupGuid: g }, "userGuid"],
    ["a username instead of a guid", { groupGuid: g, userGuid: "alice" }, "userGuid"],
    ["a group name instead of a guid", { groupGuid: "analysts", userGuid: u }, "groupGuid"],
    ["adoptExisting (a membership has none)", { groupGuid: g, userGuid: u, adoptExisting: true }, "adoptExisting"],
  ])("%s is a CheckFailure naming %s", (_case, news, property) => {
    expect(checkMembership(news).failures.map((f) => f.property)).toEqual([property]);
  });
});

describe("diffMembership", () => {
  const olds = { groupGuid: g, userGuid: u };
  test.each<[string, Record<string, unknown>, string[]]>([
    ["the same pair", { groupGuid: g, userGuid: u }, []],
    ["another user", { groupGuid: g, userGuid: g }, ["userGuid"]],
    ["another group", { groupGuid: u, userGuid: u }, ["groupGuid"]],
    ["another account", { groupGuid: g, userGuid: u, account: "eu" }, ["account"]],
    ["a user not known yet", { groupGuid: g, userGuid: UNKNOWN }, ["userGuid"]],
  ])("%s replaces %j", (_case, news, replaces) => {
    expect(diffMembership(olds, news)).toEqual({ changes: replaces.length > 0, replaces, updates: [] });
  });
});

describe("ids and refusals", () => {
  it("the id is <groupGuid>/<userGuid>", () => {
    expect(parseMembershipId(`${g}/${u}`)).toEqual({ groupGuid: g, userGuid: u });
    expect(parseMembershipId(g)).toBeUndefined();
    expect(parseMembershipId(`${g}/${u}/x`)).toBeUndefined();
  });

  it("code 132 (400) or 95 (403) means the authentication provider owns membership", () => {
    expect(membershipOwnedByProvider({ status: 400, apiCode: "132" })).toBe(true);
    expect(membershipOwnedByProvider({ status: 403, apiCode: "95" })).toBe(true);
    expect(membershipOwnedByProvider({ status: 409, apiCode: "16" })).toBe(false);
  });
});
