import { validateInputs, type CheckFailure } from "../../core/check";
import { inputsIn } from "../../core/resource";
import { containsUnknown } from "../../core/unknown";
import { groupFields, groupInputs, type ApiGroup, type GroupInputs, type GroupKeptSettings, type GroupOutputs, type PatchGroupBody } from "./schema";

/** Pure decisions of ConnectGroup: validation, diff, the PATCH body, and the outputs. */

export function checkGroup(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const checked = validateInputs(groupInputs, news, groupFields);
  if (!checked.ok) return { inputs: news, failures: checked.failures };
  return { inputs: { ...checked.data, ...checked.unknown }, failures: [] };
}

export interface GroupDiff {
  changes: boolean;
  replaces: string[];
  updates: string[];
}

const keptDefaults = { adoptExisting: false, onDelete: "delete" } as const;

/**
 * olds: the outputs in state; news: checked inputs. Only the account replaces (another server);
 * `name` and a set `ownerGuid` update in place (PATCH); an unset `ownerGuid` is whatever the server has.
 */
export function diffGroup(olds: Record<string, unknown>, news: Record<string, unknown>): GroupDiff {
  const replaces = (olds.account ?? "") === (news.account ?? "") ? [] : ["account"];
  const updates: string[] = [];
  if (containsUnknown(news.name) || (news.name !== undefined && news.name !== olds.name)) updates.push("name");
  if (news.ownerGuid !== undefined && (containsUnknown(news.ownerGuid) || news.ownerGuid !== olds.ownerGuid)) updates.push("ownerGuid");
  for (const key of ["adoptExisting", "onDelete"] as const) {
    if (containsUnknown(news[key]) || (olds[key] ?? keptDefaults[key]) !== (news[key] ?? keptDefaults[key])) updates.push(key);
  }
  return { changes: replaces.length + updates.length > 0, replaces, updates };
}

/** What PATCH /v1/groups/{guid} sends to bring `current` to the inputs; undefined: nothing. */
export function patchBody(current: Pick<GroupOutputs, "name" | "ownerGuid">, inputs: Pick<GroupInputs, "name" | "ownerGuid">): PatchGroupBody | undefined {
  const body: PatchGroupBody = {};
  if (inputs.name !== current.name) body.name = inputs.name;
  if (inputs.ownerGuid !== undefined && inputs.ownerGuid !== current.ownerGuid) body.owner_guid = inputs.ownerGuid;
  return Object.keys(body).length > 0 ? body : undefined;
}

export function keptSettings(from: Partial<GroupKeptSettings>): GroupKeptSettings {
  const kept: GroupKeptSettings = { adoptExisting: from.adoptExisting ?? false, onDelete: from.onDelete ?? "delete" };
  if (from.account !== undefined) kept.account = from.account;
  return kept;
}

/** Outputs from the server's group, plus the settings the API does not store. */
export function toOutputs(group: ApiGroup, settings: Partial<GroupKeptSettings>): GroupOutputs {
  const outputs: GroupOutputs = { ...keptSettings(settings), name: group.name, guid: group.guid, memberCount: group.member_count ?? 0 };
  if (group.owner_guid) outputs.ownerGuid = group.owner_guid;
  if (typeof group.gid === "number") outputs.gid = group.gid;
  return outputs;
}

/** The inputs the outputs imply: what a refresh records on drift. */
export function inputsOf(outputs: Record<string, unknown>): Record<string, unknown> {
  return inputsIn(groupFields, outputs);
}
