// The stack's checkpoint: stateDir/state.json, rewritten after every step like a backend. Secret values
// are stored the way Pulumi checkpoints store them, `{<sig>: <secret sig>, ciphertext}`, so a scan of
// the file for a secret finds only true leaks (a secret that reached a non-secret property).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { SECRET_SIG, SIG_KEY, isSecretWrapped, type Props } from "./values";

export interface ResourceState {
  urn: string;
  type: string;
  name: string;
  /** "" for component resources, which have no id. */
  id: string;
  inputs: Props;
  outputs: Props;
  secretOutputKeys: string[];
  /** Position in the deployment that last registered it; deletes run in reverse order. */
  order: number;
  custom: boolean;
  /** Reasons from a "created but failed to initialize" create/update; the next up updates it. */
  initErrors?: string[];
  /** The old half of a create-before-delete replacement whose delete has not happened yet. */
  pendingDelete?: boolean;
  /** Read with `Resource.get` (ReadResource): tracked, never deleted by Pulumi. */
  external?: boolean;
  /** The `protect` option: a delete fails (step.go deleteProtectedError). */
  protect?: boolean;
  /** The `retainOnDelete` option: a delete drops it from state without calling the provider. */
  retainOnDelete?: boolean;
}

export interface StackState { nextOrder: number; resources: ResourceState[] }

export function urnOf(stack: string, project: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

export class StateFile {
  private readonly file: string;
  private readonly keyFile: string;
  private cachedKey?: Buffer;
  /**
   * Ciphertext of each secret already written, by its plaintext: a checkpoint is written after every
   * step, and, as in the engine's checkpoints, a secret that did not change keeps its ciphertext
   * instead of being encrypted again with every write (a 1,000-user refresh writes 1,000 times).
   */
  private readonly sealedCache = new Map<string, { plaintext: string; sealed: Props }>();
  constructor(stateDir: string) {
    fs.mkdirSync(stateDir, { recursive: true });
    this.file = path.join(stateDir, "state.json");
    this.keyFile = path.join(stateDir, "secrets.key");
  }

  load(): StackState {
    if (!fs.existsSync(this.file)) return { nextOrder: 1, resources: [] };
    const raw = JSON.parse(fs.readFileSync(this.file, "utf8")) as StackState;
    const open = (bag: Props, keys: string[]): Props => mapKeys(bag, keys, (v) => this.decrypt(v));
    return {
      nextOrder: raw.nextOrder,
      resources: raw.resources.map((r) => ({
        ...r,
        inputs: open(r.inputs, r.secretOutputKeys),
        outputs: open(r.outputs, r.secretOutputKeys),
      })),
    };
  }

  save(state: StackState): void {
    const seal = (slot: string, bag: Props, keys: string[]): Props => mapKeys(bag, keys, (v, k) => this.encrypt(`${slot}.${k}`, v));
    const sealed: StackState = {
      nextOrder: state.nextOrder,
      resources: [...state.resources]
        .sort((a, b) => a.order - b.order)
        .map((r) => ({ ...r, inputs: seal(`${r.urn} inputs`, r.inputs, r.secretOutputKeys), outputs: seal(`${r.urn} outputs`, r.outputs, r.secretOutputKeys) })),
    };
    fs.writeFileSync(`${this.file}.tmp`, JSON.stringify(sealed, null, 2));
    fs.renameSync(`${this.file}.tmp`, this.file);
  }

  private key(): Buffer {
    if (this.cachedKey) return this.cachedKey;
    if (!fs.existsSync(this.keyFile)) fs.writeFileSync(this.keyFile, randomBytes(32).toString("hex"), { mode: 0o600 });
    return (this.cachedKey = Buffer.from(fs.readFileSync(this.keyFile, "utf8"), "hex"));
  }

  /** `slot` names the property (URN, inputs or outputs, key): its ciphertext is reused while its value stays the same. */
  private encrypt(slot: string, value: unknown): Props {
    const plaintext = JSON.stringify(value);
    const cached = this.sealedCache.get(slot);
    if (cached?.plaintext === plaintext) return cached.sealed;
    const sealed = this.seal(plaintext);
    this.sealedCache.set(slot, { plaintext, sealed });
    return sealed;
  }

  private seal(plaintext: string): Props {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key(), iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return { [SIG_KEY]: SECRET_SIG, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64") };
  }

  private decrypt(sealed: unknown): unknown {
    const ciphertext = isSecretWrapped(sealed) ? (sealed as { ciphertext?: unknown }).ciphertext : undefined;
    if (typeof ciphertext !== "string") return sealed;
    const buf = Buffer.from(ciphertext, "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.key(), buf.subarray(0, 12));
    decipher.setAuthTag(buf.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString("utf8"));
  }
}

function mapKeys(bag: Props, keys: string[], f: (v: unknown, k: string) => unknown): Props {
  return Object.fromEntries(Object.entries(bag).map(([k, v]) => [k, keys.includes(k) ? f(v, k) : v]));
}
