// Scans everything that leaves the ConnectUser provider — state.json, __provider, outputs, host and
// program output, error messages — for the API key and the create-only password, through the real
// provider host.
import * as fs from "node:fs";
import * as path from "node:path";
import { inspect } from "node:util";
import { connectStack, stackEnv } from "./service-stack";

const { example, programDir, usersProgram, withUsers } = connectStack;

const env = stackEnv(connectStack);

test("neither the API key nor a password appears in state.json, outputs, __provider, host output or errors", async () => {
  const password = "a-password-nobody-may-see";
  const plainPassword = "a-plain-password-from-a-program";
  const key = env.emulator.apiKey;
  env.emulator.seedUser({ username: "taken" });
  env.emulator.inject({ kind: "status", status: 503, times: 1, match: { method: "POST" } });
  const s = env.stack({ "connect-users:alicePassword": password, "connect:maxRetries": "3" });
  const up = await s.up(example, { programDir });
  expect(up.error).toBeUndefined();
  expect(env.emulator.requests.some((r) => (r.body as { password?: string } | undefined)?.password === password)).toBe(true);

  // A password given as a plain string by the program is made a secret by the resource.
  const plain = env.stack({ ...withUsers({ carol: { username: "carol", password: plainPassword }, taken: { username: "taken", password: plainPassword } }) });
  const conflict = await plain.up(usersProgram, { programDir });
  expect(conflict.error).toMatch(/already exists/);
  const refresh = await s.refresh({ programDir });

  const stateFile = fs.readFileSync(path.join(env.dir, "state", "state.json"), "utf8");
  const texts = [stateFile, s.hostOutput(), s.programOutput(), plain.hostOutput(), plain.programOutput(), conflict.error ?? "", inspect(conflict, { depth: 10 }), refresh.error ?? ""];
  expect(texts.join("").length).toBeGreaterThan(1000);
  for (const text of texts) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(password);
    expect(text).not.toContain(plainPassword);
  }
  const alice = s.state().resources.find((r) => r.name === "alice")!;
  expect(alice.outputs).not.toHaveProperty("password");
  expect(JSON.stringify(alice.outputs)).not.toContain(password);
  expect(String(alice.inputs.__provider)).toContain("pulumi-saas-users/connect-user");
  expect(String(alice.inputs.__provider)).not.toContain(key);
  expect(Buffer.byteLength(String(alice.inputs.__provider))).toBeLessThan(1024);
  const carol = plain.state().resources.find((r) => r.name === "carol");
  expect(carol?.outputs).not.toHaveProperty("password");
});
