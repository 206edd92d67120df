// The official Arize client against a fresh emulator, with every answer it receives handed to a
// judge (the facts' schemas, in the conformance suites that use it); its "beta" notices silenced.
import * as ax from "@arizeai/ax-client";
import { ArizeEmulator } from "../../emulator/arize/server";

export type Judge = (request: Request, response: Response, text: string) => void;

/** Registers the jest hooks; the suite reads `emulator` and `client` once they have started. */
export function judgedClient(judge: Judge): { emulator: ArizeEmulator; client: ax.ArizeClient } {
  const suite = {} as { emulator: ArizeEmulator; client: ax.ArizeClient };
  beforeAll(async () => {
    suite.emulator = await ArizeEmulator.start();
    suite.client = ax.createClient({ baseUrl: suite.emulator.url, apiKey: suite.emulator.apiKey, getEnvironmentOptions: () => ({}) } as Parameters<typeof ax.createClient>[0]);
    suite.client.use({
      async onResponse({ request, response }) {
        judge(request, response, await response.clone().text());
        return response;
      },
    });
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterAll(async () => {
    await suite.emulator.close();
    jest.restoreAllMocks();
  });
  return suite;
}
