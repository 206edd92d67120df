import { programConnections } from "../../core/connection";
import { hasCode } from "../../core/errors";
import { arizeProfile } from "../profile";
import { findOrganization, organizationsApi } from "./api";

/** An organization as the API reports it. */
export interface ArizeOrganizationInfo {
  organizationId: string;
  name: string;
  description?: string;
  createdAt?: string;
}

const connections = programConnections(arizeProfile);

/**
 * The organization with exactly this name (the API's filter matches substrings; names are unique
 * in the account), or undefined when the API key sees none. Runs in the program, with its config.
 */
export async function getArizeOrganization(args: { name: string; account?: string }): Promise<ArizeOrganizationInfo | undefined> {
  try {
    const org = await findOrganization(organizationsApi(connections().client(args.account)), args.name);
    return { organizationId: org.id, name: org.name, ...(org.description !== undefined && { description: org.description }), ...(org.created_at !== undefined && { createdAt: org.created_at }) };
  } catch (error) {
    if (hasCode(error, "NOT_FOUND")) return undefined;
    throw error;
  }
}
