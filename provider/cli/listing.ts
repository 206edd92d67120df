import { ServiceConnections } from "../core/connection";
import { allItems } from "../core/paging";
import type { CheckFailure } from "../core/check";
import { vectaraProfile } from "../vectara/profile";
import { usersApi as vectaraUsers } from "../vectara/users/api";
import { corporaApi } from "../vectara/corpora/api";
import { checkCorpus, toOutputs as corpusOutputs } from "../vectara/corpora/logic";
import { checkUser as checkVectaraUser, keptSettings as vectaraKept, toOutputs as vectaraOutputs } from "../vectara/users/logic";
import { connectProfile } from "../connect/profile";
import { usersApi as connectUsers } from "../connect/users/api";
import { checkUser as checkConnectUser, toOutputs as connectOutputs } from "../connect/users/logic";
import { arizeProfile } from "../arize/profile";
import { usersApi as arizeUsers } from "../arize/users/api";
import { checkUser as checkArizeUser, keptSettings as arizeKept, toOutputs as arizeOutputs } from "../arize/users/logic";

/**
 * What an import reads from one account: each user (and Vectara corpus) as the resource's inputs (adoptExisting: true),
 * or, when the resource's own check refuses those inputs, the user's name and why.
 * Only inputs are declared: server-assigned fields (ids, times, status) and secrets never are.
 */

export const services = ["vectara", "connect", "arize"] as const;
export type Service = (typeof services)[number];

export interface Declared {
  /** The resource class in the program. */
  kind: "VectaraCorpus" | "VectaraUser" | "ConnectUser" | "ArizeUser";
  /** What the resource name derives from: the corpus key, the username, or the email where that is the key. */
  key: string;
  args: Record<string, unknown>;
}

export interface Refused { kind: Declared["kind"]; key: string; reasons: string[] }

export interface Listing { service: Service; declared: Declared[]; refused: Refused[] }

const profiles = { vectara: vectaraProfile, connect: connectProfile, arize: arizeProfile } as const;

/** Inputs without undefined values, empty lists or the resource's defaults, so the program reads as the account does. */
function compact(args: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([k, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && JSON.stringify(v) !== JSON.stringify(defaults[k])));
}

function judged(kind: Declared["kind"], key: string, args: Record<string, unknown>, check: (news: Record<string, unknown>) => { failures: CheckFailure[] }): Declared | Refused {
  const { failures } = check(args);
  return failures.length === 0 ? { kind, key, args } : { kind, key, reasons: failures.map((f) => `${f.property}: ${f.reason}`) };
}

type Read = () => AsyncIterable<Declared | Refused>;

function reader(service: Service, connections: ServiceConnections, account: string | undefined): Read {
  const client = () => connections.client(account);
  const base = { ...(account !== undefined && { account }), adoptExisting: true };
  switch (service) {
    case "vectara":
      return async function* () {
        const corpora = corporaApi(client());
        for await (const corpus of allItems((cursor) => corpora.page(cursor))) {
          const o = corpusOutputs(corpus, { adoptExisting: true });
          // The name defaults to the key, so it is written only when it differs.
          const args = compact({ ...base, key: o.key, name: o.name === o.key ? undefined : o.name, description: o.description }, {});
          yield judged("VectaraCorpus", o.key, args, checkCorpus);
        }
        const api = vectaraUsers(client());
        for await (const user of allItems((cursor) => api.page(cursor))) {
          const o = vectaraOutputs(user, vectaraKept({}), user.username || user.email);
          // The username defaults to the email, so it is written only when it differs.
          const args = compact({ ...base, email: o.email, username: o.username === o.email ? undefined : o.username, description: o.description, enabled: o.enabled, apiRoles: o.apiRoles, corpusRoles: o.corpusRoles, agentRoles: o.agentRoles }, { enabled: true });
          yield judged("VectaraUser", o.username, args, checkVectaraUser);
        }
      };
    case "connect":
      return async function* () {
        const api = connectUsers(client());
        for await (const user of allItems((cursor) => api.page(cursor))) {
          const o = connectOutputs(user, {});
          const args = compact({ ...base, username: o.username, email: o.email, firstName: o.firstName, lastName: o.lastName, userRole: o.userRole, locked: o.locked, externalId: o.externalId }, { locked: false });
          yield judged("ConnectUser", o.username, args, checkConnectUser);
        }
      };
    case "arize":
      return async function* () {
        const api = arizeUsers(client());
        for await (const user of allItems((cursor) => api.page(cursor))) {
          const o = arizeOutputs(user, arizeKept({}));
          // isDeveloper is always written: its default depends on the role.
          const args = compact({ ...base, email: o.email, name: o.name, role: o.role, isDeveloper: o.isDeveloper }, { role: "MEMBER" });
          yield judged("ArizeUser", o.email.toLowerCase(), args, (news) => checkArizeUser({}, news));
        }
      };
  }
}

/**
 * Lists one account with the providers' own settings code: no stack config exists outside a
 * program, so the environment twins (VECTARA_API_KEY, CONNECT_SERVER, ARIZE_API_KEY, …) supply them.
 */
export async function listAccount(service: Service, opts: { account?: string; env?: NodeJS.ProcessEnv; onItem?: (n: number) => void } = {}): Promise<Listing> {
  const connections = new ServiceConnections(profiles[service]);
  connections.configure(undefined, silentLogger, opts.env ?? process.env);
  const listing: Listing = { service, declared: [], refused: [] };
  try {
    let n = 0;
    for await (const item of reader(service, connections, opts.account)()) {
      if ("args" in item) listing.declared.push(item);
      else listing.refused.push(item);
      opts.onItem?.(++n);
    }
  } finally {
    await connections.close();
  }
  // By kind (corpora before users), then by key: code points, not locale, so every machine agrees.
  const byKey = <T extends { kind: string; key: string }>(a: T, b: T) => (a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  listing.declared.sort(byKey);
  listing.refused.sort(byKey);
  return listing;
}

const silentLogger = { debug: () => undefined, warn: () => undefined };
