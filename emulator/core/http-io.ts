/** The node:http edges: a request read into plain data, and a Reply written out. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "./replies";

export interface Incoming {
  method: string;
  /** req.url as received, percent-encoding untouched. */
  rawPath: string;
  /** rawPath without the query, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names (node:http lower-cases them); repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** Rejects when the client goes away before the body is complete. */
export async function readIncoming(req: IncomingMessage): Promise<Incoming> {
  const rawPath = req.url ?? "/";
  const q = rawPath.indexOf("?");
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return {
    method: req.method ?? "GET",
    rawPath,
    path: q < 0 ? rawPath : rawPath.slice(0, q),
    query: new URLSearchParams(q < 0 ? "" : rawPath.slice(q + 1)),
    headers,
    body: Buffer.concat(chunks).toString("utf8"),
  };
}

/** Every response names its request in `x-request-id`; bodies are JSON (of `reply.contentType`), 204s have none. */
export function writeReply(res: ServerResponse, reply: Reply, requestId: string): void {
  const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...reply.headers,
    "x-request-id": requestId,
    ...(payload !== undefined && { "content-type": reply.contentType ?? "application/json", "content-length": Buffer.byteLength(payload) }),
  });
  res.end(payload);
}

/** A body as the request log keeps it: parsed JSON, else the raw text. */
export function loggedBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
