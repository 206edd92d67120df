/** The CLI tier: test/cli under the real Pulumi CLI. Run it with `npm run test:cli`
 *  (tools/pulumi-cli/tier.js), which finds or builds the CLI first and skips when it cannot. */
const base = require("./jest.config");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/cli"],
  testPathIgnorePatterns: ["/node_modules/"],
  // Each CLI command starts the engine, the language host and the provider host (seconds each).
  testTimeout: 240000,
};
