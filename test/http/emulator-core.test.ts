// The emulator core serves a service unlike Vectara without a line of its own: a toy "widgets" API
// with `Authorization: Key`, page-number paging, PUT updates, a create that answers 200, no DELETE,
// an action, and RFC 9457 problem+json errors. What Vectara uses is covered by the emulator suites.
import type { Server } from "node:http";
import { z } from "zod";
import { emulatorSuite } from "./emulator-suite";
import {
  anyOf, authorization, cursorPage, Emulator, json, listen, numberedPage, QueryReader, ResourceStore, serveResources, typed,
  type ErrorBodies, type Resource, type Service,
} from "../../emulator/core";

interface Widget { id: string; name: string; colour: string; locked: boolean }
const CreateWidget = z.object({ name: z.string(typed("a string")), colour: z.string(typed("a string")).default("grey") });
const UpdateWidget = z.object({ colour: z.string(typed("a string")).optional() });

class WidgetStore extends ResourceStore<Widget, z.infer<typeof CreateWidget>, z.infer<typeof UpdateWidget>> {
  readonly noun = "widget";
  protected readonly keyField = "id";
  protected readonly createSchema = CreateWidget;
  protected readonly updateSchema = UpdateWidget;
  protected override readonly uniqueFields = ["name"] as const;
  #last = 0;
  protected keyOf(): string {
    return `w${++this.#last}`;
  }
  protected build(req: z.infer<typeof CreateWidget>, id: string): Widget {
    return { id, name: req.name, colour: req.colour, locked: false };
  }
  protected copy(w: Widget): Widget {
    return { ...w };
  }
}

const problems: ErrorBodies = (requestId) => {
  const problem = (status: number, detail: string, headers?: Record<string, string>) =>
    ({ ...json(status, { title: `Error ${status}`, status, detail, instance: requestId }, headers), contentType: "application/problem+json" });
  return {
    error: (status, message, headers) => problem(status, message ?? "failed", headers),
    badRequest: (_fields, messages) => problem(400, messages.join("; ")),
    notFound: (_id, message) => problem(404, message),
  };
};

class WidgetEmulator extends Emulator {
  readonly key = "k_widgets";
  readonly store = new WidgetStore();
  protected readonly service: Service;
  private constructor(server: Server) {
    super(server);
    const widgets: Resource<Widget> = {
      path: ["api", "v1", "widgets"],
      ops: ["list", "create", "get", "update"],
      updateMethod: "PUT",
      store: this.store,
      created: (w) => json(200, w),
      updated: ({ id, colour }) => json(200, { id, colour }),
      duplicateStatus: 409,
      actions: { lock: { method: "POST", run: (_req, w) => json(200, { ...w, locked: true }) } },
      custom: {
        list: (req) => {
          const q = new QueryReader(req.query, ["page_number", "page_size", "cursor"]);
          const size = q.integer("page_size", { min: 1, max: 500, default: 20 });
          if (q.get("cursor") !== undefined) {
            const offset = q.cursor("cursor", "cursor");
            if (!q.ok || offset === undefined) return req.errors.badRequest(q.problems, Object.values(q.problems));
            const page = cursorPage(this.store.all(), offset, size);
            return json(200, { widgets: page.items, pagination: { next_cursor: page.next, has_more: page.next !== undefined } });
          }
          const number = q.integer("page_number", { min: 1, max: 1_000_000, default: 1 });
          if (!q.ok) return req.errors.badRequest(q.problems, Object.values(q.problems));
          const page = numberedPage(this.store.all(), number, size);
          return json(200, { results: page.items, current_page: number, total: page.total });
        },
      },
    };
    this.service = {
      errors: problems,
      auth: anyOf(authorization("Key", [[this.key, "full"]]), authorization("Bearer", [["b_widgets", "read-only"]])),
      unauthenticated: { message: "no key", challenge: 'Key realm="widgets"' },
      apiPrefix: "/api",
      handle: (req) => serveResources(req, [widgets], (r) => (r.access === "read-only" && r.method !== "GET" ? r.errors.error(403, "read only") : undefined)),
    };
  }
  static async start(): Promise<WidgetEmulator> {
    return new WidgetEmulator(await listen());
  }
}

const emu = emulatorSuite(() => WidgetEmulator.start(), (emu) => emu.store.clear());

async function call(method: string, path: string, opts: { body?: unknown; auth?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.auth !== null) headers.authorization = opts.auth ?? `Key ${emu.key}`;
  const res = await fetch(emu.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}
const seed = (...names: string[]) => names.map((name) => emu.store.createOrThrow("seed", { name }));

test("Authorization: Key is taken; a missing or wrong scheme is a 401 problem+json with the service's challenge", async () => {
  expect((await call("GET", "/api/v1/widgets")).status).toBe(200);
  for (const auth of [null, `Bearer ${emu.key}`, `Key wrong`, emu.key]) {
    const res = await call("GET", "/api/v1/widgets", { auth });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toBe('Key realm="widgets"');
    expect(res.body).toEqual({ title: "Error 401", status: 401, detail: "no key", instance: res.headers.get("x-request-id") });
  }
});

test("anyOf: a read-only Bearer key may GET, and its writes get the service's 403", async () => {
  expect((await call("GET", "/api/v1/widgets", { auth: "bearer b_widgets" })).status).toBe(200);
  expect((await call("POST", "/api/v1/widgets", { auth: "Bearer b_widgets", body: { name: "a" } })).body).toMatchObject({ status: 403, detail: "read only" });
});

test("page-number paging: pages of page_size, 1-based, with the total; page_size beyond 500 is a 400", async () => {
  seed("a", "b", "c", "d", "e");
  const page = async (q: string) => (await call("GET", `/api/v1/widgets?${q}`)).body;
  expect(await page("page_size=2")).toMatchObject({ results: [{ name: "a" }, { name: "b" }], current_page: 1, total: 5 });
  expect(await page("page_size=2&page_number=3")).toMatchObject({ results: [{ name: "e" }], current_page: 3, total: 5 });
  expect((await page("page_size=2&page_number=4")).results).toEqual([]);
  expect(await page("page_size=501")).toMatchObject({ status: 400, detail: "page_size must be an integer from 1 to 500" });
});

test("cursor paging: next_cursor until the last page, then has_more false; a cursor it did not issue is a 400", async () => {
  seed("a", "b", "c");
  const first = (await call("GET", "/api/v1/widgets?page_size=2&cursor=")).body;
  expect(first).toMatchObject({ status: 400, detail: "cursor is not a cursor this server issued" });
  const start = cursorPage(emu.store.all(), 0, 2).next!;
  const second = (await call("GET", `/api/v1/widgets?page_size=2&cursor=${encodeURIComponent(start)}`)).body;
  expect(second).toEqual({ widgets: [expect.objectContaining({ name: "c" })], pagination: { has_more: false } });
});

test("create answers 200, a taken unique field is a 409, PUT updates and answers the service's shape, PATCH and DELETE are not served", async () => {
  const created = await call("POST", "/api/v1/widgets", { body: { name: "a" } });
  expect(created).toMatchObject({ status: 200, body: { name: "a", colour: "grey", locked: false } });
  const at = `/api/v1/widgets/${created.body.id}`;
  expect((await call("POST", "/api/v1/widgets", { body: { name: "a" } })).body).toMatchObject({ status: 409, detail: "A widget with name a already exists" });
  expect((await call("PUT", at, { body: { colour: "red" } })).body).toEqual({ id: created.body.id, colour: "red" });
  expect((await call("PUT", at, { body: { colour: 1 } })).body).toMatchObject({ status: 400, detail: "colour must be a string" });
  expect((await call("PUT", "/api/v1/widgets/nope", { body: {} })).body).toMatchObject({ status: 404, detail: "Widget nope not found" });
  for (const method of ["PATCH", "DELETE"]) {
    expect((await call(method, at)).body).toMatchObject({ status: 404, detail: `No operation for ${method} ${at}` });
  }
  expect((await call("POST", `${at}/lock`)).body).toMatchObject({ id: created.body.id, locked: true });
  expect(emu.requests.map((r) => r.status)).toEqual([200, 409, 200, 400, 404, 404, 404, 200]);
});

test("faults come with the core: an injected 429 carries Retry-After and the service's error body", async () => {
  emu.inject({ kind: "status", status: 429, retryAfter: "2" });
  const res = await call("GET", "/api/v1/widgets");
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toBe("2");
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.body).toMatchObject({ status: 429, detail: "failed" });
});
