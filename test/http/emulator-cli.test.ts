// The emulator command (pulumi-saas-users-emulator) in-process: its help, its own messages for bad
// command lines, and an emulator started from flags that answers with the key it printed.
// test/engine/packed-install.test.ts runs the same command as installed from the tarball.
import { runCli, type CliOutcome } from "../../emulator/core/cli";
import { DEFAULT_SERVICE, PROGRAM, SERVICES } from "../../emulator/services";
import { ArizeEmulator } from "../../emulator/arize/server";
import { ConnectEmulator } from "../../emulator/connect/server";
import { VectaraEmulator } from "../../emulator/vectara/server";

const SERVICE_LIST = SERVICES.map((s) => s.name).join(", ");
/** The unknown-flag message's list for a service: the common flags, then its own. */
const flagsFor = (name: string) =>
  ["service", "port", "latency-ms", ...Object.keys(SERVICES.find((s) => s.name === name)!.flags)].map((f) => `--${f}`).join(", ");

async function run(...argv: string[]): Promise<{ outcome: CliOutcome; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const outcome = await runCli(argv, {
    program: PROGRAM,
    services: SERVICES,
    defaultService: DEFAULT_SERVICE,
    io: { out: (line) => out.push(line), err: (line) => err.push(line) },
  });
  return { outcome, out, err };
}

/** Runs the command, expects a running emulator, and closes it after `use`. */
async function started(argv: string[], use: (emulator: VectaraEmulator, out: string[]) => Promise<void>): Promise<void> {
  const { outcome, out, err } = await run(...argv);
  if (!("emulator" in outcome)) throw new Error(`exit ${outcome.exitCode}: ${err.join("\n")}`);
  try {
    expect(outcome.emulator).toBeInstanceOf(VectaraEmulator);
    await use(outcome.emulator as VectaraEmulator, out);
  } finally {
    await outcome.emulator.close();
  }
}

describe("--help", () => {
  it.each([["--help"], ["-h"], ["vectara", "--help"], ["--port", "99999", "--help"]])(
    "%s prints the usage, every flag and what is printed once listening, and exits 0 without starting",
    async (...argv) => {
      const { outcome, out, err } = await run(...argv);
      expect(outcome).toEqual({ exitCode: 0 });
      expect(err).toEqual([]);
      const help = out.join("\n");
      expect(help).toMatch(/^Usage: pulumi-saas-users-emulator \[service\] \[flags\]/);
      for (const flag of ["--service NAME", "--port N", "--latency-ms N", "-h, --help"]) expect(help).toContain(flag);
      for (const service of SERVICES) {
        expect(help).toContain(`  ${service.name} `);
        for (const [name, flag] of Object.entries(service.flags)) expect(help).toContain(`--${name} ${flag.value}`);
      }
      expect(help).toContain("Vectara emulator listening on http://127.0.0.1:PORT");
      for (const printed of ["API key:", "Read-only API key:", "Client id:", "Client secret:", "Token URL:"]) expect(help).toContain(printed);
    },
  );
});

describe("a bad command line is refused with the command's own message and exit status 2", () => {
  it.each<[string, string[], string]>([
    ["a port out of range", ["--port", "99999"], "--port must be an integer 0–65535, got 99999"],
    ["a port that is not a number", ["--port=http"], "--port must be an integer 0–65535, got http"],
    ["a negative latency", ["--latency-ms", "-5"], "--latency-ms must be an integer 0–600000, got -5"],
    ["an unknown flag, named", ["--prot", "8080"], "unknown flag --prot (flags for vectara: --service, --port, --latency-ms, --api-key, --read-only-api-key, --client-id, --client-secret, --token-ttl-seconds, --duplicate-status, --users-auth)"],
    ["a single-dash flag", ["-p", "8080"], "unknown flag -p"],
    ["a flag without its value", ["--api-key"], "--api-key needs a value"],
    ["a flag followed by another flag instead of its value", ["--api-key", "--port", "1"], "--api-key needs a value"],
    ["an empty key", ["--api-key="], "--api-key must not be empty"],
    ["a flag given twice", ["--port", "1", "--port", "2"], "--port may be given once"],
    ["a duplicate status other than 400 or 409", ["--duplicate-status", "401"], "--duplicate-status must be 400 or 409, got 401"],
    ["an unknown service", ["posit"], `unknown service posit (services: ${SERVICES.map((s) => s.name).join(", ")})`],
    ["an unknown service as a flag", ["--service", "nosuch"], `unknown service nosuch (services: ${SERVICES.map((s) => s.name).join(", ")})`],
    ["two services", ["vectara", "vectara2"], "one service at most, got vectara vectara2"],
    ["a service given as argument and flag, differently", ["vectara", "--service", "other"], "the service is given twice: vectara and --service other"],
    ["a negative latency written with =", ["--latency-ms=-5"], "--latency-ms must be an integer 0–600000, got -5"],
    ["a flag given twice, once with = and once without", ["--port=1", "--port", "2"], "--port may be given once"],
    ["--service followed by another flag", ["--service", "--port", "1"], "--service needs a value"],
    ["a bare unknown flag is unknown, not short of a value", ["--bogus"], `unknown flag --bogus (flags for vectara: ${flagsFor("vectara")})`],
    ["an unknown flag lists the flags of the service named after it", ["--bogus", "1", "connect"], `unknown flag --bogus (flags for connect: ${flagsFor("connect")})`],
    ["another service's flag lists the named service's flags", ["connect", "--users-auth", "oauth"], `unknown flag --users-auth (flags for connect: ${flagsFor("connect")})`],
    ["an unknown flag given to an unknown service lists nothing", ["posit", "--bogus", "1"], "unknown flag --bogus"],
    ["an unknown letter among grouped short flags", ["-hp"], "unknown flag -p"],
    ["a value given to --help", ["--help=yes"], "--help takes no value"],
    ["after --, an argument that starts with - is the service", ["--", "-x"], `unknown service -x (services: ${SERVICE_LIST})`],
    ["connect's --host that is not an IPv4 address", ["connect", "--host", "localhost"], "--host must be an IPv4 address, got localhost"],
    ["--host for a service that listens on loopback only", ["vectara", "--host", "127.0.0.1"], `unknown flag --host (flags for vectara: ${flagsFor("vectara")})`],
  ])("%s", async (_, argv, message) => {
    const { outcome, out, err } = await run(...argv);
    expect(outcome).toEqual({ exitCode: 2 });
    expect(out).toEqual([]);
    expect(err).toEqual([`pulumi-saas-users-emulator: ${message}`, "Run pulumi-saas-users-emulator --help for usage."]);
  });
});

describe("starting", () => {
  it("with today's flags: listens where it says and takes the key it prints", async () => {
    const argv = ["--port", "0", "--api-key", "zut_cli", "--client-id", "cli-client", "--client-secret", "cli-secret", "--duplicate-status", "409"];
    await started(argv, async (emulator, out) => {
      expect(out).toEqual([
        `Vectara emulator listening on ${emulator.url}`,
        "API key: zut_cli",
        `Read-only API key: ${emulator.readOnlyApiKey}`,
        "Client id: cli-client",
        "Client secret: cli-secret",
        `Token URL: ${emulator.url}/oauth2/token`,
      ]);
      const headers = { "x-api-key": "zut_cli", "content-type": "application/json" };
      expect((await fetch(`${emulator.url}/v2/users`, { headers })).status).toBe(200);
      const create = () => fetch(`${emulator.url}/v2/users`, { method: "POST", headers, body: JSON.stringify({ email: "a@example.com" }) });
      expect((await create()).status).toBe(201);
      expect((await create()).status).toBe(409);
    });
  });

  it.each([[[]], [["vectara"]], [["--service", "vectara"]], [["vectara", "--service=vectara"]]])(
    "names the service by argument or flag, vectara by default (%j)",
    async (argv) => {
      await started(argv, async (emulator, out) => {
        expect(out[0]).toBe(`Vectara emulator listening on ${emulator.url}`);
        expect(out[1]).toBe(`API key: ${emulator.apiKey}`);
      });
    },
  );

  it.each([[["--port=0"]], [["--port", "0"]]])("takes a flag's value after = or as the next argument (%j)", async (argv) => {
    await started(argv, async (emulator, out) => {
      expect(out[0]).toMatch(/^Vectara emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(new URL(emulator.url).port).not.toBe("0");
    });
  });

  it("a value that starts with a single - is the flag's value, as the key it prints and takes", async () => {
    await started(["--api-key", "-dash-key", "--port", "0"], async (emulator, out) => {
      expect(out[1]).toBe("API key: -dash-key");
      expect((await fetch(`${emulator.url}/v2/users`, { headers: { "x-api-key": "-dash-key" } })).status).toBe(200);
    });
  });

  it("after --, the argument is the service", async () => {
    const { outcome, out, err } = await run("--port", "0", "--", "arize");
    if (!("emulator" in outcome)) throw new Error(`exit ${outcome.exitCode}: ${err.join("\n")}`);
    try {
      expect(outcome.emulator).toBeInstanceOf(ArizeEmulator);
      expect(out[0]).toBe(`Arize emulator listening on ${outcome.emulator.url}`);
    } finally {
      await outcome.emulator.close();
    }
  });

  it("connect --host 127.0.0.1 listens there and prints it as the server URL", async () => {
    const { outcome, out, err } = await run("connect", "--host=127.0.0.1", "--api-key", "k1");
    if (!("emulator" in outcome)) throw new Error(`exit ${outcome.exitCode}: ${err.join("\n")}`);
    try {
      expect(outcome.emulator).toBeInstanceOf(ConnectEmulator);
      const { serverUrl } = outcome.emulator as ConnectEmulator;
      expect(serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out).toEqual(expect.arrayContaining([`Connect emulator listening on ${serverUrl}`, `Server URL: ${serverUrl}`, "API key: k1"]));
      expect((await fetch(`${serverUrl}/__api__/v1/users`, { headers: { authorization: "Key k1" } })).status).toBe(200);
    } finally {
      await outcome.emulator.close();
    }
  });

  it("--users-auth oauth refuses the API key on /v2/users with 403, and keeps it for corpora", async () => {
    await started(["--users-auth", "oauth"], async (emulator) => {
      const headers = { "x-api-key": emulator.apiKey };
      expect((await fetch(`${emulator.url}/v2/users`, { headers })).status).toBe(403);
      expect((await fetch(`${emulator.url}/v2/corpora`, { headers })).status).toBe(200);
    });
    expect((await run("--users-auth", "keys")).err[0]).toBe("pulumi-saas-users-emulator: --users-auth must be any or oauth, got keys");
  });

  it("--latency-ms delays every answer", async () => {
    await started(["--latency-ms", "150"], async (emulator) => {
      const t0 = Date.now();
      expect((await fetch(`${emulator.url}/v2/users`, { headers: { "x-api-key": emulator.apiKey } })).status).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    });
  });

  it("a port in use: exit status 1 and the reason", async () => {
    const taken = await VectaraEmulator.start();
    try {
      const port = new URL(taken.url).port;
      const { outcome, out, err } = await run("--port", port);
      expect(outcome).toEqual({ exitCode: 1 });
      expect(out).toEqual([]);
      expect(err).toEqual([expect.stringMatching(/^pulumi-saas-users-emulator: .*EADDRINUSE/)]);
    } finally {
      await taken.close();
    }
  });
});

test("arize: starts from its flags, prints its keys and the base URL, and answers the admin key", async () => {
  const { outcome, out, err } = await run("arize", "--api-key", "ak-given", "--invitation-ttl-ms", "60000");
  if (!("emulator" in outcome)) throw new Error(`exit ${outcome.exitCode}: ${err.join("\n")}`);
  try {
    expect(outcome.emulator).toBeInstanceOf(ArizeEmulator);
    const url = (outcome.emulator as ArizeEmulator).url;
    expect(out).toEqual([`Arize emulator listening on ${url}`, "API key: ak-given", expect.stringMatching(/^Member API key: \S+/), `ARIZE_BASE_URL: ${url}`]);
    expect((await fetch(`${url}/v2/users`, { headers: { authorization: "Bearer ak-given" } })).status).toBe(200);
    expect((await fetch(`${url}/v2/users`, { headers: { authorization: "Bearer other" } })).status).toBe(401);
  } finally {
    await outcome.emulator.close();
  }
});
