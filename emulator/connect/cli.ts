/** The Connect emulator on the command line: its flags, how they map to ConnectEmulatorOptions, what it prints. */
import { choiceFlag, defineServiceCli, integerFlag, ipv4Flag, textFlag } from "../core";
import { ConnectEmulator } from "./server";

export const connectCli = defineServiceCli({
  name: "connect",
  summary: "Posit Connect Server API: users, groups, members, content permissions (Authorization: Key, password or LDAP server)",
  title: "Connect",
  flags: {
    "api-key": textFlag("KEY", "the administrator's key, sent as Authorization: Key <KEY> (default: random)"),
    "publisher-api-key": textFlag("KEY", "a publisher's key, which may only read (default: random)"),
    "auth-kind": choiceFlag("KIND", "password (POST creates users) or ldap (users are imported from a directory) (default password)", ["password", "ldap"] as const),
    generation: choiceFlag("GEN", "current (external_id) or 2023 (an older server that knows only unique_id) (default current)", ["current", "2023"] as const),
    host: ipv4Flag("ADDR", "an IPv4 address of this machine to listen on (default 127.0.0.1); outside loopback the provider needs connect:allowInsecureHttp"),
    groups: choiceFlag("ON", "on (default) or off: off is a server with Authorization.UserGroups = false, whose groups operations answer 400", ["on", "off"] as const),
    "group-membership": choiceFlag("FROM", "api (default: members are added through the API) or provider (the authentication provider supplies them: member changes answer code 132)", ["api", "provider"] as const),
    seats: integerFlag("N", "unlocked users the licence allows, 0–1000000 (default: no limit)", 0, 1_000_000),
  },
  prints: [
    "Server URL: what to set as connect:serverUrl or CONNECT_SERVER",
    "API key: the administrator's key (connect:apiKey or CONNECT_API_KEY)",
    "Publisher API key: the key that may only read",
  ],
  async start(values, port) {
    const emulator = await ConnectEmulator.start({
      port,
      host: values.host,
      apiKey: values["api-key"],
      publisherApiKey: values["publisher-api-key"],
      authKind: values["auth-kind"],
      seats: values.seats,
      generation: values.generation,
      groupsEnabled: values.groups === undefined ? undefined : values.groups === "on",
      membershipFromProvider: values["group-membership"] === undefined ? undefined : values["group-membership"] === "provider",
    });
    return {
      emulator,
      lines: [`Server URL: ${emulator.serverUrl}`, `API key: ${emulator.apiKey}`, `Publisher API key: ${emulator.publisherApiKey}`],
    };
  },
});
