// `npm run test:node -- <major>` puts one Node.js first on PATH; under the real CLI, the language
// host, the program and the dynamic-provider host must all run on it, not on another node of the
// machine. Run on the default node, this proves the same for it.
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { CliStack, cliSuite } from "./pulumi-cli";

const suite = cliSuite();

test("the program and the dynamic-provider host run on the node first on PATH, the one the tests run on", async () => {
  const onPath = execFileSync("node", ["--version"], { env: suite.env, encoding: "utf8" }).trim();
  expect(onPath).toBe(process.version);
  const stack = await CliStack.init(suite, suite.program(path.join(__dirname, "fixtures/node-version")), "node");
  await stack.ok(["up", "--yes", "--skip-preview"]);
  const outputs = JSON.parse((await stack.ok(["stack", "output", "--json"])).stdout);
  expect(outputs).toEqual({ program: onPath, providerHost: onPath });
});
