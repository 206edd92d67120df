// Through the real provider host: a Connect server URL on plain http outside loopback
// (http://connect.internal:3939, never contacted: tests send traffic to 127.0.0.1 only) is refused
// before any request unless connect:allowInsecureHttp is true. The warning the opt-in brings is
// given when a provider process makes the client for such a server, at its first request: that
// needs a server outside loopback, so it is shown in test/http/connect-insecure-http.test.ts on the
// client alone; a request over plain http is what every other Connect test makes on 127.0.0.1.
import { connectStack, stackEnv } from "./service-stack";

const { programDir, usersProgram, withUsers } = connectStack;

const INTERNAL = "http://connect.internal:3939";
const warning = /connect:allowInsecureHttp is true/;

describe("Connect over plain http inside a network", () => {
  const env = stackEnv(connectStack);

  it("an up is refused without the opt-in, naming it, before anything is sent", async () => {
    const s = env.stack({ "connect:serverUrl": INTERNAL, ...withUsers({ nina: { username: "nina" } }) });
    const refused = await s.up(usersProgram, { programDir });
    expect(refused.error).toMatch(/connect:serverUrl must use https:\/\/.*set connect:allowInsecureHttp to true/s);
    expect(s.hostOutput()).not.toMatch(warning);
    expect(env.emulator.requests).toHaveLength(0);
  });
});
