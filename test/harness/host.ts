// ProviderHost: starts the real @pulumi/pulumi dynamic-provider host and calls it over gRPC with the
// request shapes the engine uses (pkg/resource/plugin/provider_plugin.go).
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { provider as pb, ResourceProviderClient, Status, fromStruct, toStruct } from "./proto";
import { ResourceInitError } from "./errors";
import { wrapSecret, type Props } from "./values";

export interface HostOptions {
  /** The program directory: the engine starts the plugin there, so `require` in providers resolves from it. */
  programDir: string;
  project: string;
  env?: Record<string, string>;
  /** Node flags for the host process (benchmarks: `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** The `node` binary that runs the host (benchmarks: another Node.js line); default: the one running this process. */
  node?: string;
}

export interface CheckResult { inputs: Props; failures: Array<{ property: string; reason: string }> }
export interface DiffResult { changes: "some" | "none" | "unknown"; replaces: string[]; deleteBeforeReplace: boolean }
export interface ReadResult { id?: string; outputs: Props; inputs?: Props }

type Callback<R> = (err: grpc.ServiceError | null, res: R) => void;
const INIT_FAILED_TYPE = "pulumirpc.ErrorResourceInitFailed";

/** Like the `pulumi-resource-pulumi-nodejs` shim: the program's own copy of @pulumi/pulumi, else ours. */
function hostScript(programDir: string): string {
  const script = "@pulumi/pulumi/cmd/dynamic-provider/index.js";
  try {
    return createRequire(path.join(path.resolve(programDir), "noop.js")).resolve(script);
  } catch {
    return require.resolve(script);
  }
}

function typeAndName(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  return { type: (parts[2] ?? "").split("$").pop() ?? "", name: parts.slice(3).join("::") };
}

export class ProviderHost {
  private output = "";
  private client!: ResourceProviderClient;
  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on("data", (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (this.output += d.toString()));
  }

  static async start(opts: HostOptions): Promise<ProviderHost> {
    const child = spawn(opts.node ?? process.execPath, [...(opts.nodeArgs ?? []), hostScript(opts.programDir), "127.0.0.1:1"], {
      cwd: opts.programDir,
      env: { ...process.env, ...opts.env, PULUMI_NODEJS_PROJECT: opts.project },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const host = new ProviderHost(child);
    // Like the engine: the first line on stdout is the port.
    const port = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      const onData = (d: Buffer): void => {
        stdout += d.toString();
        const nl = stdout.indexOf("\n");
        if (nl < 0) return;
        child.stdout!.off("data", onData);
        const line = stdout.slice(0, nl).trim();
        if (/^\d+$/.test(line)) resolve(line);
        else reject(new Error(`provider host printed ${JSON.stringify(line)} instead of its port`));
      };
      child.stdout!.on("data", onData);
      child.once("exit", (code) => reject(new Error(`provider host exited (${code}) before listening:\n${host.output}`)));
      child.once("error", reject);
    });
    host.client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return host;
  }

  /** Everything the host printed (port line first): scanned by tests for leaked secrets. */
  hostOutput(): string {
    return this.output;
  }

  async configure(config: Record<string, string>, secretKeys: string[] = []): Promise<void> {
    // The engine hands dynamic providers the whole stack config, namespaced keys, secrets wrapped.
    const args = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secretKeys.includes(k) ? wrapSecret(v) : v]));
    const req = new pb.ConfigureRequest();
    req.setArgs(toStruct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setSendsOldInputs(true);
    req.setSendsOldInputsToDelete(true);
    req.setType("pulumi:providers:pulumi-nodejs");
    req.setName("default");
    await this.call<pb.ConfigureResponse>((cb) => this.client.configure(req, cb));
  }

  async check(urn: string, olds: Props, news: Props): Promise<CheckResult> {
    const req = new pb.CheckRequest();
    req.setUrn(urn).setOlds(toStruct(olds)).setNews(toStruct(news));
    req.setName(typeAndName(urn).name).setType(typeAndName(urn).type);
    const res = await this.call<pb.CheckResponse>((cb) => this.client.check(req, cb));
    const failures = res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    return { inputs: fromStruct(res.getInputs()), failures };
  }

  async diff(id: string, urn: string, olds: Props, news: Props, oldInputs: Props): Promise<DiffResult> {
    const req = new pb.DiffRequest();
    req.setId(id).setUrn(urn).setOlds(toStruct(olds)).setNews(toStruct(news)).setOldInputs(toStruct(oldInputs));
    req.setName(typeAndName(urn).name).setType(typeAndName(urn).type);
    const res = await this.call<pb.DiffResponse>((cb) => this.client.diff(req, cb));
    const C = pb.DiffResponse.DiffChanges;
    const changes = res.getChanges() === C.DIFF_SOME ? "some" : res.getChanges() === C.DIFF_NONE ? "none" : "unknown";
    return { changes, replaces: res.getReplacesList(), deleteBeforeReplace: res.getDeletebeforereplace() };
  }

  async create(urn: string, props: Props): Promise<{ id: string; outputs: Props }> {
    const req = new pb.CreateRequest();
    req.setUrn(urn).setProperties(toStruct(props));
    req.setName(typeAndName(urn).name).setType(typeAndName(urn).type);
    const res = await this.call<pb.CreateResponse>((cb) => this.client.create(req, cb), true);
    return { id: res.getId(), outputs: fromStruct(res.getProperties()) };
  }

  async read(id: string, urn: string, props: Props, inputs: Props): Promise<ReadResult> {
    const req = new pb.ReadRequest();
    req.setId(id).setUrn(urn).setProperties(toStruct(props)).setInputs(toStruct(inputs));
    req.setName(typeAndName(urn).name).setType(typeAndName(urn).type);
    const res = await this.call<pb.ReadResponse>((cb) => this.client.read(req, cb));
    const result: ReadResult = { outputs: fromStruct(res.getProperties()) };
    if (res.getId()) result.id = res.getId();
    if (res.getInputs()) result.inputs = fromStruct(res.getInputs());
    return result;
  }

  async update(id: string, urn: string, olds: Props, news: Props, oldInputs: Props): Promise<{ outputs: Props }> {
    const req = new pb.UpdateRequest();
    req.setId(id).setUrn(urn).setOlds(toStruct(olds)).setNews(toStruct(news)).setOldInputs(toStruct(oldInputs));
    req.setName(typeAndName(urn).name).setType(typeAndName(urn).type);
    const res = await this.call<pb.UpdateResponse>((cb) => this.client.update(req, cb), true);
    return { outputs: fromStruct(res.getProperties()) };
  }

  async delete(id: string, urn: string, props: Props, oldInputs: Props = {}): Promise<void> {
    const req = new pb.DeleteRequest();
    req.setId(id).setUrn(urn).setProperties(toStruct(props)).setOldInputs(toStruct(oldInputs));
    req.setName(typeAndName(urn).name).setType(typeAndName(urn).type);
    await this.call<unknown>((cb) => this.client.delete(req, cb));
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("close", () => resolve())); // output drained
    this.child.kill("SIGTERM");
    await exited;
  }

  private call<R>(invoke: (cb: Callback<R>) => unknown, initFailures = false): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      invoke((err, res) => (err ? reject(toError(err, initFailures)) : resolve(res)));
    });
  }
}

/** gRPC error → Error carrying the provider's message; an init-failure detail → ResourceInitError. */
function toError(err: grpc.ServiceError, initFailures: boolean): Error {
  const message = err.details || err.message;
  const bin = initFailures ? err.metadata?.get("grpc-status-details-bin")[0] : undefined;
  if (bin !== undefined) {
    for (const detail of Status.deserializeBinary(toBytes(bin)).getDetailsList()) {
      if (!detail.getTypeUrl().endsWith(INIT_FAILED_TYPE)) continue;
      const init = pb.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
      return new ResourceInitError(message, init.getId(), fromStruct(init.getProperties()), init.getReasonsList());
    }
  }
  return Object.assign(new Error(message), { code: err.code });
}

function toBytes(v: string | Buffer): Uint8Array {
  return typeof v === "string" ? Buffer.from(v, "base64") : new Uint8Array(v);
}
