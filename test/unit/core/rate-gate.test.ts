import { RateGate } from "../../../provider/core/rate-gate";
import { defaultRetryPolicy, pauseAll } from "../../../provider/core/retry";

const now = Date.parse("2026-11-23T12:00:00Z");

describe("pauseAll", () => {
  const policy = { ...defaultRetryPolicy, retryAfterCapMs: 10_000 };
  it.each([
    ["a 429 with Retry-After in seconds", { status: 429, retryAfter: "2" }, 2000],
    ["a 429 with Retry-After as an HTTP-date", { status: 429, retryAfter: "Mon, 23 Nov 2026 12:00:03 GMT" }, 3000],
    ["a 503 with Retry-After", { status: 503, retryAfter: "1" }, 1000],
    ["a 429 without Retry-After", { status: 429 }, undefined],
    ["a 429 asking for more than the cap", { status: 429, retryAfter: "11" }, undefined],
    ["a 429 with Retry-After: 0", { status: 429, retryAfter: "0" }, undefined],
    ["a 500 with Retry-After", { status: 500, retryAfter: "1" }, undefined],
    ["a transport failure", { transport: true }, undefined],
  ])("pauses every request for %s: %p", (_case, failure, expected) => {
    expect(pauseAll(policy, failure, now)).toBe(expected);
  });

  it("pauses nothing when the policy names no status", () => {
    expect(pauseAll({ ...policy, pauseAllOn: [] }, { status: 429, retryAfter: "2" }, now)).toBeUndefined();
  });
});

describe("RateGate", () => {
  /** A clock that only moves when the gate sleeps, and a log of the sleeps. */
  function fakeTime() {
    let t = 0;
    const sleeps: number[] = [];
    return {
      now: () => t,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        t += ms;
      },
      sleeps,
      advance: (ms: number) => (t += ms),
    };
  }
  /** A gate on fake time: its sleeps pass the time at once, and are recorded. */
  function gateOnFakeTime() {
    const time = fakeTime();
    return { time, gate: new RateGate(time.now, time.sleep) };
  }

  it("lets requests through at once while open", async () => {
    const { time, gate } = gateOnFakeTime();
    await gate.pass();
    expect(time.sleeps).toEqual([]);
    expect(gate.closedFor()).toBe(0);
  });

  it("holds every request until the Retry-After has passed", async () => {
    const { time, gate } = gateOnFakeTime();
    gate.closeFor(1000);
    time.advance(300);
    await gate.pass();
    expect(time.sleeps).toEqual([700]);
    expect(time.now()).toBe(1000);
  });

  it("keeps the later reopening when closed twice", async () => {
    const { gate } = gateOnFakeTime();
    gate.closeFor(2000);
    gate.closeFor(500);
    expect(gate.closedFor()).toBe(2000);
  });

  it("waits again when the gate is closed further while it waits", async () => {
    const time = fakeTime();
    let gate!: RateGate;
    let extended = false;
    const sleep = async (ms: number) => {
      await time.sleep(ms);
      if (!extended) {
        extended = true;
        gate.closeFor(400); // another request was refused meanwhile
      }
    };
    gate = new RateGate(time.now, sleep);
    gate.closeFor(1000);
    await gate.pass();
    expect(time.sleeps).toEqual([1000, 400]);
  });

  it("gives up waiting after a bounded number of rounds if the clock keeps going back", async () => {
    const gate = new RateGate(() => 0, async () => undefined);
    gate.closeFor(1000);
    await gate.pass(); // the clock never moves: the loop still ends
    expect(gate.closedFor()).toBe(1000);
  });
});
