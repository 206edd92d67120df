// What every service's bad-input suite does through the real provider host: one host configured
// against the service's emulator, the `__provider` a program would register (the resource class's
// loaderSource), and each bad input's Check: a CheckFailure naming the property, no
// thrown stack trace, and not one request to the API.
import * as path from "node:path";
import { ProviderHost } from "../harness/host";
import { failureAt } from "../unit/core/check-failure";

const repo = path.resolve(__dirname, "../..");

interface Emulator {
  requests: unknown[];
  close(): Promise<void>;
}

export interface CheckSuite {
  host: ProviderHost;
  /** Check through the host, with the registered `__provider`. */
  check(news: Record<string, unknown>): ReturnType<ProviderHost["check"]>;
}

export function checkThroughHost<E extends Emulator>(spec: {
  /** The example whose directory the host starts in, and its project name. */
  example: string;
  project: string;
  type: string;
  entry: string;
  start(): Promise<E>;
  config(emulator: E): Record<string, string>;
  secretKeys: string[];
  badInputs: Array<[string, Record<string, unknown>, string]>;
}): CheckSuite {
  const urn = `urn:pulumi:dev::${spec.project}::${spec.type}::eve`;
  let emulator: E;
  let provider: string;
  const suite = {} as CheckSuite;
  beforeAll(async () => {
    emulator = await spec.start();
    suite.host = await ProviderHost.start({ programDir: path.join(repo, spec.example), project: spec.project });
    await suite.host.configure(spec.config(emulator), spec.secretKeys);
    const { loaderSource } = require(path.join(repo, "dist/provider/core/dynamic-loader.js"));
    provider = loaderSource(spec.entry);
  });
  afterAll(async () => {
    await suite.host?.stop();
    await emulator?.close();
  });
  suite.check = (news) => suite.host.check(urn, {}, { ...news, __provider: provider });

  test.each(spec.badInputs)("%s fails Check on its top-level property, the path inside it leading the reason, with no request", async (_case, news, where) => {
    const { failures } = await suite.check(news);
    expect(failures).toContainEqual(failureAt(where));
    expect(emulator.requests).toEqual([]);
  });
  return suite;
}
