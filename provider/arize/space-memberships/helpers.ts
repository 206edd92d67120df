import { programConnections } from "../../core/connection";
import { allItems } from "../../core/paging";
import { organizationsApi } from "../organization-memberships/api";
import { arizeProfile } from "../profile";
import { organizationOfSpace } from "./lookups";
import { spacesApi } from "./api";
import type { ApiSpace } from "./schema";

/** A space as the API reports it, with the organization it belongs to when the lookup knows it. */
export interface ArizeSpaceInfo {
  spaceId: string;
  name: string;
  organizationId?: string;
  description?: string;
  isPrivate?: boolean;
  createdAt?: string;
}

const connections = programConnections(arizeProfile);

/**
 * The space with exactly this name (the API's filter matches substrings), in `organizationId` when
 * given; undefined when the API key sees none. Space names are unique only within an organization:
 * without `organizationId`, two matches are an error that lists them. Runs in the program.
 */
export async function getArizeSpace(args: { name: string; organizationId?: string; account?: string }): Promise<ArizeSpaceInfo | undefined> {
  const client = connections().client(args.account);
  const spaces = spacesApi(client);
  const matches: ApiSpace[] = [];
  for await (const space of allItems((cursor) => spaces.page(cursor, { name: args.name, organizationId: args.organizationId }))) {
    if (space.name === args.name) matches.push(space);
  }
  if (matches.length === 0) return undefined;
  const info = (space: (typeof matches)[number], organizationId?: string): ArizeSpaceInfo => ({
    spaceId: space.id, name: space.name,
    ...(organizationId !== undefined && { organizationId }),
    ...(space.description !== undefined && { description: space.description }),
    ...(space.is_private !== undefined && { isPrivate: space.is_private }),
    ...(space.created_at !== undefined && { createdAt: space.created_at }),
  });
  if (args.organizationId !== undefined) return info(matches[0]!, args.organizationId);
  const api = { spaces, organizations: organizationsApi(client) };
  if (matches.length === 1) return info(matches[0]!, (await organizationOfSpace(api, matches[0]!.id))?.organization.id);
  const candidates = await Promise.all(matches.map(async (space) => {
    const org = (await organizationOfSpace(api, space.id))?.organization;
    return `${space.id} (organization ${org ? `${JSON.stringify(org.name)}, ${org.id}` : "unknown"})`;
  }));
  throw new Error(`getArizeSpace: ${matches.length} Arize spaces are named ${JSON.stringify(args.name)}: ${candidates.join("; ")}; pass organizationId to choose one`);
}
