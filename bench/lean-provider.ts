/**
 * The lean reference dynamic provider, the anchor of P1 and cold start: a module of the bench's
 * compiled output (dist/bench/lean-provider.js) that the host loads by path, so that its
 * `__provider` is one line (leanProviderSource, under 100 bytes) instead of a serialized closure.
 * That is the same kind of thin loader VectaraUser uses (provider/core/dynamic-loader.ts: state
 * names a module, the host requires it), without the loader's forwarding body.
 *
 * It is the least a dynamic provider can do per operation: plain `node:http` with one keep-alive
 * agent (no dependency to load, the client every Node ships), one request per operation, no
 * validation, no retries, no mapping; endpoint and API key from the environment (BENCH_API_URL,
 * BENCH_API_KEY), read once.
 *
 *   create → POST /v2/users    read → GET /v2/users/{u} (404 → gone)    update → PATCH /v2/users/{u}    delete → DELETE /v2/users/{u}
 */
import * as http from "node:http";

const agent = new http.Agent({ keepAlive: true });
const base = process.env.BENCH_API_URL ?? "";
const key = process.env.BENCH_API_KEY ?? "";

function call(method: string, id: string | undefined, body?: object): Promise<any> {
  return new Promise((resolve, reject) => {
    const url = `${base}/v2/users${id === undefined ? "" : `/${encodeURIComponent(id)}`}`;
    const req = http.request(url, { method, agent, headers: { "x-api-key": key, "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => {
        const status = res.statusCode ?? 500;
        if (status === 404 && method === "GET") resolve(undefined);
        else if (status >= 300) reject(new Error(`${method} ${url}: ${status}`));
        else resolve(text ? JSON.parse(text) : undefined);
      });
    });
    req.on("error", reject);
    req.end(body && JSON.stringify(body));
  });
}

/** The provider object the host gets from `__provider`'s handler. The API's user is the whole output. */
const provider = {
  create: async (i: any) => ({ id: i.username ?? i.email, outs: await call("POST", undefined, { email: i.email, username: i.username ?? i.email, description: i.description }) }),
  read: async (id: string) => {
    const user = await call("GET", id);
    return user ? { id, props: user } : {};
  },
  update: async (id: string, _olds: unknown, news: any) => ({ outs: await call("PATCH", id, { description: news.description }) }),
  delete: async (id: string) => {
    await call("DELETE", id);
  },
};
export default provider;

/**
 * `__provider` for a module loaded by path: what the host's `requireFromString(…).handler()` needs
 * and nothing more. `file` is absolute, so it resolves from any program directory.
 */
export function leanProviderSource(file = __filename): string {
  return `exports.handler=()=>require(${JSON.stringify(file)}).default;`;
}
