import { BurstReader, defaultSweepPolicy, type SweepPolicy, type SweepSource } from "../../../provider/core/burst-reader";

interface Item { key: string; version: number }

/**
 * An in-memory collection behind a source that records every request. Pages hold `pageSize`
 * items in insertion order, as they were when the page was requested; `hold()` keeps page answers
 * back until released, so that a test can change the collection between a page's request and its answer.
 */
class FakeApi {
  readonly items = new Map<string, Item>();
  readonly calls: string[] = [];
  private held?: { release: () => void; promise: Promise<void> };
  failPages = false;

  constructor(readonly pageSize = 3) {}

  put(key: string, version = 1): void {
    this.items.set(key, { key, version });
  }

  hold(): () => void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.held = { release, promise };
    return () => {
      this.held = undefined;
      release();
    };
  }

  source(): SweepSource<Item> {
    return {
      get: async (key) => {
        this.calls.push(`get ${key}`);
        const item = this.items.get(key);
        if (!item) throw Object.assign(new Error(`${key} not found`), { code: "NOT_FOUND" });
        return { ...item };
      },
      page: async (cursor) => {
        this.calls.push(`page ${cursor ?? 0}`);
        const offset = Number(cursor ?? 0);
        const all = [...this.items.values()];
        const next = offset + this.pageSize < all.length ? String(offset + this.pageSize) : undefined;
        const items = all.slice(offset, offset + this.pageSize).map((i) => ({ ...i }));
        if (this.held) await this.held.promise;
        if (this.failPages) throw new Error("list failed");
        return { items, next };
      },
      keyOf: (item) => item.key,
    };
  }

  count(kind: "get" | "page"): number {
    return this.calls.filter((c) => c.startsWith(kind)).length;
  }
}

/** A clock the test moves; sleeping takes no time but lets every queued read reach the reader. */
function setup(policy: Partial<SweepPolicy> = {}, keys = 9, pageSize = 3) {
  const api = new FakeApi(pageSize);
  for (let i = 0; i < keys; i++) api.put(`k${i}`);
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  // Pages of 3 can serve at most 3 reads each, so the default pay-off rule is relaxed to 1 a page.
  const reader = new BurstReader<Item>({ ...defaultSweepPolicy, minConcurrentReads: 4, minHitsPerPage: 1, ...policy }, () => now, () => new Promise((r) => setImmediate(r)));
  const read = (key: string) => reader.read(key, api.source());
  const readAll = (keys: string[]) => Promise.all(keys.map(read));
  return { api, reader, read, readAll, clock };
}

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `k${from + i}`);

describe("BurstReader", () => {
  it("answers a lone read with one GET and lists nothing", async () => {
    const { api, read } = setup();
    expect(await read("k1")).toEqual({ key: "k1", version: 1 });
    expect(api.calls).toEqual(["get k1"]);
  });

  it("answers reads below minConcurrentReads with GETs", async () => {
    const { api, readAll } = setup();
    await readAll(keys(3));
    expect(api.count("page")).toBe(0);
    expect(api.count("get")).toBe(3);
  });

  it("answers a burst of reads from list pages, one sweep of the collection", async () => {
    const { api, readAll, reader } = setup();
    const items = await readAll(keys(9));
    expect(items.map((i) => i.key)).toEqual(keys(9));
    expect(api.calls).toEqual(["page 0", "page 3", "page 6"]);
    expect(reader.stats).toMatchObject({ pages: 3, hits: 9, gets: 0 });
  });

  it("serves a read that arrives after its page, within the burst, without a request", async () => {
    const { api, readAll, read } = setup();
    // Every key but k4 (a key read already would start a new pass: see "second read" below).
    await readAll(keys(9).filter((k) => k !== "k4"));
    const before = api.calls.length;
    expect(await read("k4")).toEqual({ key: "k4", version: 1 });
    expect(api.calls.length).toBe(before);
  });

  it("confirms with a GET what a complete sweep did not list (absence proves nothing)", async () => {
    const { api, read } = setup();
    const results = await Promise.allSettled(["gone", ...keys(5)].map(read));
    expect(results.map((r) => r.status)).toEqual(["rejected", ...keys(5).map(() => "fulfilled")]);
    expect(api.calls.filter((c) => c.startsWith("get"))).toEqual(["get gone"]);
  });

  it("never serves a page from an earlier burst: after idleMs the next reads list again", async () => {
    const { api, readAll, clock } = setup();
    await readAll(keys(6));
    api.put("k1", 2);
    clock.advance(defaultSweepPolicy.idleMs);
    const again = await readAll(keys(6));
    expect(again.find((i) => i.key === "k1")?.version).toBe(2);
    expect(api.count("page")).toBe(4);
  });

  it("never serves a page older than maxBurstMs, even while reads keep coming", async () => {
    const { api, readAll, read, clock } = setup();
    // Pages 0 and 3 list k1 and k2, which nobody has read yet.
    await readAll(["k0", "k3", "k4", "k5"]);
    api.put("k1", 2);
    api.put("k2", 2);
    // Reads of other keys every 500 ms keep the burst alive; its page is not older than the burst, so it serves.
    for (let t = 500; t < defaultSweepPolicy.maxBurstMs; t += 500) {
      clock.advance(500);
      api.put(`alive${t}`);
      await read(`alive${t}`);
    }
    expect((await read("k1")).version).toBe(1);
    clock.advance(500);
    expect((await read("k2")).version).toBe(2); // a new burst, and a lone read: a GET
    expect(api.calls.at(-1)).toBe("get k2");
  });

  describe("a second read of a key is the next refresh, never answered from the first one's pages", () => {
    it.each([1, 200])("20 keys listed, 3 changed out of band, read again %i ms later: fresh values, one more list request", async (gap) => {
      const { api, readAll, reader, clock } = setup({}, 20, 100);
      await readAll(keys(20));
      expect(api.calls).toEqual(["page 0"]);
      for (const k of ["k3", "k9", "k17"]) api.put(k, 2);
      clock.advance(gap);
      const again = await readAll(keys(20));
      expect(again.filter((i) => i.version === 2).map((i) => i.key)).toEqual(["k3", "k9", "k17"]);
      expect(api.calls).toEqual(["page 0", "page 0"]);
      expect(reader.stats).toMatchObject({ bursts: 2, pages: 2, gets: 0 });
    });

    it("1,000 keys read again after 6 out-of-band changes: every change seen, 10 pages a refresh", async () => {
      const { api, readAll, read, clock } = setup(defaultSweepPolicy, 1_000, 100);
      await readAll(keys(1_000));
      expect(api.count("page")).toBe(10);
      const edited = ["k5", "k102", "k299", "k500", "k777"];
      for (const k of edited) api.put(k, 2);
      api.items.delete("k640");
      clock.advance(1);
      const again = await Promise.allSettled(keys(1_000).map(read));
      const versions = again.map((r) => (r.status === "fulfilled" ? r.value.version : "gone"));
      expect(keys(1_000).filter((_, i) => versions[i] !== 1)).toEqual([...edited.slice(0, 4), "k640", "k777"]);
      expect(versions[640]).toBe("gone");
      expect(api.calls.slice(10).filter((c) => c.startsWith("page"))).toHaveLength(10);
      expect(api.calls.slice(10).filter((c) => c.startsWith("get"))).toEqual(["get k640"]);
    });

    it("answers a key once from a page: a second read waiting on the same page gets its own GET", async () => {
      const { api, readAll } = setup();
      const items = await readAll(["k0", "k0", "k1", "k2"]);
      expect(items.map((i) => i.key)).toEqual(["k0", "k0", "k1", "k2"]);
      expect(api.calls).toEqual(["page 0", "get k0"]);
    });

    it("a lone second read is one GET", async () => {
      const { api, readAll, read } = setup();
      await readAll(keys(6));
      api.put("k4", 2);
      expect(await read("k4")).toEqual({ key: "k4", version: 2 });
      expect(api.calls.slice(2)).toEqual(["get k4"]);
    });
  });

  it("reads with a GET a key this process changed after its page was requested", async () => {
    const { api, readAll, read, reader } = setup();
    await readAll(keys(6));
    await reader.change("k1", async () => api.put("k1", 2));
    expect(await read("k1")).toEqual({ key: "k1", version: 2 });
    expect(api.calls.at(-1)).toBe("get k1");
  });

  it("does not serve from a page a key whose change was in flight when the page was answered", async () => {
    const { api, readAll, read, reader } = setup();
    const release = api.hold();
    const reads = readAll(["k0", "k2", "k3", "k4", "k5"]);
    await new Promise((r) => setImmediate(r));
    let finish!: () => void;
    const changed = reader.change("k1", () => new Promise<void>((resolve) => (finish = resolve)));
    release(); // page 0, which lists k1 as it was, answers while k1's change is under way
    await reads;
    api.put("k1", 2);
    finish();
    await changed;
    expect(await read("k1")).toEqual({ key: "k1", version: 2 });
    expect(api.calls.at(-1)).toBe("get k1");
  });

  it("does not serve a page requested before a change that finished before the page was answered", async () => {
    const { api, readAll, reader } = setup();
    const release = api.hold();
    const reads = readAll(keys(6));
    await new Promise((r) => setImmediate(r));
    expect(api.calls).toEqual(["page 0"]);
    // Page 0 is requested (and lists k2 as version 1); then this process changes k2, then page 0 answers.
    await reader.change("k2", async () => api.put("k2", 2));
    release();
    const items = await reads;
    expect(items.find((i) => i.key === "k2")?.version).toBe(2);
    expect(api.calls).toContain("get k2");
  });

  it("reads with a GET a key being changed while the burst runs", async () => {
    const { api, readAll, reader } = setup();
    let finish!: () => void;
    const changed = reader.change("k1", () => new Promise<void>((resolve) => (finish = resolve)));
    await readAll(keys(6));
    finish();
    await changed;
    expect(api.calls).toContain("get k1");
    expect(api.count("get")).toBe(1);
  });

  it("uses a sweep for keys changed before the burst began", async () => {
    const { api, readAll, reader } = setup();
    await reader.change("k1", async () => api.put("k1", 2));
    const items = await readAll(keys(6));
    expect(items.find((i) => i.key === "k1")?.version).toBe(2);
    expect(api.count("get")).toBe(0);
  });

  it("stops a sweep that does not pay for itself and answers the waiting reads with GETs", async () => {
    const { api, readAll } = setup({ minHitsPerPage: 2 }, 0);
    for (let i = 0; i < 30; i++) api.put(`other${i}`);
    for (const k of keys(4)) api.put(k);
    const items = await readAll(keys(4));
    expect(items).toHaveLength(4);
    // The first page served none of the four: no second page, four GETs.
    expect(api.calls.filter((c) => c.startsWith("page"))).toEqual(["page 0"]);
    expect(api.count("get")).toBe(4);
  });

  it("answers every waiting read with a GET when a page fails", async () => {
    const { api, readAll } = setup();
    api.failPages = true;
    const items = await readAll(keys(5));
    expect(items.map((i) => i.key)).toEqual(keys(5));
    expect(api.count("page")).toBe(1);
    expect(api.count("get")).toBe(5);
  });

  it("fetches pages only while reads wait for them, and resumes where it stopped", async () => {
    const { api, readAll } = setup({}, 30);
    await readAll(keys(4));
    // The four reads are on the first two pages: no reason to list the rest of the collection.
    expect(api.calls).toEqual(["page 0", "page 3"]);
    await readAll(keys(4, 6));
    expect(api.calls).toEqual(["page 0", "page 3", "page 6", "page 9"]);
    expect(api.count("get")).toBe(0);
  });

  it("stops after freePages when the collection is large and the reads are not on its first pages", async () => {
    const { api, readAll } = setup({ minHitsPerPage: 4, freePages: 1 }, 0);
    for (let i = 0; i < 300; i++) api.put(`other${i}`);
    for (const k of keys(8)) api.put(k);
    await readAll(keys(8));
    expect(api.count("page")).toBe(1);
    expect(api.count("get")).toBe(8);
  });
});
