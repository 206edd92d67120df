// The lookup helpers getArizeOrganization and getArizeSpace, in a program's process, against the
// emulator: exact names although the API filters by substring, every page, and an ambiguous space
// name without organizationId refused with the candidates listed.
import { getArizeOrganization } from "../../provider/arize/organization-memberships/helpers";
import { getArizeSpace } from "../../provider/arize/space-memberships/helpers";
import { closeArizeHelpers } from "../../provider/arize/users/helpers";
import { helpersEmulator } from "./service-setup";

const suite = helpersEmulator("arize", closeArizeHelpers);
beforeEach(() => suite.emulator.reset());

test("getArizeOrganization keeps the exact name among substring matches, over every page, or undefined", async () => {
  for (let i = 0; i < 120; i++) suite.emulator.seedOrganization(`Research ${i}`);
  const org = suite.emulator.seedOrganization("Research");
  expect(await getArizeOrganization({ name: "Research" })).toEqual({ organizationId: org.id, name: "Research", description: "", createdAt: org.created_at });
  expect(suite.emulator.requests.filter((r) => r.path === "/v2/organizations").map((r) => r.query.name)).toEqual(["Research", "Research"]);
  expect(await getArizeOrganization({ name: "research" })).toBeUndefined();
  expect(await getArizeOrganization({ name: "Nope" })).toBeUndefined();
});

test("getArizeSpace: exact name, its organization; within organizationId; undefined when none", async () => {
  const a = suite.emulator.seedOrganization("Research");
  const b = suite.emulator.seedOrganization("Ops");
  const evals = suite.emulator.seedSpace(a.id, "Evals");
  suite.emulator.seedSpace(a.id, "Evals 2");
  const prod = suite.emulator.seedSpace(b.id, "Prod", { isPrivate: true });
  expect(await getArizeSpace({ name: "Evals" })).toEqual({ spaceId: evals.id, name: "Evals", organizationId: a.id, description: "", isPrivate: false, createdAt: evals.created_at });
  expect(await getArizeSpace({ name: "Prod", organizationId: b.id })).toMatchObject({ spaceId: prod.id, organizationId: b.id, isPrivate: true });
  expect(await getArizeSpace({ name: "Prod", organizationId: a.id })).toBeUndefined();
  expect(await getArizeSpace({ name: "evals" })).toBeUndefined();
});

test("getArizeSpace: the same name in two organizations, without organizationId, is an error listing both", async () => {
  const a = suite.emulator.seedOrganization("Research");
  const b = suite.emulator.seedOrganization("Ops");
  const one = suite.emulator.seedSpace(a.id, "Evals");
  const two = suite.emulator.seedSpace(b.id, "Evals");
  await expect(getArizeSpace({ name: "Evals" })).rejects.toThrow(
    `getArizeSpace: 2 Arize spaces are named "Evals": ${one.id} (organization "Research", ${a.id}); ${two.id} (organization "Ops", ${b.id}); pass organizationId to choose one`);
  expect(await getArizeSpace({ name: "Evals", organizationId: b.id })).toMatchObject({ spaceId: two.id });
});
