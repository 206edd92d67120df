import fc from "fast-check";
import { BurstReader, type SweepPolicy, type SweepSource } from "../../../provider/core/burst-reader";

/*
 * Model test: random interleavings of reads, our changes (through `change`), out-of-band changes,
 * page answers (in any order, some failing) and clock steps, against a store that versions every key.
 *
 * Time is the fake clock. Every step advances it by at least 1 ms, and whatever a step sets off
 * (page and GET requests, answers, reads and changes ending) happens at that step's time.
 *
 * The invariant. For a read R of key k that begins at time b:
 *   prev(R)  = the latest time a read of k ended before b (−∞ if none: R is k's first read);
 *   sweep(R) = the earliest time, at or after prev(R) and later than b − maxBurstMs, that a page was
 *              requested whose answer listed k (+∞ if none): since then a sweep that may answer R
 *              has been running;
 *   R reflects every change of k that finished before min(b, sweep(R)), and every change of k that
 *   this process made through `change` and that finished before b.
 * "R reflects c": R returns the version c produced or a later one, or NOT_FOUND when c or a later
 * change deleted k. So a read misses only out-of-band changes that finished while the sweep that
 * may answer it was running; and a second read of k starts its own pass: the page that answered
 * the first read (requested before that read ended) is not in it.
 */

const KEYS = ["k0", "k1", "k2", "k3", "k4"];
const PAGE_SIZE = 2;
const policy: SweepPolicy = { minConcurrentReads: 2, gatherMs: 5, idleMs: 1_000, maxBurstMs: 3_000, freePages: 1, minHitsPerPage: 1 };

interface Item { key: string; version: number }
interface Version { version: number; present: boolean }
interface ReadLog { key: string; begin: number; end?: number; version?: number; absent?: boolean; error?: unknown }
interface ChangeLog { key: string; ours: boolean; version?: number; finishedAt?: number }
interface PageLog { at: number; listed?: string[] }

/** Keys in listing order (offset cursors, as the services page); a page is a snapshot taken when requested and answered when the run says. */
class Store {
  private readonly order: string[] = [];
  readonly history = new Map<string, Version[]>();
  readonly pages: PageLog[] = [];
  readonly held: Array<(fail: boolean) => void> = [];

  constructor(private readonly now: () => number) {
    for (const key of KEYS) {
      this.order.push(key);
      this.history.set(key, [{ version: 1, present: true }]);
    }
  }

  current(key: string): Version {
    return this.history.get(key)!.at(-1)!;
  }

  /** Updates k, or deletes it (`remove`), or creates it again at the end of the listing when absent. */
  write(key: string, remove: boolean): number {
    const { version, present } = this.current(key);
    const next = { version: version + 1, present: !(present && remove) };
    if (present && !next.present) this.order.splice(this.order.indexOf(key), 1);
    if (!present) this.order.push(key);
    this.history.get(key)!.push(next);
    return next.version;
  }

  source(): SweepSource<Item> {
    return {
      get: async (key) => {
        const { version, present } = this.current(key);
        if (!present) throw Object.assign(new Error(`${key} not found`), { code: "NOT_FOUND" });
        return { key, version };
      },
      page: (cursor) => {
        const offset = Number(cursor ?? 0);
        const items = this.order.slice(offset, offset + PAGE_SIZE).map((key) => ({ key, version: this.current(key).version }));
        const next = offset + PAGE_SIZE < this.order.length ? String(offset + PAGE_SIZE) : undefined;
        const log: PageLog = { at: this.now() };
        this.pages.push(log);
        return new Promise((resolve, reject) => this.held.push((fail) => {
          if (fail) return reject(new Error("list failed"));
          log.listed = items.map((i) => i.key);
          resolve({ items, next });
        }));
      },
      keyOf: (item) => item.key,
    };
  }
}

type Step =
  | { kind: "read"; keys: number[]; wait: number }
  | { kind: "outOfBand"; key: number; remove: boolean; wait: number }
  | { kind: "change"; key: number; remove: boolean; applyAtEnd: boolean; fail: boolean; wait: number }
  | { kind: "finish"; which: number; wait: number }
  | { kind: "answer"; which: number; fail: boolean; wait: number };

const key = fc.integer({ min: 0, max: KEYS.length - 1 });
/** Mostly within a burst; sometimes past idleMs or maxBurstMs. */
const wait = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 500, max: 3_500 }) });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("read" as const), keys: fc.array(key, { minLength: 1, maxLength: 6 }), wait }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("outOfBand" as const), key, remove: fc.boolean(), wait }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("change" as const), key, remove: fc.boolean(), applyAtEnd: fc.boolean(), fail: fc.boolean(), wait }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("finish" as const), which: fc.nat(), wait }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("answer" as const), which: fc.nat(), fail: fc.boolean(), wait }) },
);

/** Lets everything a step set off run: the reader's sleep is one turn, as in the other unit tests. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function run(steps: Step[]) {
  let now = 0;
  const store = new Store(() => now);
  const source = store.source();
  const reader = new BurstReader<Item>(policy, () => now, () => new Promise((resolve) => setImmediate(resolve)));
  const reads: ReadLog[] = [];
  const changes: ChangeLog[] = [];
  const ongoing: Array<() => void> = [];
  const settling: Promise<unknown>[] = [];
  const take = <X>(list: X[], which: number) => list.splice(which % list.length, 1)[0]!;

  for (const s of steps) {
    now += s.wait;
    if (s.kind === "read") {
      for (const k of s.keys) {
        const log: ReadLog = { key: KEYS[k]!, begin: now };
        reads.push(log);
        settling.push(reader.read(log.key, source).then(
          (item) => Object.assign(log, { end: now, version: item.version }),
          (error: { code?: string }) => Object.assign(log, { end: now }, error.code === "NOT_FOUND" ? { absent: true } : { error }),
        ));
      }
    } else if (s.kind === "outOfBand") {
      changes.push({ key: KEYS[s.key]!, ours: false, version: store.write(KEYS[s.key]!, s.remove), finishedAt: now });
    } else if (s.kind === "change") {
      const log: ChangeLog = { key: KEYS[s.key]!, ours: true };
      changes.push(log);
      let finish!: () => void;
      const gate = new Promise<void>((resolve) => (finish = resolve));
      ongoing.push(finish);
      settling.push(reader.change(log.key, async () => {
        if (!s.applyAtEnd) log.version = store.write(log.key, s.remove);
        await gate;
        if (s.applyAtEnd) log.version = store.write(log.key, s.remove);
        if (s.fail) throw new Error("the change was applied but its answer was lost");
      }).catch(() => undefined).then(() => (log.finishedAt = now)));
    } else if (s.kind === "finish") {
      if (ongoing.length) take(ongoing, s.which)();
    } else if (store.held.length) {
      take(store.held, s.which)(s.fail);
    }
    await settle();
  }
  // The rest of the run: every page answered, every change finished, one step at a time.
  while (store.held.length || ongoing.length) {
    now += 1;
    store.held.splice(0).forEach((answer) => answer(false));
    ongoing.splice(0).forEach((finish) => finish());
    await settle();
  }
  await Promise.all(settling);
  return { reads, changes, pages: store.pages, history: store.history };
}

/** Every read that breaks the invariant (see the top of this file), described. */
function violations({ reads, changes, pages, history }: Awaited<ReturnType<typeof run>>): string[] {
  const found: string[] = [];
  for (const r of reads) {
    if (r.error !== undefined) {
      found.push(`read of ${r.key} at ${r.begin} failed: ${String(r.error)}`);
      continue;
    }
    const prev = Math.max(-Infinity, ...reads.filter((q) => q.key === r.key && q.end !== undefined && q.end < r.begin).map((q) => q.end!));
    const sweep = Math.min(Infinity, ...pages.filter((p) => p.listed?.includes(r.key) && p.at >= prev && p.at > r.begin - policy.maxBurstMs).map((p) => p.at));
    const cutoff = Math.min(r.begin, sweep);
    const due = changes.filter((c) => c.key === r.key && c.finishedAt !== undefined && (c.finishedAt < cutoff || (c.ours && c.finishedAt < r.begin)));
    const need = Math.max(1, ...due.map((c) => c.version!));
    const ok = r.absent ? history.get(r.key)!.some((v) => !v.present && v.version >= need) : r.version! >= need;
    if (!ok) {
      const missed = due.filter((c) => c.version! >= need)[0]!;
      found.push(`read of ${r.key} began at ${r.begin} (previous read ended at ${prev}, sweep since ${sweep}) and returned ` +
        `${r.absent ? "NOT_FOUND" : `version ${r.version}`}, older than version ${need} made ${missed.ours ? "by this process" : "out of band"} at ${missed.finishedAt}`);
    }
  }
  return found;
}

describe("BurstReader freshness (model)", () => {
  it("never returns data older than the latest change that finished before the read began, except changes made while its sweep ran", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40, size: "max" }), async (steps) => {
        expect(violations(await run(steps))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
