// A raw HTTP client for the emulator suites: one emulator and one undici Agent per suite, and
// `call` sending a request with the suite's API key (or another, or none) and parsing the answer.
import { Agent, request, type Dispatcher } from "undici";
import { VectaraEmulator } from "../../emulator/vectara/server";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // Response bodies are whatever JSON the emulator sent; the tests assert their shape.
  body: any;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** x-api-key to send; null sends none. Defaults to the full-access key. */
  key?: string | null;
  on?: VectaraEmulator;
}

/** Registers the suite's hooks; `emulator()` is the suite's emulator, reset before each test. */
export function emulatorSuite() {
  let emu: VectaraEmulator;
  const agent = new Agent();
  beforeAll(async () => {
    emu = await VectaraEmulator.start();
  });
  afterAll(async () => {
    await agent.close();
    await emu.close();
  });
  beforeEach(() => emu.reset());

  async function call(method: Dispatcher.HttpMethod, path: string, opts: CallOptions = {}): Promise<Answer> {
    const target = opts.on ?? emu;
    const body = opts.body === undefined || typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    const headers = {
      ...(opts.key !== null && { "x-api-key": opts.key ?? target.apiKey }),
      ...(body !== undefined && { "content-type": "application/json" }),
      ...opts.headers,
    };
    const res = await request(target.url + path, { method, headers, body, dispatcher: agent });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
  }
  return { emulator: () => emu, agent, call };
}

type Call = ReturnType<typeof emulatorSuite>["call"];

/** Asserts `method path` is answered 404 with a NotFoundError naming `id` and the request id (a PATCH sends an empty body). */
export async function expectNotFound(call: Call, method: Dispatcher.HttpMethod, path: string, id: string): Promise<void> {
  const res = await call(method, path, method === "PATCH" ? { body: {} } : {});
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ id, messages: [expect.any(String)], request_id: res.headers["x-request-id"] });
}

/** Asserts a route the emulator does not serve is answered 404 with a body naming the path. */
export async function expectUnserved(call: Call, method: Dispatcher.HttpMethod, path: string): Promise<void> {
  const res = await call(method, path);
  expect(res.status).toBe(404);
  expect(res.body).toMatchObject({ id: path, request_id: expect.any(String) });
}
