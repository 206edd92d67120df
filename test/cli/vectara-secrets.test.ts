// Secrets under the real CLI: the API key set with `pulumi config set --secret` never reaches the
// state, the stack config file or the CLI's output; the one-time code the API returns on create
// is kept, as ciphertext.
import * as fs from "node:fs";
import * as path from "node:path";
import { CliStack, SECRET_SIG, cliSuite, setUsers, usersFixture } from "./pulumi-cli";

const suite = cliSuite();
let stack: CliStack;

beforeAll(async () => {
  stack = await CliStack.init(suite, suite.program(usersFixture), "secrets");
  await setUsers(stack, { fay: { email: "fay@example.com" } });
  const up = await stack.up();
  if (up.code !== 0) throw new Error(up.stdout + up.stderr);
});

test("the API key is in no exported state, stack config file or CLI output", async () => {
  const key = suite.emulator.apiKey;
  const exported = await stack.exportText();
  expect(exported).toContain("fay@example.com"); // the scan looks at a real checkpoint
  expect(exported).not.toContain(key);
  const configFile = fs.readFileSync(path.join(stack.dir, "Pulumi.secrets.yaml"), "utf8");
  expect(configFile).toMatch(/vectara:apiKey:\n\s+secure: \S+/);
  expect(configFile).not.toContain(key);
  expect(suite.transcript).toContain("fay");
  expect(suite.transcript).not.toContain(key);
  // It reached the API all the same, from configure() in the provider host.
  expect(suite.emulator.requests.find((r) => r.method === "POST")?.headers["x-api-key"]).toBe(key);
});

test("the one-time code returned on create is stored as a secret, only as ciphertext", async () => {
  const fay = await stack.user("fay");
  expect(fay?.outputs?.oneTimeCode).toEqual({ [SECRET_SIG.key]: SECRET_SIG.value, ciphertext: expect.any(String) });
  expect(fay?.outputs?.oneTimeCodeLink).toEqual({ [SECRET_SIG.key]: SECRET_SIG.value, ciphertext: expect.any(String) });

  const before = suite.transcript;
  const revealed = JSON.parse((await stack.ok(["stack", "export", "--show-secrets"])).stdout) as { deployment: { resources: Array<{ urn: string; outputs?: Record<string, unknown> }> } };
  // --show-secrets keeps the secret envelope, with the JSON-encoded value as `plaintext`.
  const shown = revealed.deployment.resources.find((r) => r.urn.endsWith("::fay"))?.outputs?.oneTimeCode as { plaintext?: string } | undefined;
  const code = JSON.parse(shown?.plaintext ?? "null") as unknown;
  expect(code).toMatch(/^[0-9a-f]{16}$/);
  expect(await stack.exportText()).not.toContain(String(code));
  expect(before).not.toContain(String(code));
});
