import type * as pulumi from "@pulumi/pulumi";
import { BurstReader, type SweepSource } from "../../core/burst-reader";
import { ApiError } from "../../core/errors";
import { doneIfGone, partialCreate, pureMethods, readOrGone, readResult } from "../../core/lifecycle";
import type { Logger } from "../../core/log";
import { connect } from "../profile";
import { permissionsApi, type PermissionsApi } from "./api";
import { body, checkPermission, diffPermission, inputsOf, toOutputs } from "./logic";
import type { ApiPermission, PermissionInputs, PermissionOutputs } from "./schema";

/**
 * The lifecycle of ConnectContentPermission (resource id = the permission's id on its content):
 *   create → GET /v1/content/{guid}/permissions (the principal's grant, if any: POST is an upsert,
 *            so without this look a create would silently take over another's grant);
 *            none → POST …/permissions {principal_guid, principal_type, role} (201 or 200);
 *            one → adoptExisting: taken over, PUT …/{id} when the role differs; else an error naming it
 *   read   → GET /v1/content/{guid}/permissions/{id}       404 (grant or content gone) → gone; during a
 *            refresh burst, served from one GET /v1/content/{guid}/permissions (the item's whole list,
 *            not paged) for every grant on that item (core/burst-reader.ts, the users' freshness rules)
 *   update → PUT /v1/content/{guid}/permissions/{id} {principal_guid, principal_type, role}
 *   delete → DELETE /v1/content/{guid}/permissions/{id}    404 → done
 */
export function connectContentPermissionProvider(deps: { api: (account?: string) => PermissionsApi; logger: () => Logger }): pulumi.dynamic.ResourceProvider {
  /** One reader per account and content item: an item's permission list is its own collection. */
  const readers = new Map<string, BurstReader<ApiPermission>>();
  const reader = (account: string | undefined, content: string) => {
    const key = `${account ?? ""}\n${content}`;
    let r = readers.get(key);
    if (!r) readers.set(key, (r = new BurstReader<ApiPermission>()));
    return r;
  };
  const source = (api: PermissionsApi, content: string): SweepSource<ApiPermission> => ({
    get: (id) => api.get(content, id),
    page: async () => ({ items: await api.list(content) }),
    keyOf: (p) => p.id || undefined,
  });
  return {
    ...pureMethods({ check: checkPermission, diff: diffPermission }, { deleteBeforeReplace: true }),

    async create(inputs: PermissionInputs) {
      const api = deps.api(inputs.account);
      const what = `${inputs.principalType} ${inputs.principalGuid} on Connect content ${inputs.contentGuid}`;
      const existing = (await api.list(inputs.contentGuid)).find((p) => p.principal_guid === inputs.principalGuid && p.principal_type === inputs.principalType);
      if (existing && !inputs.adoptExisting) {
        throw new ApiError(
          { code: "CONFLICT", service: "Connect", method: "GET", path: `/v1/content/${inputs.contentGuid}/permissions`, status: 200, hint: "set adoptExisting: true to take over the existing grant (its role is then converged), or remove it first" },
          `${what} already has a permission (id ${existing.id}, role ${existing.role})`,
        );
      }
      const granted = existing ?? (await api.add(inputs.contentGuid, body(inputs)));
      const outs = toOutputs(granted, inputs);
      if (granted.role === inputs.role) return { id: granted.id, outs };
      try {
        return { id: granted.id, outs: toOutputs(await reader(inputs.account, inputs.contentGuid).change(granted.id, () => api.update(inputs.contentGuid, granted.id, body(inputs))), inputs) };
      } catch (error) {
        throw partialCreate(granted.id, outs, inputs, `adopted the permission of ${what} but could not set its role`, error);
      }
    },

    async read(id, props: Partial<PermissionOutputs>) {
      if (!props.contentGuid) throw new Error(`Connect content permission ${id}: reading it needs its contentGuid (a permission id is unique only within its content)`);
      const found = await readOrGone(deps.logger(), `Connect content permission ${id} (${props.principalType ?? "principal"} ${props.principalGuid ?? "?"} on content ${props.contentGuid})`, () => reader(props.account, props.contentGuid!).read(id, source(deps.api(props.account), props.contentGuid!)));
      return found ? readResult({ inputsOf, diff: diffPermission }, id, props, toOutputs(found, props)) : {};
    },

    async update(id, olds: PermissionOutputs, news: PermissionInputs) {
      if (olds.role === news.role) return { outs: { ...olds, adoptExisting: news.adoptExisting } };
      const api = deps.api(news.account);
      return { outs: toOutputs(await reader(news.account, news.contentGuid).change(id, () => api.update(news.contentGuid, id, body(news))), news) };
    },

    async delete(id, props: PermissionOutputs) {
      const api = deps.api(props.account);
      await reader(props.account, props.contentGuid).change(id, () => doneIfGone(() => api.delete(props.contentGuid, id)));
    },
  };
}

/** The instance the provider host runs: one per process, configured from the stack. */
export default connect.hostInstance(connectContentPermissionProvider({ api: (account) => permissionsApi(connect.client(account)), logger: () => connect.logger() }));
