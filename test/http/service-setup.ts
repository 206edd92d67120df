// The HTTP tier's one setup for every service: a fresh emulator of the service, and one of its
// resources' providers as the host runs it (the service's shared connections, configured from
// stack config that names the emulator), with the logs captured.
import type * as pulumi from "@pulumi/pulumi";
import type { ServiceConnections } from "../../provider/core/connection";
import type { Logger } from "../../provider/core/log";
import { envVariable } from "../../provider/core/settings";
import { registry } from "../../provider/registry";
import { arize } from "../../provider/arize/profile";
import { usersApi as arizeUsersApi } from "../../provider/arize/users/api";
import { arizeUserProvider } from "../../provider/arize/users/provider";
import { arizeOrganizationMembershipProvider, organizationMembershipDeps } from "../../provider/arize/organization-memberships/provider";
import { arizeSpaceMembershipProvider, spaceMembershipDeps } from "../../provider/arize/space-memberships/provider";
import { connect } from "../../provider/connect/profile";
import { usersApi as connectUsersApi } from "../../provider/connect/users/api";
import { connectUserProvider } from "../../provider/connect/users/provider";
import { groupsApi as connectGroupsApi } from "../../provider/connect/groups/api";
import { connectGroupProvider } from "../../provider/connect/groups/provider";
import { connectGroupMembershipProvider } from "../../provider/connect/memberships/provider";
import { permissionsApi as connectPermissionsApi } from "../../provider/connect/permissions/api";
import { connectContentPermissionProvider } from "../../provider/connect/permissions/provider";
import { vectara } from "../../provider/vectara/profile";
import { corporaApi } from "../../provider/vectara/corpora/api";
import { vectaraCorpusProvider } from "../../provider/vectara/corpora/provider";
import { usersApi as vectaraUsersApi } from "../../provider/vectara/users/api";
import { vectaraUserProvider } from "../../provider/vectara/users/provider";
import { ArizeEmulator } from "../../emulator/arize/server";
import { ConnectEmulator } from "../../emulator/connect/server";
import { VectaraEmulator } from "../../emulator/vectara/server";

type ApiClient = ReturnType<ServiceConnections["client"]>;
type ProviderFactory<A> = (deps: { api: (account?: string) => A; logger: () => Logger }) => pulumi.dynamic.ResourceProvider;

/** Each resource's provider built as its package entry builds it: over the service's connections, logging to their logger. */
const hosted = <A>(connections: ServiceConnections, make: ProviderFactory<A>, api: (client: ApiClient) => A) => () =>
  make({ api: (account) => api(connections.client(account)), logger: () => connections.logger() });

/** What differs between services on the test side: the emulator class, the process's connections, each resource's provider. */
export const services = {
  vectara: {
    emulator: VectaraEmulator,
    connections: vectara,
    providers: { VectaraUser: hosted(vectara, vectaraUserProvider, vectaraUsersApi), VectaraCorpus: hosted(vectara, vectaraCorpusProvider, corporaApi) },
  },
  connect: {
    emulator: ConnectEmulator,
    connections: connect,
    providers: {
      ConnectUser: hosted(connect, connectUserProvider, connectUsersApi),
      ConnectGroup: hosted(connect, connectGroupProvider, connectGroupsApi),
      ConnectGroupMembership: hosted(connect, connectGroupMembershipProvider, connectGroupsApi),
      ConnectContentPermission: hosted(connect, connectContentPermissionProvider, connectPermissionsApi),
    },
  },
  arize: {
    emulator: ArizeEmulator,
    connections: arize,
    providers: {
      ArizeUser: hosted(arize, arizeUserProvider, arizeUsersApi),
      // Their package entries' own deps: the service's connections and logger, several APIs each.
      ArizeOrganizationMembership: () => arizeOrganizationMembershipProvider(organizationMembershipDeps),
      ArizeSpaceMembership: () => arizeSpaceMembershipProvider(spaceMembershipDeps),
    },
  },
};
export type Service = keyof typeof services;
export type EmulatorOf<S extends Service> = Awaited<ReturnType<(typeof services)[S]["emulator"]["start"]>>;
export type EmulatorOptionsOf<S extends Service> = NonNullable<Parameters<(typeof services)[S]["emulator"]["start"]>[0]>;
export type Provider = Required<Omit<pulumi.dynamic.ResourceProvider, "configure" | "invoke">>;

export interface Harness<S extends Service = Service> {
  service: S;
  emulator: EmulatorOf<S>;
  provider: Provider;
  logs: { level: "debug" | "warn"; message: string }[];
  /** Reconfigures the shared connection, as the host's configure() would. */
  configure(config: Record<string, string>): void;
}

function entryOf(service: Service) {
  const entry = registry.find((s) => s.name === service);
  if (!entry) throw new Error(`${service} is not in provider/registry.ts`);
  return entry;
}

/** The service's stack config key for `key` (`vectara:apiUrl`), from its profile; `account` names another account's (`vectara-staging:apiUrl`). */
export function configKey(service: Service, key: string, account?: string): string {
  const { namespace } = entryOf(service).profile;
  return `${account ? `${namespace}-${account}` : namespace}:${key}`;
}

/** The key of the service's URL (`vectara:apiUrl`, `connect:serverUrl`), from its profile. */
export const urlKey = (service: Service, account?: string) => configKey(service, entryOf(service).profile.apiUrl.key, account);

/** The config that points the service (or its `account`) at an emulator: its URL and its API key. */
export function emulatorConfig(service: Service, emulator: { url: string; apiKey: string }, account?: string): Record<string, string> {
  return { [urlKey(service, account)]: emulator.url, [configKey(service, "apiKey", account)]: emulator.apiKey };
}

/** A fresh emulator of the service, started with `options`. */
export function startEmulator<S extends Service>(service: S, options?: EmulatorOptionsOf<S>): Promise<EmulatorOf<S>> {
  return (services[service].emulator.start as (o?: EmulatorOptionsOf<S>) => Promise<EmulatorOf<S>>)(options);
}

/**
 * `resource`'s provider (a kind in the service's registry entry) as the host runs it, configured
 * against a fresh emulator of the service started with `options`; `config` adds to or overrides the
 * emulator's URL and key and `maxRetries` 4.
 */
export async function startProvider<S extends Service>(
  service: S, resource: keyof (typeof services)[S]["providers"] & string, options: EmulatorOptionsOf<S> = {} as EmulatorOptionsOf<S>, config: Record<string, string> = {},
): Promise<Harness<S>> {
  const { connections, providers } = services[service];
  const make = (providers as Record<string, (() => pulumi.dynamic.ResourceProvider) | undefined>)[resource];
  if (!make || !entryOf(service).resources.some((r) => r.kind === resource)) throw new Error(`${service} has no resource ${resource} in provider/registry.ts`);
  const emulator = await startEmulator(service, options);
  const logs: Harness["logs"] = [];
  const logger: Logger = {
    debug: (message) => logs.push({ level: "debug", message }),
    warn: (message) => logs.push({ level: "warn", message }),
  };
  const configure = (extra: Record<string, string>) => {
    const values: Record<string, string> = { ...emulatorConfig(service, emulator), [configKey(service, "maxRetries")]: "4", ...extra };
    connections.configure({ get: (key) => values[key] }, logger, {});
  };
  configure(config);
  const provider = make() as Provider;
  return { service, emulator, provider, logs, configure };
}

/** Another instance of `resource`'s provider over the same connections, as a new provider host process would have (its own caches). */
export function newProvider<S extends Service>(service: S, resource: keyof (typeof services)[S]["providers"] & string): Provider {
  return (services[service].providers as Record<string, () => pulumi.dynamic.ResourceProvider>)[resource]!() as Provider;
}

export async function stopProvider(h: Harness | undefined): Promise<void> {
  if (!h?.service) return;
  await services[h.service].connections.client().close().catch(() => undefined);
  await h.emulator.close();
}

/**
 * A describe block's harness, as `startProvider` makes it: started before its tests, stopped after
 * them, and then `afterStop` (say, to hand the shared connection back to an outer block's harness).
 */
export function providerSuite<S extends Service>(
  service: S, resource: keyof (typeof services)[S]["providers"] & string, options?: EmulatorOptionsOf<S>, config?: Record<string, string>, afterStop?: () => void,
): Harness<S> {
  const h = {} as Harness<S>;
  beforeAll(async () => {
    Object.assign(h, await startProvider(service, resource, options, config));
  });
  afterAll(async () => {
    await stopProvider(h);
    afterStop?.();
  });
  return h;
}

/**
 * A suite's emulator for the service's program helpers (getXUser, listXUsers). They read stack
 * config, then the environment, and a jest process has no stack config: the service's variables
 * for its URL and API key name the emulator until the suite ends, when `closeHelpers` runs first.
 */
export function helpersEmulator<S extends Service>(service: S, closeHelpers: () => Promise<void>): { emulator: EmulatorOf<S> } {
  const { profile } = entryOf(service);
  const names = [envVariable(profile, profile.apiUrl.key), envVariable(profile, "apiKey")] as const;
  const suite = {} as { emulator: EmulatorOf<S> };
  beforeAll(async () => {
    suite.emulator = await startEmulator(service);
    [process.env[names[0]], process.env[names[1]]] = [suite.emulator.url, suite.emulator.apiKey];
  });
  afterAll(async () => {
    await closeHelpers();
    await suite.emulator.close();
    for (const name of names) delete process.env[name];
  });
  return suite;
}

/** The resource's own check (its registry entry's) as a function of its inputs: the checked inputs, or throws with the failures. */
export function checkedInputs<I = Record<string, unknown>>(service: Service, kind: string): (news: Record<string, unknown>) => I {
  const entry = entryOf(service).resources.find((r) => r.kind === kind);
  if (!entry) throw new Error(`${service} has no resource ${kind} in provider/registry.ts`);
  return (news) => {
    const { inputs, failures } = entry.check(news) as ReturnType<typeof entry.check> & { inputs: I };
    if (failures.length) throw new Error(JSON.stringify(failures));
    return inputs;
  };
}

/**
 * A file's harness from `start`: started before its tests and stopped after them; before each
 * test its emulator is reset, its logs cleared, and `beforeEachTest` run (a mode to restore).
 */
export function harnessSuite<H extends Harness>(start: () => Promise<H>, beforeEachTest?: (h: H) => void): H {
  const h = {} as H;
  beforeAll(async () => {
    Object.assign(h, await start());
  });
  afterAll(() => stopProvider(h));
  beforeEach(() => {
    h.emulator.reset();
    h.logs.length = 0;
    beforeEachTest?.(h);
  });
  return h;
}
