/**
 * The two kinds of traffic the conformance suites send through Prism, both recorded by a Judge:
 * the provider's own (VectaraUser lifecycle, configured as the stack would configure it, with
 * `vectara:apiUrl` pointing at Prism), and plain requests for what the provider does not do
 * (listing, reset_password, bodies its check would refuse).
 */
import type * as pulumi from "@pulumi/pulumi";
import { Agent, request, type Dispatcher } from "undici";
import { ApiClient } from "../../provider/core/client";
import type { Logger } from "../../provider/core/log";
import { readConnectionSettings } from "../../provider/core/settings";
import { Transport, type Attempt, type RawResponse } from "../../provider/core/transport";
import { usersApi, type UsersApi } from "../../provider/vectara/users/api";
import { vectaraProfile } from "../../provider/vectara/profile";
import { vectaraUserProvider } from "../../provider/vectara/users/provider";
import type { Judge } from "./judge";

/** The provider's transport, recording Prism's verdict on every attempt; `extraHeaders` can add e.g. a Prism `Prefer`. */
class JudgedTransport extends Transport {
  constructor(
    private readonly judge: Judge,
    private readonly extraHeaders: (attempt: Attempt) => Record<string, string> = () => ({}),
  ) {
    super(16);
  }

  override async send(origin: URL, attempt: Attempt): Promise<RawResponse> {
    const response = await super.send(origin, { ...attempt, headers: { ...attempt.headers, ...this.extraHeaders(attempt) } });
    this.judge.record(attempt.method, attempt.path, response);
    return response;
  }
}

export interface ProviderUnderTest {
  provider: Required<Omit<pulumi.dynamic.ResourceProvider, "configure" | "invoke">>;
  api: UsersApi;
  logs: { level: "debug" | "warn"; message: string }[];
  close(): Promise<void>;
}

/**
 * The provider as test/http/service-setup.ts runs it, reading the same stack config keys, but
 * with a transport that records Prism's verdicts. No retries: each exchange is judged once, and
 * a violation answered as 5xx fails at once instead of being retried away.
 */
export function judgedProvider(judge: Judge, config: Record<string, string>, extraHeaders?: (attempt: Attempt) => Record<string, string>): ProviderUnderTest {
  return providerOver(new JudgedTransport(judge, extraHeaders), config);
}

/** The provider over any transport (for answers no server gives), configured from stack config keys. */
export function providerOver(transport: Transport, config: Record<string, string>): ProviderUnderTest {
  const logs: ProviderUnderTest["logs"] = [];
  const logger: Logger = {
    debug: (message) => logs.push({ level: "debug", message }),
    warn: (message) => logs.push({ level: "warn", message }),
  };
  const values: Record<string, string> = { "vectara:maxRetries": "0", ...config };
  const settings = readConnectionSettings({ get: (key) => values[key] }, vectaraProfile, {});
  const client = new ApiClient(settings, { profile: vectaraProfile, logger, transport });
  const api = usersApi(client);
  const provider = vectaraUserProvider({ api: () => api, logger: () => logger }) as ProviderUnderTest["provider"];
  return { provider, api, logs, close: () => client.close() };
}

export interface Answer {
  status: number;
  headers: RawResponse["headers"];
  text: string;
  // Whatever JSON came back; the tests assert its shape.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface SendOptions {
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** x-api-key to send; null sends none. */
  apiKey?: string | null;
}

/** Plain requests through Prism, each recorded by the judge. */
export class RawClient {
  readonly #agent = new Agent();

  constructor(
    private readonly baseUrl: string,
    private readonly judge: Judge,
    private readonly apiKey: string,
  ) {}

  async send(method: Dispatcher.HttpMethod, path: string, opts: SendOptions = {}): Promise<Answer> {
    const body = opts.body === undefined || typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    const key = opts.apiKey === undefined ? this.apiKey : opts.apiKey;
    const headers = {
      accept: "application/json",
      ...(key !== null && { "x-api-key": key }),
      ...(body !== undefined && { "content-type": "application/json" }),
      ...opts.headers,
    };
    const res = await request(this.baseUrl + path, { method, headers, body, dispatcher: this.#agent });
    const text = await res.body.text();
    const answer: Answer = { status: res.statusCode, headers: res.headers, text, body: parse(text) };
    this.judge.record(method, path, answer);
    return answer;
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

function parse(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}
