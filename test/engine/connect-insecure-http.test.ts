// Through the real provider host: a Connect server on plain HTTP at a non-loopback address of this
// machine is refused unless connect:allowInsecureHttp is true; with it, every run warns.
import { networkInterfaces } from "node:os";
import { ok, ops } from "./vectara-stack";
import { connectEnv, programDir, usersProgram, withUsers } from "./connect-stack";

const address = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal)?.address;
const suite = address ? describe : describe.skip;
if (!address) console.warn("connect-insecure-http (engine): this machine has no non-loopback IPv4 address; skipped");

suite("Connect over plain http inside a network", () => {
  const env = connectEnv({ host: address });

  it("an up is refused without the opt-in (no request), and with it creates the user and warns on each run", async () => {
    const refused = await env.stack(withUsers({ nina: { username: "nina" } })).up(usersProgram, { programDir });
    expect(refused.error).toMatch(/connect:serverUrl must use https:\/\/.*set connect:allowInsecureHttp to true/s);
    expect(env.emulator.requests).toHaveLength(0);

    const open = { "connect:allowInsecureHttp": "true" };
    const s = env.stack({ ...open, ...withUsers({ nina: { username: "nina" } }) });
    expect(ops(ok(await s.up(usersProgram, { programDir })))).toEqual(["create nina"]);
    expect(env.emulator.userNamed("nina")).toBeDefined();
    const warning = /connect:allowInsecureHttp is true and the server is plain http:\/\/[\d.]+:\d+: the API key and every user's details travel unencrypted/g;
    expect(s.hostOutput().match(warning)).toHaveLength(1);
    expect(ops(ok(await s.refresh({ programDir })))).toEqual(["refresh-same nina"]);
    expect(s.hostOutput().match(warning)).toHaveLength(2);
    expect(s.hostOutput()).not.toContain(env.emulator.apiKey);
  });
});
