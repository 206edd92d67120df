import { z } from "zod";
import type { ServiceProfile } from "./profile";

/**
 * Several accounts of one service in one stack: account `staging` of the `acme` profile reads
 * the namespace `acme-staging` and the environment prefix `ACME_STAGING`. Credentials still come
 * only from stack config and the environment; a resource names its account, never its secrets.
 */
export function forAccount(profile: ServiceProfile, account: string | undefined): ServiceProfile {
  if (!account) return profile;
  const envPrefix = `${profile.envPrefix}_${account.replace(/-/g, "_").toUpperCase()}`;
  // A vendor's own variable names belong to the default account only.
  return { ...profile, namespace: `${profile.namespace}-${account}`, envPrefix, envAliases: undefined };
}

/** Account names become config namespaces and environment names: lowercase words joined by `-`. */
export const accountPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The `account` input every resource takes; absent means the service's default account. */
export const accountInput = z
  .string({ message: "account must be a string" })
  .regex(accountPattern, "account must be lowercase letters and digits in words joined by - (it names the config namespace <service>-<account>)")
  .max(40, "account must be at most 40 characters");
