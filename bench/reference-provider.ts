/**
 * The least any dynamic provider can cost: plain `node:http` (the global keep-alive agent), one
 * request per operation, no validation, no retries, endpoint and API key read from the
 * environment at call time. Benchmarks drive it through the same provider host and harness as
 * VectaraUser, so the ratio between the two is what VectaraUser adds over the floor that every
 * dynamic provider pays.
 *
 *   create → POST /v2/users    read → GET /v2/users/{u} (404 → gone)    update → PATCH /v2/users/{u}    delete → DELETE /v2/users/{u}
 *
 * Pulumi's closure serializer writes it into `__provider` by value, so it stays terse and
 * references nothing but Node built-ins, required at call time.
 */
export function referenceProvider(): object {
  const call = (method: string, id: string | undefined, body?: object) => new Promise<any>((resolve, reject) => {
    const url = `${process.env.BENCH_API_URL}/v2/users${id === undefined ? "" : `/${encodeURIComponent(id)}`}`;
    const req = require("node:http").request(url, { method, headers: { "x-api-key": process.env.BENCH_API_KEY, "content-type": "application/json" } }, (res: any) => {
      let text = "";
      res.on("data", (d: string) => (text += d));
      res.on("end", () => (res.statusCode === 404 && method === "GET" ? resolve(undefined)
        : res.statusCode >= 300 ? reject(new Error(`${method} ${url}: ${res.statusCode}`)) : resolve(text && JSON.parse(text))));
    });
    req.on("error", reject);
    req.end(body && JSON.stringify(body));
  });
  // The API's user, as it answers it, is the whole output: no mapping at all.
  return {
    create: async (i: any) => ({ id: i.username ?? i.email, outs: await call("POST", undefined, { email: i.email, username: i.username ?? i.email, description: i.description }) }),
    read: async (id: string) => {
      const user = await call("GET", id);
      return user ? { id, props: user } : {};
    },
    update: async (id: string, _olds: unknown, news: any) => ({ outs: await call("PATCH", id, { description: news.description }) }),
    delete: (id: string) => call("DELETE", id),
  };
}
