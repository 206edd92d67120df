import { validateInputs, type CheckFailure } from "../../core/check";
import { inputsIn } from "../../core/resource";
import { containsUnknown } from "../../core/unknown";
import { permissionFields, permissionInputs, type ApiPermission, type PermissionBody, type PermissionInputs, type PermissionOutputs } from "./schema";

/** Pure decisions of ConnectContentPermission. */

export function checkPermission(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(permissionInputs, news, permissionFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  return { inputs: { ...checked.data, ...checked.unknown }, failures: [] };
}

const replacing = ["account", "contentGuid", "principalGuid", "principalType"] as const;

/** The content and the principal replace (another grant); the role updates in place (PUT). */
export function diffPermission(olds: Record<string, unknown>, news: Record<string, unknown>): { changes: boolean; replaces: string[]; updates: string[] } {
  const replaces: string[] = replacing.filter((key) => containsUnknown(news[key]) || (olds[key] ?? "") !== (news[key] ?? ""));
  const updates: string[] = [];
  if (containsUnknown(news.role) || news.role !== olds.role) updates.push("role");
  if (containsUnknown(news.adoptExisting) || (olds.adoptExisting ?? false) !== (news.adoptExisting ?? false)) updates.push("adoptExisting");
  return { changes: replaces.length + updates.length > 0, replaces, updates };
}

export function body(inputs: Pick<PermissionInputs, "principalGuid" | "principalType" | "role">): PermissionBody {
  return { principal_guid: inputs.principalGuid, principal_type: inputs.principalType, role: inputs.role };
}

export function toOutputs(p: ApiPermission, settings: { account?: string; adoptExisting?: boolean }): PermissionOutputs {
  const outputs: PermissionOutputs = {
    contentGuid: p.content_guid, principalGuid: p.principal_guid, principalType: p.principal_type, role: p.role,
    adoptExisting: settings.adoptExisting ?? false, permissionId: p.id,
  };
  if (settings.account !== undefined) outputs.account = settings.account;
  return outputs;
}

export function inputsOf(outputs: Record<string, unknown>): Record<string, unknown> {
  return inputsIn(permissionFields, outputs);
}
