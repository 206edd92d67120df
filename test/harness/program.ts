// Parent side of the language host: forks the compiled program runner and answers its registrations.
import { fork } from "node:child_process";
import * as path from "node:path";
import type { ChildMessage, RegisterMessage, RegisteredMessage } from "./ipc";
import type { Props } from "./values";

export interface ProgramOptions {
  mainJs: string;
  programDir: string;
  project: string;
  stack: string;
  preview: boolean;
  config: Record<string, string>;
  secretConfigKeys: string[];
  env: Record<string, string>;
}

export interface ProgramRun { outputs?: Props; error?: string; output: string }
export type RegisterHandler = (m: RegisterMessage) => Promise<{ id: string; state: Props }>;

/** The harness always runs the compiled runner (a program is compiled JS; so is its language host). */
function runnerPath(): string {
  return __filename.endsWith(".js")
    ? path.join(__dirname, "program-runner.js")
    : path.resolve(__dirname, "../../dist/test/harness/program-runner.js");
}

export function runProgram(opts: ProgramOptions, onRegister: RegisterHandler): Promise<ProgramRun> {
  const args = [path.resolve(opts.mainJs), opts.project, opts.stack, ...(opts.preview ? ["preview"] : [])];
  const child = fork(runnerPath(), args, {
    cwd: opts.programDir,
    execArgv: [],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: {
      ...process.env,
      ...opts.env,
      PULUMI_CONFIG: JSON.stringify(opts.config),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(opts.secretConfigKeys),
    },
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const inflight = new Set<Promise<void>>();
  let final: ChildMessage | undefined;

  child.on("message", (m: ChildMessage) => {
    if (m.kind !== "register") {
      final = m;
      return;
    }
    // A program that already failed and exited has nobody to tell: its channel is closed (EPIPE).
    const reply = (r: RegisteredMessage): void => void (child.connected && child.send(r, () => undefined));
    const p = onRegister(m).then(
      ({ id, state }) => reply({ kind: "registered", seq: m.seq, id, state }),
      (e: unknown) => reply({ kind: "registered", seq: m.seq, error: e instanceof Error ? e.message : String(e) }),
    );
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  });

  return new Promise<ProgramRun>((resolve) => {
    child.on("close", (code, signal) => {
      // A failed program can exit while registrations are still being applied: let them finish.
      void Promise.all([...inflight]).then(() => {
        if (final?.kind === "done") resolve({ outputs: final.outputs, output });
        else if (final?.kind === "error") resolve({ error: final.message, output });
        else resolve({ error: `program exited with ${signal ?? `code ${code}`}:\n${output}`, output });
      });
    });
  });
}
