// ConnectUser on an LDAP server, through the real provider host: users are imported from the
// server's directory, fields the directory owns cannot be edited, and destroy locks.
import { connectStack, ok, ops, stackEnv } from "./service-stack";

const { programDir, usersProgram, withUsers } = connectStack;

const env = stackEnv(connectStack, { emulator: { authKind: "ldap" } });

test("up imports directory users, a refused edit names its field, destroy locks", async () => {
  env.emulator.addDirectoryUser({ username: "gil", email: "gil@corp.example.com", first_name: "Gil" });
  const up = ok(await env.stack(withUsers({ gil: { username: "gil", userRole: "publisher" } })).up(usersProgram, { programDir }));
  expect(ops(up)).toEqual(["create gil"]);
  const gil = env.emulator.userNamed("gil")!;
  expect(gil).toMatchObject({ email: "gil@corp.example.com", first_name: "Gil", user_role: "publisher" });
  expect(up.outputs).toEqual({ guids: { gil: gil.guid } });

  const refused = await env.stack(withUsers({ gil: { username: "gil", userRole: "publisher", email: "gil@example.com" } })).up(usersProgram, { programDir });
  expect(refused.error).toMatch(/Connect refused to change email of user gil: the authentication provider \(LDAP, SAML, OAuth2\) owns these fields.*code 46/s);
  expect(env.emulator.user(gil.guid)?.email).toBe("gil@corp.example.com");

  expect(ops(ok(await env.stack(withUsers({})).destroy({ programDir })))).toEqual(["delete gil"]);
  expect(env.emulator.user(gil.guid)?.locked).toBe(true);
});
