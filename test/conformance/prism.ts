/**
 * Stoplight Prism (@stoplight/prism-cli) as a child process judging traffic against the official
 * spec: `proxy` forwards to an upstream (our emulator) and validates both directions; `mock`
 * answers from the spec alone. It listens on 127.0.0.1 with a port the OS picks (`-p 0`; Prism
 * prints the address it got). Its output is kept line by line. `stop()` (from afterAll, which
 * jest runs even after failures) ends it; if the test process dies without it, Prism exits by
 * itself (./exit-with-parent.cjs), so no run leaves one behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { Agent, request } from "undici";
import { specPath } from "./spec-file";

export type PrismOptions = (
  | {
      mode: "proxy";
      upstream: string;
      /** Prism's --validate-request (default true). Off, invalid requests reach the upstream; responses are still judged. */
      validateRequest?: boolean;
    }
  // Static or dynamic answers are chosen per request with Prism's `Prefer: dynamic=true|false`.
  | { mode: "mock" }
) & {
  /** Prism's --errors (default true): a violation replaces the answer with a problem+json error. */
  errors?: boolean;
  /** The spec Prism judges by (default: ./spec-file.ts specPath()). */
  spec?: string;
};

export interface Prism {
  url: string;
  /** Every line Prism printed so far (stdout and stderr), without colours. */
  readonly lines: readonly string[];
  /** Lines in which Prism reports a violation or refuses a request, since `from` (an index into `lines`). */
  violationLines(from?: number): string[];
  /**
   * Returns once Prism has printed everything about the requests answered so far: Prism's log
   * reaches us through a pipe, after its answer. It sends a request that is valid in both modes
   * (reset_password of a user no one has; the proxy's upstream answers 404, the mock 200) and
   * waits for Prism to log it; Prism handles requests in order and logs them in order.
   */
  flush(apiKey: string): Promise<void>;
  stop(): Promise<void>;
}

/** Lines Prism logs for a violation ("Violation: response.body.id …") or for a request it answered itself. */
const VIOLATION_LINE = /\bViolation: |Request terminated with error/;
const LISTENING = /Prism is listening on (http:\/\/\S+)/;
const READY_TIMEOUT_MS = 30_000;

export async function startPrism(options: PrismOptions): Promise<Prism> {
  const bin = require.resolve("@stoplight/prism-cli/dist/index.js");
  const args = options.mode === "proxy"
    ? ["proxy", options.spec ?? specPath(), options.upstream, ...(options.validateRequest === false ? ["--validate-request=false"] : [])]
    : ["mock", options.spec ?? specPath()];
  if (options.errors ?? true) args.push("--errors");
  args.push("--host", "127.0.0.1", "--port", "0");
  // FORCE_COLOR=0 keeps chalk's escape codes out of the lines we read. stdin stays open: its end
  // is how Prism learns that this process is gone.
  const child: ChildProcess = spawn(process.execPath, ["--require", require.resolve("./exit-with-parent.cjs"), bin, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const exited = once(child, "exit");

  const lines: string[] = [];
  let ready: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => (ready = resolve));
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        const url = LISTENING.exec(line)?.[1];
        if (url) ready(url);
      }
    });
  }

  const agent = new Agent();
  let flushes = 0;
  const flush = async (url: string, apiKey: string) => {
    const marker = `/prism-log-flush-${++flushes}/`;
    const from = lines.length;
    const res = await request(`${url}/v2/users${marker}reset_password`, { method: "POST", headers: { "x-api-key": apiKey }, dispatcher: agent });
    await res.body.dump();
    const started = Date.now();
    while (!lines.slice(from).some((l) => l.includes(marker))) {
      if (Date.now() - started > 5_000) throw new Error(`Prism did not log ${marker} within 5 s`);
      await sleep(5);
    }
  };

  const stop = async () => {
    await agent.close();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const exitedEarly = exited.then(() => Promise.reject(new Error(`Prism exited with ${child.exitCode ?? child.signalCode} before listening`)));
  exitedEarly.catch(() => undefined); // only matters while starting; a later exit is a normal stop
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await Promise.race([
      listening,
      exitedEarly,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Prism did not listen within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS))),
    ]);
    return {
      url,
      lines,
      violationLines: (from = 0) => lines.slice(from).filter((l) => VIOLATION_LINE.test(l)),
      flush: (apiKey) => flush(url, apiKey),
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}: prism ${args.join(" ")}\n${lines.slice(-20).join("\n")}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts several Prisms at once; if any fails, stops the others and throws. */
export async function startPrisms(...options: PrismOptions[]): Promise<Prism[]> {
  const started = await Promise.allSettled(options.map((o) => startPrism(o)));
  const failed = started.find((s) => s.status === "rejected");
  if (!failed) return started.map((s) => (s as PromiseFulfilledResult<Prism>).value);
  await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
  throw failed.reason;
}
