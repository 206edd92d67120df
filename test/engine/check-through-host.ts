// What every service's bad-input suite does through the real provider host: one host configured
// against the service's emulator, the `__provider` a program would register (the resource class's
// loaderSource), and each bad input's Check: a CheckFailure naming the property, no
// thrown stack trace, and not one request to the API.
import * as path from "node:path";
import { registry, type ResourceEntry } from "../../provider/registry";
import { typeToken } from "../../provider/core/registry";
import { ProviderHost } from "../harness/host";
import { failureAt } from "../unit/core/check-failure";
import { configKey, emulatorConfig, startEmulator, type EmulatorOf, type Service } from "../http/service-setup";
import type { ServiceStack } from "./service-stack";

const repo = path.resolve(__dirname, "../..");

export interface CheckSuite {
  host: ProviderHost;
  /** Check through the host, with the registered `__provider`. */
  check(news: Record<string, unknown>): ReturnType<ProviderHost["check"]>;
}

/**
 * The suite of `kind` (a resource of the stack's service): the host starts in the service's
 * example directory with its project, configured against the service's emulator; `badInputs` are
 * [case, inputs, the property the failure names].
 */
export function checkThroughHost<S extends Service>(stack: ServiceStack<S>, kind: string, badInputs: Array<[string, Record<string, unknown>, string]>): CheckSuite {
  const resource: ResourceEntry | undefined = registry.find((s) => s.name === stack.service)?.resources.find((r) => r.kind === kind);
  if (!resource) throw new Error(`${stack.service} has no resource ${kind} in provider/registry.ts`);
  const urn = `urn:pulumi:dev::${stack.project}::${typeToken(resource)}::eve`;
  let emulator: EmulatorOf<S>;
  let provider: string;
  const suite = {} as CheckSuite;
  beforeAll(async () => {
    emulator = await startEmulator(stack.service);
    suite.host = await ProviderHost.start({ programDir: stack.programDir, project: stack.project });
    await suite.host.configure(emulatorConfig(stack.service, emulator), [configKey(stack.service, "apiKey")]);
    const { loaderSource } = require(path.join(repo, "dist/provider/core/dynamic-loader.js"));
    provider = loaderSource(`pulumi-saas-users/${resource.loader}`);
  });
  afterAll(async () => {
    await suite.host?.stop();
    await emulator?.close();
  });
  suite.check = (news) => suite.host.check(urn, {}, { ...news, __provider: provider });

  test.each(badInputs)("%s fails Check on its top-level property, the path inside it leading the reason, with no request", async (_case, news, where) => {
    const { failures } = await suite.check(news);
    expect(failures).toContainEqual(failureAt(where));
    expect(emulator.requests).toEqual([]);
  });
  return suite;
}
