/**
 * During preview the engine sends this string in place of any input whose value is not known yet,
 * whatever the declared type (pulumi/pulumi sdk/nodejs/runtime/rpc.ts `unknownValue`).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}
