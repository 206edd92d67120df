// The ConnectGroup program helpers against the Connect emulator: a group by guid or exact name,
// and a group's members across pages. They read the environment twins, as a program does.
import { closeConnectGroupHelpers, getConnectGroup, listConnectGroupMembers } from "../../provider/connect/groups/helpers";
import { helpersEmulator } from "./service-setup";

const suite = helpersEmulator("connect", closeConnectGroupHelpers);
beforeEach(() => suite.emulator.reset());

test("getConnectGroup finds a group by guid or by exact name, or answers undefined", async () => {
  suite.emulator.seedGroup("analysts-eu");
  const group = suite.emulator.seedGroup("analysts");
  expect(await getConnectGroup({ guid: group.guid })).toEqual({ name: "analysts", guid: group.guid, memberCount: 0 });
  expect(await getConnectGroup({ name: "analysts" })).toMatchObject({ guid: group.guid });
  expect(await getConnectGroup({ name: "Analysts" })).toBeUndefined();
  expect(await getConnectGroup({ guid: "6f300623-1e0c-48e6-a473-ddf630c0c0c3" })).toBeUndefined();
});

test("listConnectGroupMembers walks every page of a group's members", async () => {
  const group = suite.emulator.seedGroup("big");
  const guids = Array.from({ length: 510 }, (_, i) => suite.emulator.seedUser({ username: `m${i}` }).guid);
  for (const guid of guids) suite.emulator.setMember(group.guid, guid, true);
  suite.emulator.requests.length = 0;
  expect((await listConnectGroupMembers({ groupGuid: group.guid })).sort()).toEqual([...guids].sort());
  expect(suite.emulator.requests.map((r) => r.query.page_number)).toEqual(["1", "2"]);
});
