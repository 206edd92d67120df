import { closeArizeHelpers, getArizeUser, listArizeUsers } from "../../provider/arize/users/helpers";
import { helpersEmulator } from "./service-setup";

const helpers = helpersEmulator("arize", closeArizeHelpers);

test("getArizeUser finds a user by id or by exact email, in the resource's output names, or undefined", async () => {
  helpers.emulator.seedUser({ email: "annie@example.com", name: "Not Ann" });
  const ann = helpers.emulator.seedUser({ email: "Ann@example.com", name: "Ann", role: "ANNOTATOR" });
  const expected = { userId: ann.id, email: "Ann@example.com", name: "Ann", role: "ANNOTATOR", isDeveloper: false, status: "INVITED", createdAt: ann.created_at };
  expect(await getArizeUser({ id: ann.id })).toEqual(expected);
  expect(await getArizeUser({ email: "ann@EXAMPLE.com" })).toEqual(expected);
  expect(await getArizeUser({ email: "nobody@example.com" })).toBeUndefined();
  expect(await getArizeUser({ id: "VXNlcjo5OTk=" })).toBeUndefined();
});

test("listArizeUsers walks every page once, and sends repeated status values", async () => {
  helpers.emulator.reset();
  for (let i = 0; i < 230; i++) {
    const u = helpers.emulator.seedUser({ email: `u${i}@example.com`, name: `U${i}` });
    if (i % 10 === 0) helpers.emulator.setStatus(u.id, "ACTIVE");
    if (i % 10 === 1) helpers.emulator.setStatus(u.id, "EXPIRED");
  }
  const all: string[] = [];
  for await (const user of listArizeUsers()) all.push(user.userId);
  expect(new Set(all).size).toBe(230);
  expect(helpers.emulator.requests.filter((r) => r.path === "/v2/users").map((r) => r.query.limit)).toEqual(["100", "100", "100"]);

  helpers.emulator.requests.length = 0;
  const some: string[] = [];
  for await (const user of listArizeUsers({ status: ["ACTIVE", "EXPIRED"] })) some.push(user.status);
  expect(some).toHaveLength(46);
  expect(helpers.emulator.requests[0]?.rawPath).toBe("/v2/users?limit=100&status=ACTIVE&status=EXPIRED");
});
