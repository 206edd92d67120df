/** Three tiers, one kind of fake each: test/unit (pure), test/http (emulator over HTTP),
 *  test/engine (the real @pulumi/pulumi dynamic-provider host over gRPC); and test/conformance,
 *  where Stoplight Prism judges the provider and the emulator against the official spec.
 *  test/cli (the real Pulumi CLI) has its own config, jest.cli.config.js, run by `npm run test:cli`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/cli/"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
