// Child process that plays the Node language host: runs a compiled Pulumi program under
// `pulumi.runtime.setMocks` and forwards every resource registration to the engine (the parent) over IPC.
// Usage: node program-runner.js <programMainJs> <project> <stack> [preview]
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as PulumiModule from "@pulumi/pulumi";
import type { ChildMessage, RegisteredMessage } from "./ipc";
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

const mocks: PulumiModule.runtime.Mocks = {
  call: () => ({}),
  newResource: (args) =>
    new Promise((resolve, reject) => {
      const n = ++seq;
      pending.set(n, (m) => ("error" in m ? reject(new Error(m.error)) : resolve({ id: m.id, state: m.state })));
      const wire = toWire(args.inputs as Props);
      const inputs = wire.inputs;
      const secretKeys = [...new Set([...wire.secretKeys, ...(additionalSecretOutputs.get(`${args.type}::${args.name}`) ?? [])])];
      send({ kind: "register", seq: n, type: args.type, name: args.name, custom: args.custom ?? false,
        inputs, secretKeys, ...(args.id ? { id: args.id } : {}) });
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

/** `additionalSecretOutputs` of each registration, which the mocks' newResource is not given. */
const additionalSecretOutputs = new Map<string, string[]>();

interface RegisterRequest { getType(): string; getName(): string; getAdditionalsecretoutputsList?(): string[] }

/**
 * The mock monitor hands `newResource` the inputs but not the RegisterResourceRequest's
 * additionalSecretOutputs; the real engine keeps those outputs secret in state. Reading them from the
 * request (the mock monitor calls newResource synchronously from registerResource) lets the harness
 * do the same.
 */
function recordAdditionalSecretOutputs(pulumi: typeof PulumiModule): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: RegisterRequest, callback: unknown): unknown } | undefined;
  if (!monitor) return;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    additionalSecretOutputs.set(`${req.getType()}::${req.getName()}`, req.getAdditionalsecretoutputsList?.() ?? []);
    return register(req, callback);
  };
}

async function main(): Promise<Props> {
  // The program's own copy of @pulumi/pulumi, so the mocks land in the runtime the program uses.
  const programRequire = createRequire(mainJs);
  const pulumi = loadPulumi();
  await pulumi.runtime.setMocks(mocks, project, stack, mode === "preview");
  recordAdditionalSecretOutputs(pulumi);
  let exported: unknown = programRequire(mainJs);
  if (isPlainObject(exported) && Object.getOwnPropertyDescriptor(exported, "default")) exported = exported.default;
  if (typeof exported === "function") exported = await (exported as () => unknown)();
  let outputs: Props = {};
  try {
    outputs = ((await resolveExport(exported, pulumi)) ?? {}) as Props;
  } finally {
    // disconnect() awaits runtime/settings.js waitForRPCs: every registration (incl. ones made inside
    // applies) has been answered and resolved once it returns. The mock monitor has no close(): ignored.
    await pulumi.runtime.disconnect();
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
