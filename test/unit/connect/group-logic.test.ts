import { checkGroup, diffGroup, patchBody, toOutputs } from "../../../provider/connect/groups/logic";
import type { GroupOutputs } from "../../../provider/connect/groups/schema";
import { UNKNOWN } from "../../../provider/core/unknown";

const guid = "6f300623-1e0c-48e6-a473-ddf630c0c0c3";
const owner = "0b0b0b0b-1e0c-48e6-a473-ddf630c0c0c3";

describe("checkGroup", () => {
  test.each<[string, Record<string, unknown>, string]>([
    ["missing name", {}, "name"],
    ["empty name", { name: "" }, "name"],
    ["name over 4096 characters", { name: "g".repeat(4097) }, "name"],
    ["name with surrounding spaces", { name: " analysts" }, "name"],
    ["name as a number", { name: 3 }, "name"],
    ["ownerGuid not a guid", { name: "a", ownerGuid: "pat" }, "ownerGuid"],
    ["onDelete lock (groups are deleted or retained)", { name: "a", onDelete: "lock" }, "onDelete"],
    ["adoptExisting as a string", { name: "a", adoptExisting: "yes" }, "adoptExisting"],
    ["account in capitals", { name: "a", account: "Staging" }, "account"],
    ["a snake_case property", { name: "a", owner_guid: owner }, "owner_guid"],
  ])("%s is a CheckFailure naming %s", (_case, news, property) => {
    expect(checkGroup(news).failures.map((f) => f.property)).toEqual([property]);
  });

  it("applies the defaults", () => {
    expect(checkGroup({ name: "analysts" })).toEqual({ inputs: { name: "analysts", adoptExisting: false, onDelete: "delete" }, failures: [] });
  });
});

const olds: GroupOutputs = { name: "analysts", ownerGuid: owner, guid, memberCount: 3, adoptExisting: false, onDelete: "delete" };
const news = (extra: Record<string, unknown> = {}) => ({ name: "analysts", adoptExisting: false, onDelete: "delete", ...extra });

describe("diffGroup", () => {
  test.each<[string, Record<string, unknown>, string[]]>([
    ["the same name, owner unset", {}, []],
    ["the same owner", { ownerGuid: owner }, []],
    ["a new name (renamed in place)", { name: "data-team" }, ["name"]],
    ["a new owner", { ownerGuid: guid }, ["ownerGuid"]],
    ["retain on delete", { onDelete: "retain" }, ["onDelete"]],
    ["adoptExisting", { adoptExisting: true }, ["adoptExisting"]],
    ["a name not known yet", { name: UNKNOWN }, ["name"]],
  ])("%s updates %j in place, never replaces", (_case, extra, updates) => {
    expect(diffGroup(olds as never, news(extra))).toEqual({ changes: updates.length > 0, replaces: [], updates });
  });

  it("another account replaces (another server)", () => {
    expect(diffGroup(olds as never, news({ account: "staging" }))).toMatchObject({ changes: true, replaces: ["account"] });
  });
});

describe("patchBody and outputs", () => {
  it("sends only what differs; an unset owner is left alone", () => {
    expect(patchBody(olds, { name: "analysts" })).toBeUndefined();
    expect(patchBody(olds, { name: "data-team" })).toEqual({ name: "data-team" });
    expect(patchBody(olds, { name: "analysts", ownerGuid: guid })).toEqual({ owner_guid: guid });
  });

  it("outputs carry no null: an ownerless group has no ownerGuid", () => {
    expect(toOutputs({ guid, name: "a", owner_guid: null, gid: null, member_count: 0 }, {})).toEqual({ name: "a", guid, memberCount: 0, adoptExisting: false, onDelete: "delete" });
  });
});
