// A stand-in for the Pulumi engine + a file backend: `Stack` runs up/preview/refresh/destroy against
// the real dynamic-provider host, with the program in a child process like the Node language host.
import { ProviderHost } from "./host";
import { runProgram } from "./program";
import { deleteLeftovers, register, type Deployment } from "./up";
import { refreshAll, destroyAll } from "./refresh-destroy";
import { StateFile, type StackState } from "./state-file";
import type { OperationResult, Step } from "./steps";

export { formatSteps, ok, ops } from "./steps";
export type { Step, StepOp, OperationResult, UpResult, RefreshResult, DestroyResult } from "./steps";
export type { ResourceState, StackState } from "./state-file";
export { ResourceInitError } from "./errors";

export interface StackOptions {
  stateDir: string;
  project: string;
  stack: string;
  /** Namespaced keys, e.g. "vectara:apiKey". */
  config?: Record<string, string>;
  secretConfigKeys?: string[];
  /** Passed to the provider host and to the program. */
  env?: Record<string, string>;
}

export interface RunOptions { programDir: string }

export class Stack {
  private readonly file: StateFile;
  private hostText = "";
  private programText = "";

  constructor(private readonly opts: StackOptions) {
    this.file = new StateFile(opts.stateDir);
  }

  /** The persisted checkpoint, secrets decrypted, resources in deployment order. */
  state(): StackState {
    const s = this.file.load();
    return { ...s, resources: s.resources.sort((a, b) => a.order - b.order) };
  }

  /** Everything every provider host of this Stack printed. */
  hostOutput(): string {
    return this.hostText;
  }

  /** Everything the program runs printed. */
  programOutput(): string {
    return this.programText;
  }

  up(programMainJs: string, run: RunOptions): Promise<OperationResult> {
    return this.deploy(programMainJs, run, false);
  }

  preview(programMainJs: string, run: RunOptions): Promise<OperationResult> {
    return this.deploy(programMainJs, run, true);
  }

  refresh(run: RunOptions): Promise<OperationResult> {
    return this.withHost(run, async (host, state, steps) => {
      await refreshAll({ host, state, steps, save: () => this.file.save(state) });
      return {};
    });
  }

  destroy(run: RunOptions): Promise<OperationResult> {
    return this.withHost(run, async (host, state, steps) => {
      await destroyAll({ host, state, steps, save: () => this.file.save(state) });
      return {};
    });
  }

  private deploy(mainJs: string, run: RunOptions, preview: boolean): Promise<OperationResult> {
    const { project, stack, config = {}, secretConfigKeys = [], env = {} } = this.opts;
    return this.withHost(run, async (host, state, steps) => {
      const d: Deployment = { host, state, steps, project, stack, preview, failures: [], seen: new Set(),
        save: () => (preview ? undefined : this.file.save(state)) };
      const program = await runProgram(
        { mainJs, programDir: run.programDir, project, stack, preview, config, secretConfigKeys, env },
        (m) => register(d, m),
      );
      this.programText += program.output;
      const errors = [...d.failures, ...(program.error ? [program.error] : [])];
      if (errors.length) return { error: errors.join("\n") };
      await deleteLeftovers(d);
      return { outputs: program.outputs ?? {} };
    });
  }

  /** One host per command, started in the program directory and configured once with the stack config. */
  private async withHost(
    run: RunOptions,
    body: (host: ProviderHost, state: StackState, steps: Step[]) => Promise<Omit<OperationResult, "steps">>,
  ): Promise<OperationResult> {
    const steps: Step[] = [];
    let host: ProviderHost | undefined;
    try {
      host = await ProviderHost.start({ programDir: run.programDir, project: this.opts.project, env: this.opts.env });
      await host.configure(this.opts.config ?? {}, this.opts.secretConfigKeys ?? []);
      return { steps, ...(await body(host, this.file.load(), steps)) };
    } catch (e) {
      return { steps, error: e instanceof Error ? e.message : String(e) };
    } finally {
      if (host) {
        await host.stop();
        this.hostText += host.hostOutput();
      }
    }
  }
}
