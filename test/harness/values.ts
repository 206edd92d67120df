// Property-value helpers shared by the engine, the host client and the program runner.
// Wire encodings are from @pulumi/pulumi runtime/rpc.js (specialSigKey, specialSecretSig, unknownValue).

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Props = Record<string, unknown>;

export function wrapSecret(value: unknown): Props {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecretWrapped(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Props)[SIG_KEY] === SECRET_SIG;
}

/** Strips secret wrappers at any depth; reports whether any were found. */
export function unwrapSecrets(value: unknown): { value: unknown; secret: boolean } {
  if (isSecretWrapped(value)) return { value: unwrapSecrets(value.value).value, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(unwrapSecrets);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (isPlainObject(value)) {
    let secret = false;
    const out: Props = {};
    for (const [k, v] of Object.entries(value)) {
      const r = unwrapSecrets(v);
      out[k] = r.value;
      secret ||= r.secret;
    }
    return { value: out, secret };
  }
  return { value, secret: false };
}

export function isPlainObject(value: unknown): value is Props {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Top-level keys whose values differ (a key holding `undefined` counts as absent). */
export function changedKeys(olds: Props, news: Props): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((k) => !deepEqual(olds[k], news[k])).sort();
}
