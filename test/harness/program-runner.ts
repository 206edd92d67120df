// Child process that plays the Node language host: runs a compiled Pulumi program under
// `pulumi.runtime.setMocks` and forwards every resource registration to the engine (the parent) over IPC.
// Usage: node program-runner.js <programMainJs> <project> <stack> [preview]
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as PulumiModule from "@pulumi/pulumi";
import type { ChildMessage, RegisterMessage, RegisteredMessage } from "./ipc";
import { UNKNOWN, isPlainObject, unwrapSecrets, type Props } from "./values";

/** Internal Output members (output.js) that report knownness and secretness without running applies. */
interface OutputInternals { isKnown: Promise<boolean>; isSecret: Promise<boolean>; promise(): Promise<unknown> }

const [mainArg, project, stack, mode] = process.argv.slice(2);
if (!mainArg || !project || !stack || !process.send) {
  console.error("usage (as an IPC child): program-runner.js <programMainJs> <project> <stack> [preview]");
  process.exit(2);
}
const mainJs = path.resolve(mainArg);
const errors: string[] = [];
const pending = new Map<number, (m: RegisteredMessage) => void>();
let seq = 0;

function send(msg: ChildMessage, then?: () => void): void {
  process.send!(msg, undefined, {}, () => then?.());
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Engine-bound form of an input value: secrets unwrapped, unknowns as the sentinel string. */
function wireValue(v: unknown): unknown {
  if (isPlainObject(v) && (v as { __pulumiUnknown?: boolean }).__pulumiUnknown) return UNKNOWN;
  if ((v as { __pulumiResource?: boolean } | null)?.__pulumiResource) {
    throw new Error("resource references as inputs are not supported by the harness");
  }
  if (Array.isArray(v)) return v.map(wireValue);
  if (isPlainObject(v)) {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, wireValue(x)]));
  }
  return v;
}

function toWire(inputs: Props): { inputs: Props; secretKeys: string[] } {
  const out: Props = {};
  const secretKeys: string[] = [];
  for (const [k, raw] of Object.entries(inputs)) {
    if (raw === undefined) continue;
    const { value, secret } = unwrapSecrets(raw);
    out[k] = wireValue(value);
    if (secret) secretKeys.push(k);
  }
  return { inputs: out, secretKeys };
}

/** The options of each registration, seen on the monitor request before the mocks get it. */
type Options = Pick<RegisterMessage, "protect" | "retainOnDelete" | "importId"> & { read?: boolean; secretOutputs?: string[] };
const options = new Map<string, Options>();
interface MonitorRequest {
  getType(): string;
  getName(): string;
  getProtect?(): boolean | undefined;
  getRetainondelete?(): boolean | undefined;
  getImportid?(): string;
  getAdditionalsecretoutputsList?(): string[];
}
type MonitorMethod = (req: MonitorRequest, cb: unknown) => unknown;

/**
 * The mocks' newResource sees neither the resource options nor whether the program called
 * RegisterResource or ReadResource (it gets the `import` option's id as `id`, like a read's), nor
 * `additionalSecretOutputs`, which the real engine keeps secret in state. So the mock monitor's two
 * methods note them first.
 */
function watchOptions(pulumi: typeof PulumiModule): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as Record<"registerResource" | "readResource", MonitorMethod>;
  const register = monitor.registerResource.bind(monitor);
  const read = monitor.readResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    options.set(`${req.getType()}::${req.getName()}`, {
      ...(req.getProtect?.() ? { protect: true } : {}),
      ...(req.getRetainondelete?.() ? { retainOnDelete: true } : {}),
      ...(req.getImportid?.() ? { importId: req.getImportid!() } : {}),
      secretOutputs: req.getAdditionalsecretoutputsList?.() ?? [],
    });
    return register(req, cb);
  };
  monitor.readResource = (req, cb) => {
    options.set(`${req.getType()}::${req.getName()}`, { read: true });
    return read(req, cb);
  };
}

const mocks: PulumiModule.runtime.Mocks = {
  call: () => ({}),
  newResource: (args) =>
    new Promise((resolve, reject) => {
      const n = ++seq;
      pending.set(n, (m) => ("error" in m ? reject(new Error(m.error)) : resolve({ id: m.id, state: m.state })));
      const wire = toWire(args.inputs as Props);
      const { read, secretOutputs = [], ...opts } = options.get(`${args.type}::${args.name}`) ?? {};
      const secretKeys = [...new Set([...wire.secretKeys, ...secretOutputs])];
      send({ kind: "register", seq: n, type: args.type, name: args.name, custom: args.custom ?? false,
        inputs: wire.inputs, secretKeys, ...opts, ...(read && args.id ? { id: args.id } : {}) });
    }),
};

process.on("message", (m: RegisteredMessage) => {
  pending.get(m.seq)?.(m);
  pending.delete(m.seq);
});
process.on("unhandledRejection", (e) => errors.push(errorText(e)));
process.on("uncaughtException", (e) => errors.push(errorText(e)));

/** Stack outputs as the CLI shows them (runtime/stack.js massage): Outputs resolved, secrets hidden. */
async function resolveExport(v: unknown, pulumi: typeof PulumiModule): Promise<unknown> {
  if (v instanceof Promise) return resolveExport(await v, pulumi);
  if (pulumi.Output.isInstance(v)) {
    const o = v as unknown as OutputInternals;
    const [known, secret, value] = await Promise.all([o.isKnown, o.isSecret, o.promise()]);
    if (secret) return "[secret]";
    return known ? resolveExport(value, pulumi) : "[unknown]";
  }
  if (pulumi.Resource.isInstance(v)) return resolveExport(v.urn, pulumi);
  if (Array.isArray(v)) return Promise.all(v.map((x) => resolveExport(x, pulumi)));
  if (isPlainObject(v)) {
    const out: Props = {};
    for (const [k, x] of Object.entries(v)) {
      const r = await resolveExport(x, pulumi);
      if (r !== undefined) out[k] = r;
    }
    return out;
  }
  return typeof v === "function" ? undefined : v;
}

function loadPulumi(): typeof PulumiModule {
  try {
    return createRequire(mainJs)("@pulumi/pulumi") as typeof PulumiModule;
  } catch {
    return require("@pulumi/pulumi") as typeof PulumiModule;
  }
}

async function main(): Promise<Props> {
  // The program's own copy of @pulumi/pulumi, so the mocks land in the runtime the program uses.
  const programRequire = createRequire(mainJs);
  const pulumi = loadPulumi();
  await pulumi.runtime.setMocks(mocks, project, stack, mode === "preview");
  watchOptions(pulumi);
  let exported: unknown = programRequire(mainJs);
  if (isPlainObject(exported) && Object.getOwnPropertyDescriptor(exported, "default")) exported = exported.default;
  if (typeof exported === "function") exported = await (exported as () => unknown)();
  let outputs: Props = {};
  try {
    outputs = ((await resolveExport(exported, pulumi)) ?? {}) as Props;
  } finally {
    // disconnect() awaits runtime/settings.js waitForRPCs: every registration it knows of has been
    // answered once it returns. A registration made inside an apply can start only on a later tick,
    // after that wait saw none outstanding; so wait again until a pass starts no registration and
    // leaves none unanswered. The mock monitor has no close(): ignored.
    for (;;) {
      const started = seq;
      await pulumi.runtime.disconnect();
      await new Promise((resolve) => setImmediate(resolve));
      if (seq === started && pending.size === 0) break;
    }
  }
  return outputs;
}

main().then(
  (outputs) =>
    errors.length
      ? send({ kind: "error", message: [...new Set(errors)].join("\n") }, () => process.exit(1))
      : send({ kind: "done", outputs }, () => process.exit(0)),
  (e: unknown) =>
    pulumiWait().then(() =>
      send({ kind: "error", message: [errorText(e), ...new Set(errors)].join("\n") }, () => process.exit(1)),
    ),
);

/** After a program error, still let in-flight registrations finish so the engine sees them settle. */
async function pulumiWait(): Promise<void> {
  try {
    await loadPulumi().runtime.disconnect();
  } catch {
    // nothing registered, or the runtime never initialised
  }
}
