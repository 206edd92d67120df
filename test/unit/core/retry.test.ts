import { defaultRetryPolicy, parseRetryAfter, retryDelay } from "../../../provider/core/retry";

const policy = { ...defaultRetryPolicy, maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000, retryAfterCapMs: 10_000, deadlineMs: 20_000 };
const now = Date.parse("2026-11-23T12:00:00Z");
const half = () => 0.5;

describe("retryDelay", () => {
  it.each([
    ["a 400", { status: 400 }],
    ["a 401", { status: 401 }],
    ["a 404", { status: 404 }],
    ["a 409", { status: 409 }],
  ])("gives up at once on %s", (_c, failure) => {
    expect(retryDelay(policy, 1, failure, 0, now, half)).toBeUndefined();
  });

  it.each([429, 500, 502, 503, 504])("retries a %i", (status) => {
    expect(retryDelay(policy, 1, { status }, 0, now, half)).toBeGreaterThan(0);
  });

  it("retries a transport failure", () => {
    expect(retryDelay(policy, 1, { transport: true }, 0, now, half)).toBe(75);
  });

  it("backs off exponentially with jitter inside [ceiling/2, ceiling]", () => {
    expect([1, 2, 3].map((a) => retryDelay(policy, a, { status: 503 }, 0, now, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((a) => retryDelay(policy, a, { status: 503 }, 0, now, () => 1))).toEqual([100, 200, 400]);
  });

  it("caps the backoff at maxDelayMs", () => {
    expect(retryDelay({ ...policy, maxRetries: 10 }, 10, { status: 503 }, 0, now, () => 1)).toBe(1000);
  });

  it("stops after maxRetries", () => {
    expect(retryDelay(policy, 4, { status: 503 }, 0, now, half)).toBeUndefined();
  });

  it("honours Retry-After in seconds", () => {
    expect(retryDelay(policy, 1, { status: 429, retryAfter: "3" }, 0, now, half)).toBe(3000);
  });

  it("honours Retry-After as an HTTP-date", () => {
    expect(retryDelay(policy, 1, { status: 429, retryAfter: "Mon, 23 Nov 2026 12:00:05 GMT" }, 0, now, half)).toBe(5000);
  });

  it("gives up when Retry-After asks for more than the cap", () => {
    expect(retryDelay(policy, 1, { status: 429, retryAfter: "11" }, 0, now, half)).toBeUndefined();
  });

  it("gives up when the wait would pass the operation's deadline", () => {
    expect(retryDelay(policy, 1, { status: 429, retryAfter: "5" }, 16_000, now, half)).toBeUndefined();
    expect(retryDelay(policy, 1, { status: 503 }, 19_990, now, half)).toBeUndefined();
  });
});

describe("parseRetryAfter", () => {
  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ["", undefined],
    ["0", 0],
    [" 2 ", 2000],
    ["Mon, 23 Nov 2026 11:59:00 GMT", 0],
    ["soon", undefined],
  ])("%p → %p ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
