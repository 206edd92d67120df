import { z } from "zod";
import type { ApiClient } from "../../core/client";
import { path } from "../../core/path";
import { apiPermission, type PermissionBody } from "./schema";

/**
 * The content permissions endpoints of the Connect Server API, one line each (subset: connect-access.subset.json):
 * list → GET /v1/content/{guid}/permissions (an array, not paged)
 * add → POST /v1/content/{guid}/permissions (upsert by principal: 200 or 201)
 * get → GET /v1/content/{guid}/permissions/{id}
 * update → PUT /v1/content/{guid}/permissions/{id} (200)
 * delete → DELETE /v1/content/{guid}/permissions/{id} (204)
 */
export function permissionsApi(client: ApiClient) {
  return {
    list: (content: string) => client.send({ method: "GET", path: path`/v1/content/${content}/permissions`, expect: [200], schema: z.array(apiPermission) }),
    add: (content: string, body: PermissionBody) => client.send({ method: "POST", path: path`/v1/content/${content}/permissions`, body, expect: [200, 201], schema: apiPermission }),
    get: (content: string, id: string) => client.send({ method: "GET", path: path`/v1/content/${content}/permissions/${id}`, expect: [200], schema: apiPermission }),
    update: (content: string, id: string, body: PermissionBody) => client.send({ method: "PUT", path: path`/v1/content/${content}/permissions/${id}`, body, expect: [200], schema: apiPermission }),
    delete: (content: string, id: string) => client.send({ method: "DELETE", path: path`/v1/content/${content}/permissions/${id}`, expect: [204] }),
  };
}

export type PermissionsApi = ReturnType<typeof permissionsApi>;
