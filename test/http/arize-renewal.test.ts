// An EXPIRED Arize invitation renewed by creating the user again, on an emulator that answers the
// renewal with a new user record (a new id): the resource follows that user, and nothing is deleted.
import type { UserInputs } from "../../provider/arize/users/schema";
import { checkedInputs, providerSuite } from "./service-setup";

const arizeInputs = checkedInputs<UserInputs>("arize", "ArizeUser");

const h = providerSuite("arize", "ArizeUser", { reinviteKeepsId: false });
beforeEach(() => h.emulator.reset());

const alice = { email: "alice@example.com", name: "Alice" };
const calls = () => h.emulator.requests.filter((r) => r.path.startsWith("/v2/")).map((r) => `${r.method} ${r.rawPath} ${r.status}`);

it("update renews the invitation; userId, read, a later update and delete all follow the user the API answered with", async () => {
  const { id, outs } = await h.provider.create(arizeInputs({ ...alice, resendInvitationTrigger: "1" }));
  h.emulator.setStatus(id, "EXPIRED");
  const { outs: renewed } = await h.provider.update(id, outs, arizeInputs({ ...alice, resendInvitationTrigger: "2" }));
  const now = h.emulator.userByEmail(alice.email)!;
  expect(now.id).not.toBe(id);
  expect(renewed).toMatchObject({ userId: now.id, status: "INVITED" });
  expect(calls().some((c) => c.startsWith("DELETE"))).toBe(false);

  // A refresh reads the new user and hands its id back, so that the Pulumi id follows it.
  const read = await h.provider.read(id, renewed);
  expect(read).toMatchObject({ id: now.id, props: { userId: now.id, status: "INVITED" } });
  h.emulator.requests.length = 0;
  await h.provider.update(id, renewed, arizeInputs({ ...alice, name: "Alice B.", resendInvitationTrigger: "2" }));
  expect(calls()).toEqual([`PATCH /v2/users/${encodeURIComponent(now.id)} 200`]);

  // The email was never burnt by the renewal; removing the resource deletes the renewed user.
  await h.provider.delete(id, { ...renewed, name: "Alice B." });
  expect(h.emulator.userByEmail(alice.email)).toBeUndefined();
  expect(calls().at(-1)).toBe(`DELETE /v2/users/${encodeURIComponent(now.id)} 204`);
});
