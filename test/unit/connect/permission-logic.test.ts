import { checkPermission, diffPermission } from "../../../provider/connect/permissions/logic";
import { UNKNOWN } from "../../../provider/core/unknown";

const c = "6f300623-1e0c-48e6-a473-ddf630c0c0c3";
const p = "0b0b0b0b-1e0c-48e6-a473-ddf630c0c0c3";
const base = { contentGuid: c, principalGuid: p, principalType: "user", role: "viewer" };

describe("checkPermission", () => {
  test.each<[string, Record<string, unknown>, string]>([
    ["missing contentGuid", { ...base, contentGuid: undefined }, "contentGuid"],
    ["a content name instead of a guid", { ...base, contentGuid: "dashboard" }, "contentGuid"],
    ["a principal that is not a guid", { ...base, principalGuid: "alice" }, "principalGuid"],
    ["principalType outside user|group", { ...base, principalType: "team" }, "principalType"],
    ["role outside viewer|owner", { ...base, role: "editor" }, "role"],
    ["role in capitals", { ...base, role: "Viewer" }, "role"],
    ["adoptExisting as a string", { ...base, adoptExisting: "yes" }, "adoptExisting"],
  ])("%s is a CheckFailure naming %s", (_case, news, property) => {
    expect(checkPermission(news).failures.map((f) => f.property)).toEqual([property]);
  });

  it("applies the defaults", () => {
    expect(checkPermission(base)).toEqual({ inputs: { ...base, adoptExisting: false }, failures: [] });
  });
});

describe("diffPermission", () => {
  const olds = { ...base, adoptExisting: false, permissionId: "1" };
  test.each<[string, Record<string, unknown>, string[], string[]]>([
    ["the same grant", {}, [], []],
    ["another role (in place)", { role: "owner" }, [], ["role"]],
    ["another principal", { principalGuid: c }, ["principalGuid"], []],
    ["a group instead of a user", { principalType: "group" }, ["principalType"], []],
    ["other content", { contentGuid: p }, ["contentGuid"], []],
    ["another account", { account: "eu" }, ["account"], []],
    ["a role not known yet", { role: UNKNOWN }, [], ["role"]],
    ["adoptExisting", { adoptExisting: true }, [], ["adoptExisting"]],
  ])("%s: replaces %j, updates %j", (_case, extra, replaces, updates) => {
    expect(diffPermission(olds, { ...base, adoptExisting: false, ...extra })).toEqual({ changes: replaces.length + updates.length > 0, replaces, updates });
  });
});
