// Servers of the 2023 generation (and posit-sdk-py) know the authentication provider's id only as
// `unique_id`; newer ones call it `external_id` and keep `unique_id` as a deprecated alias. The
// provider sends external_id and, when a server says it does not know it, unique_id, remembered.
import { ConnectEmulator } from "../../emulator/connect/server";
import { checkedInputs, providerSuite } from "./service-setup";

const inputsOf = checkedInputs("connect", "ConnectUser");

const creates = (e: ConnectEmulator) => e.requests.filter((r) => r.method === "POST" && r.path === "/__api__/v1/users").map((r) => ({ status: r.status, body: r.body }));

describe("the emulator's older-server mode (generation 2023)", () => {
  let e: ConnectEmulator;
  beforeAll(async () => {
    e = await ConnectEmulator.start({ generation: "2023" });
  });
  afterAll(() => e.close());
  const post = (body: object) => fetch(`${e.serverUrl}/__api__/v1/users`, { method: "POST", headers: { authorization: `Key ${e.apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });

  it("refuses external_id as an unknown field (400, code 0), takes unique_id, and shows neither", async () => {
    const refused = await post({ username: "olga", external_id: "okta-1" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 0, error: expect.stringContaining("external_id") });
    const taken = await post({ username: "olga", unique_id: "okta-1" });
    expect(taken.status).toBe(200);
    const user = (await taken.json()) as Record<string, unknown>;
    expect(user).toMatchObject({ username: "olga" });
    expect(user).not.toHaveProperty("external_id");
    expect(user).not.toHaveProperty("unique_id");
  });

  it("refuses an unknown generation", async () => {
    await expect(ConnectEmulator.start({ generation: "2019" as never })).rejects.toThrow(/generation must be "current" or "2023"/);
  });
});

describe("the provider on an older server", () => {
  const h = providerSuite("connect", "ConnectUser", { generation: "2023" });

  it("creates a user with externalId by falling back to unique_id, then sends unique_id straight away", async () => {
    const { id, outs } = await h.provider.create(inputsOf({ username: "sam", externalId: "okta-12345" }));
    expect(creates(h.emulator)).toEqual([
      { status: 400, body: { username: "sam", external_id: "okta-12345" } },
      { status: 200, body: { username: "sam", unique_id: "okta-12345" } },
    ]);
    expect(id).toBe(h.emulator.userNamed("sam")!.guid);
    // An older User has no external_id: the outputs are what its GET says.
    expect(outs).not.toHaveProperty("externalId");
    h.emulator.requests.length = 0;
    await h.provider.create(inputsOf({ username: "sue", externalId: "okta-67890" }));
    expect(creates(h.emulator)).toEqual([{ status: 200, body: { username: "sue", unique_id: "okta-67890" } }]);
  });

  it("sends one POST for a user without externalId", async () => {
    h.emulator.requests.length = 0;
    await h.provider.create(inputsOf({ username: "tom" }));
    expect(creates(h.emulator)).toEqual([{ status: 200, body: { username: "tom" } }]);
  });
});

describe("the provider on a current server", () => {
  const h = providerSuite("connect", "ConnectUser");

  it("sends external_id once, and shows it as the server does", async () => {
    const { outs } = await h.provider.create(inputsOf({ username: "sam", externalId: "okta-12345" }));
    expect(creates(h.emulator)).toEqual([{ status: 200, body: { username: "sam", external_id: "okta-12345" } }]);
    expect(outs.externalId).toBe("okta-12345");
  });
});
