// A Retry-After for the account pauses every request of the process (provider/core/rate-gate.ts,
// policy.pauseAllOn), judged by the arrival times in the emulator's request log.
import { setTimeout as sleep } from "node:timers/promises";
import { checkUser } from "../../provider/vectara/users/logic";
import { providerSuite } from "./service-setup";

const h = providerSuite("vectara", "VectaraUser");
beforeEach(() => {
  h.emulator.reset();
  h.logs.length = 0;
});

const state = { adoptExisting: false, onDelete: "delete" };
const gets = (username: string) => h.emulator.requests.filter((r) => r.method === "GET" && r.path === `/v2/users/${encodeURIComponent(username)}`);

/** Resolves once the client has logged that it will retry (i.e. it has seen the refusal). Bounded. */
async function refusalSeen(): Promise<void> {
  for (let i = 0; i < 400 && !h.logs.some((l) => /retrying in/.test(l.message)); i++) await sleep(5);
  if (!h.logs.some((l) => /retrying in/.test(l.message))) throw new Error("the client never reported a retry");
}

test("after a 429 with Retry-After, a request started meanwhile waits until then", async () => {
  const alice = h.emulator.seedUser({ email: "alice@example.com" }).username;
  const bob = h.emulator.seedUser({ email: "bob@example.com" }).username;
  h.emulator.inject({ kind: "status", status: 429, retryAfter: "1", times: 1, match: { method: "GET" } });
  const first = h.provider.read(alice, state);
  await refusalSeen();
  const second = h.provider.read(bob, state);
  await Promise.all([first, second]);

  const [refused, retried] = gets(alice);
  expect(refused?.status).toBe(429);
  expect(retried?.status).toBe(200);
  expect(gets(bob).map((r) => r.status)).toEqual([200]);
  // Bob's request was started after the refusal reached the client, so it arrived no earlier than
  // one second after the refused request did.
  expect(gets(bob)[0]!.at).toBeGreaterThanOrEqual(refused!.at + 1000);
});

test("a 429 without Retry-After holds back only the request that got it", async () => {
  const alice = h.emulator.seedUser({ email: "alice@example.com" }).username;
  const bob = h.emulator.seedUser({ email: "bob@example.com" }).username;
  h.emulator.inject({ kind: "status", status: 429, times: 1, match: { method: "GET" } });
  const first = h.provider.read(alice, state);
  await refusalSeen();
  const second = h.provider.read(bob, state);
  await Promise.all([first, second]);
  // Alice backs off (at least 125 ms by the policy); Bob goes at once.
  expect(gets(bob)[0]!.at).toBeLessThan(gets(alice)[1]!.at);
});

test("under a token-bucket rate limit, parallel creates all succeed and each refusal holds the others", async () => {
  h.configure({ "vectara:maxConcurrency": "4" });
  try {
    h.emulator.inject({ kind: "rate-limit", perSecond: 10 });
    const emails = Array.from({ length: 24 }, (_, i) => `burst${i}@example.com`);
    await Promise.all(emails.map((email) => h.provider.create(checkUser({ email }).inputs)));
    expect(h.emulator.users()).toHaveLength(24);
    // Requests sent after a refusal was seen wait out its Retry-After (1 s here): in the second
    // after a 429 arrives, only requests already in flight (at most maxConcurrency - 1) may arrive.
    const log = h.emulator.requests;
    const refusals = log.filter((r) => r.status === 429);
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      const soon = log.slice(log.indexOf(refusal) + 1).filter((r) => r.at < refusal.at + 950);
      expect(soon.length).toBeLessThanOrEqual(3);
    }
  } finally {
    h.configure({});
  }
}, 30_000);
