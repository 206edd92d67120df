/**
 * Serves a refresh's many single-resource reads from a few list pages.
 *
 * `pulumi refresh` reads every resource at once; one GET each is what exhausts a SaaS rate limit.
 * When enough reads are in flight together (a *burst*), a sweep lists the collection page by page
 * and answers the waiting reads from those pages. The rules, in order of importance:
 *
 * 1. Never older than the burst. A burst starts with its first read and ends once no read has been
 *    in flight for `idleMs`, after `maxBurstMs`, or when a key is read again (rule 2); every page
 *    it serves from was requested after it started, and a new burst never sees an old burst's pages.
 * 2. Never older than the key's previous read. The engine reads each resource once a refresh, so a
 *    second read of a key is the next refresh: a read of `key` is served only from a page requested
 *    after every earlier read of `key` was answered. So a page answers a key at most once, and a
 *    read of a key already read in this burst starts a new burst, whose sweep lists afresh.
 * 3. Never older than our own changes. `change(key, …)` wraps every create/update/delete of this
 *    process: while it runs, and for any page requested before it ended, `key` is read with a GET.
 * 4. A lone read never lists the account: sweeps start only with `minConcurrentReads` in flight.
 *    A read that finds fewer waits `gatherMs` for company before it sends its own GET, since the
 *    engine's reads reach the host one by one.
 * 5. A sweep must pay for itself: after `freePages` it fetches the next page only while the pages
 *    so far hold `minHitsPerPage` items per page that reads of this burst asked for, and only
 *    while a read is waiting for it.
 * 6. Absence proves nothing (an offset cursor skips an item when an earlier one is deleted between
 *    pages), so a read the sweep did not answer falls back to a GET, as does every read after a
 *    page fails.
 *
 * Together: a read misses an out-of-band change only if the change finished after the sweep that
 * may answer the read began (that sweep began after the key's previous read); it never misses one
 * of this process's (test/unit/core/burst-reader.model.test.ts states this exactly and checks it).
 * The only timer is that short wait; bursts expire when the next read looks at them.
 */
export interface SweepPolicy {
  /** Reads in flight at once that make a sweep worth starting. */
  minConcurrentReads: number;
  /** How long a read with too little company waits for more before its own GET. */
  gatherMs: number;
  /** A burst ends once no read has been in flight for this long… */
  idleMs: number;
  /** …or this long after it began: the oldest data a read can get. */
  maxBurstMs: number;
  /** Pages a sweep may fetch before it must pay for itself. */
  freePages: number;
  /** Then, items wanted by this burst's reads per page fetched, or the sweep stops. */
  minHitsPerPage: number;
}

export const defaultSweepPolicy: SweepPolicy = {
  minConcurrentReads: 8,
  gatherMs: 5,
  idleMs: 1_000,
  maxBurstMs: 30_000,
  freePages: 1,
  minHitsPerPage: 4,
};

export interface SweepSource<T> {
  /** One item; rejects the way the API does (e.g. NOT_FOUND). */
  get(key: string): Promise<T>;
  /** One page of the whole collection; `cursor` undefined is the first page, `next` undefined the last. */
  page(cursor: string | undefined): Promise<{ items: readonly T[]; next?: string }>;
  keyOf(item: T): string | undefined;
}

export interface BurstStats {
  bursts: number;
  pages: number;
  /** Reads answered from pages. */
  hits: number;
  /** Reads answered by a GET. */
  gets: number;
}

interface Entry<T> { item: T; epoch: number }

class Burst<T extends object> {
  inflight = 0;
  lastActive: number;
  readonly entries = new Map<string, Entry<T>>();
  readonly waiting = new Map<string, Array<(item: T | undefined) => void>>();
  sweeping = false;
  pumping = false;
  done = false;
  cursor: string | undefined;
  pages = 0;
  /** Keys read in this burst, and those of them that a page listed: what the sweep is worth. */
  readonly wanted = new Set<string>();
  readonly useful = new Set<string>();

  /** `epoch`: the reader's epoch when the burst began; a key answered since has had its pass here (rule 2). */
  constructor(readonly startedAt: number, readonly epoch: number) {
    this.lastActive = startedAt;
  }
}

/** `T` is the item type; it never includes undefined (undefined means "not served from a page"). */
export class BurstReader<T extends object> {
  readonly stats: BurstStats = { bursts: 0, pages: 0, hits: 0, gets: 0 };
  private current?: Burst<T>;
  /** Advances on every page request, change, answered read and new burst, so "requested before that change" is a comparison. */
  private epoch = 0;
  private readonly changedAt = new Map<string, number>();
  private readonly changing = new Map<string, number>();
  /** When a read of each key was last answered: a page requested before then belongs to an earlier pass. */
  private readonly answeredAt = new Map<string, number>();

  constructor(
    private readonly policy: SweepPolicy = defaultSweepPolicy,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<unknown> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async read(key: string, source: SweepSource<T>): Promise<T> {
    const burst = this.burst(key);
    burst.inflight++;
    burst.wanted.add(key);
    try {
      let item = this.cached(burst, key);
      if (item === undefined && this.sweepable(burst, key)) {
        if (!this.company(burst) && this.policy.gatherMs > 0) {
          await this.sleep(this.policy.gatherMs);
          item = this.cached(burst, key);
        }
        if (item === undefined && this.sweepable(burst, key) && this.company(burst)) item = await this.await(burst, key, source);
      }
      if (item !== undefined) return item;
      this.stats.gets++;
      return await source.get(key);
    } finally {
      this.answered(key);
      burst.inflight--;
      burst.lastActive = this.now();
    }
  }

  /** Wraps a create, update or delete of `key` made by this process (rule 3). */
  async change<R>(key: string, work: () => Promise<R>): Promise<R> {
    this.changing.set(key, (this.changing.get(key) ?? 0) + 1);
    this.changedAt.set(key, ++this.epoch);
    try {
      return await work();
    } finally {
      const left = (this.changing.get(key) ?? 1) - 1;
      if (left > 0) this.changing.set(key, left);
      else this.changing.delete(key);
      // The server may have applied it even if it failed: pages requested before now are stale for key.
      this.changedAt.set(key, ++this.epoch);
    }
  }

  private burst(key: string): Burst<T> {
    const now = this.now();
    const b = this.current;
    const readAgain = b !== undefined && (this.answeredAt.get(key) ?? 0) > b.epoch;
    if (b && !readAgain && now - b.startedAt < this.policy.maxBurstMs && (b.inflight > 0 || now - b.lastActive < this.policy.idleMs)) return b;
    // An ended burst keeps serving the reads already waiting on it; new reads start afresh.
    this.stats.bursts++;
    return (this.current = new Burst<T>(now, ++this.epoch));
  }

  private cached(burst: Burst<T>, key: string): T | undefined {
    const entry = burst.entries.get(key);
    if (!entry || !this.fresh(key, entry.epoch)) return undefined;
    this.hit(burst, key);
    return entry.item;
  }

  private hit(burst: Burst<T>, key: string): void {
    burst.useful.add(key);
    this.stats.hits++;
    this.answered(key);
  }

  /** No page requested before now answers `key` again (rule 2). */
  private answered(key: string): void {
    this.answeredAt.set(key, ++this.epoch);
  }

  /** Not listed yet (a listed entry that is no longer fresh needs a GET), not being changed, sweep not over. */
  private sweepable(burst: Burst<T>, key: string): boolean {
    return !burst.entries.has(key) && !this.changing.has(key) && !burst.done;
  }

  private company(burst: Burst<T>): boolean {
    return burst.sweeping || burst.inflight >= this.policy.minConcurrentReads;
  }

  /** Rules 2 and 3 for a page requested at `pageEpoch`. */
  private fresh(key: string, pageEpoch: number): boolean {
    return !this.changing.has(key) && (this.changedAt.get(key) ?? 0) < pageEpoch && (this.answeredAt.get(key) ?? 0) < pageEpoch;
  }

  private await(burst: Burst<T>, key: string, source: SweepSource<T>): Promise<T | undefined> {
    burst.sweeping = true;
    const promise = new Promise<T | undefined>((resolve) => {
      const list = burst.waiting.get(key) ?? [];
      list.push(resolve);
      burst.waiting.set(key, list);
    });
    if (!burst.pumping) void this.pump(burst, source);
    return promise;
  }

  /** Fetches pages while reads wait and the sweep pays for itself; then releases the rest to GETs. */
  private async pump(burst: Burst<T>, source: SweepSource<T>): Promise<void> {
    burst.pumping = true;
    try {
      while (!burst.done && burst.waiting.size > 0) {
        if (burst.pages >= this.policy.freePages && burst.useful.size < burst.pages * this.policy.minHitsPerPage) break;
        const epoch = ++this.epoch;
        let page: Awaited<ReturnType<SweepSource<T>["page"]>>;
        try {
          page = await source.page(burst.cursor);
        } catch {
          break; // every waiting read retries on its own, with its own error if the API is down
        }
        burst.pages++;
        this.stats.pages++;
        for (const item of page.items) {
          const key = source.keyOf(item);
          if (key === undefined) continue;
          // Kept even when stale: a later read of key then knows a GET is needed, and need not wait.
          burst.entries.set(key, { item, epoch });
          const fresh = this.fresh(key, epoch);
          if (fresh && burst.wanted.has(key)) burst.useful.add(key);
          const waiters = burst.waiting.get(key);
          if (!waiters) continue;
          burst.waiting.delete(key);
          // Once the first waiter is answered, the page is stale for key: a second read waiting too gets a GET.
          for (const resolve of waiters) {
            const served = this.fresh(key, epoch);
            if (served) this.hit(burst, key);
            resolve(served ? item : undefined);
          }
        }
        burst.cursor = page.next;
        if (page.next === undefined) burst.done = true;
      }
      // Stopped for a reason other than "nobody waits": this burst sweeps no more.
      if (burst.waiting.size > 0) burst.done = true;
    } finally {
      burst.pumping = false;
      if (burst.done) {
        const waiters = [...burst.waiting.values()].flat();
        burst.waiting.clear();
        for (const resolve of waiters) resolve(undefined);
      }
    }
  }
}

/** The readers of one provider instance, one per account: reads and changes of one account see each other. */
export class AccountReaders<T extends object> {
  private readonly readers = new Map<string, BurstReader<T>>();

  constructor(private readonly policy: SweepPolicy = defaultSweepPolicy) {}

  of(account: string | undefined): BurstReader<T> {
    let reader = this.readers.get(account ?? "");
    if (!reader) this.readers.set(account ?? "", (reader = new BurstReader<T>(this.policy)));
    return reader;
  }
}
