// What a deployment did, in the shape the CLI reports it.
import type { Props } from "./values";

export type StepOp =
  | "create" | "same" | "update" | "replace" | "delete" | "read"
  | "refresh-same" | "refresh-update" | "refresh-delete";

export interface Step {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  id?: string;
  changedKeys?: string[];
  replaceKeys?: string[];
}

export interface OperationResult { steps: Step[]; outputs?: Props; error?: string }
export type UpResult = OperationResult;
export type RefreshResult = OperationResult;
export type DestroyResult = OperationResult;

const SYMBOL: Record<StepOp, string> = {
  create: "+ ", same: "  ", update: "~ ", replace: "+-", delete: "- ", read: "> ",
  "refresh-same": "  ", "refresh-update": "~ ", "refresh-delete": "- ",
};
const LABEL: Record<StepOp, string> = {
  create: "created", same: "unchanged", update: "updated", replace: "replaced", delete: "deleted", read: "read",
  "refresh-same": "unchanged", "refresh-update": "updated", "refresh-delete": "deleted",
};

/** A `pulumi up`-style listing: one line per step, then the "Resources:" summary and any outputs. */
export function formatSteps(result: OperationResult): string {
  const lines = result.steps.map((s) => {
    const keys = s.replaceKeys?.length ? ` [diff: ${s.replaceKeys.join(", ")}]`
      : s.changedKeys?.length ? ` [diff: ${s.changedKeys.join(", ")}]` : "";
    return `    ${SYMBOL[s.op]} ${s.type}  ${s.name}  ${s.op}${keys}`;
  });
  if (result.outputs && Object.keys(result.outputs).length) {
    lines.push("", "Outputs:");
    for (const [k, v] of Object.entries(result.outputs)) lines.push(`    ${k}: ${JSON.stringify(v)}`);
  }
  const counts = new Map<StepOp, number>();
  for (const s of result.steps) counts.set(s.op, (counts.get(s.op) ?? 0) + 1);
  lines.push("", "Resources:");
  for (const [op, n] of counts) {
    lines.push(op === "same" || op === "refresh-same" ? `    ${n} ${LABEL[op]}` : `    ${SYMBOL[op]}${n} ${LABEL[op]}`);
  }
  if (result.error) lines.push("", `error: ${result.error}`);
  return lines.join("\n");
}

/** The result, or a thrown error carrying the steps taken: for tests that expect an operation to succeed. */
export function ok(r: OperationResult): OperationResult {
  if (r.error) throw new Error(`${r.error}\n${formatSteps(r)}`);
  return r;
}

/** "op name" for each step, sorted: the engine runs registrations in parallel. */
export const ops = (r: OperationResult) => r.steps.map((s) => `${s.op} ${s.name}`).sort();
