/**
 * The emulator command, for any set of services:
 *
 *   <program> [service] [--service NAME] [--port N] [--latency-ms N] [service flags…] [--help]
 *
 * Each service declares its flags as data (`defineServiceCli`); this module reads the arguments with
 * node:util parseArgs (`--flag value` and `--flag=value` alike), checks them with its own messages,
 * prints the help, starts the service's emulator and prints what a client needs (URL, keys).
 * It never exits the process: `runCli` returns an exit code, or the running emulator for the
 * caller to stop.
 */
import { isIPv4 } from "node:net";
import { parseArgs } from "node:util";
import type { Emulator } from "./server";

/** A flag that takes a value; `value` names it in the help (`--port N`). */
export interface Flag<T> {
  value: string;
  help: string;
  /** The value, or throws UsageError with the message to print. `flag` is "--name". */
  parse(raw: string, flag: string): T;
}
export type FlagValues<F> = { [K in keyof F]?: F[K] extends Flag<infer T> ? T : never };

export class UsageError extends Error {}

export const textFlag = (value: string, help: string): Flag<string> => ({
  value,
  help,
  parse(raw, flag) {
    if (raw === "") throw new UsageError(`${flag} must not be empty`);
    return raw;
  },
});

export const integerFlag = (value: string, help: string, min: number, max: number): Flag<number> => ({
  value,
  help,
  parse(raw, flag) {
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`${flag} must be an integer ${min}–${max}, got ${raw}`);
    return n;
  },
});

export const ipv4Flag = (value: string, help: string): Flag<string> => ({
  value,
  help,
  parse(raw, flag) {
    if (!isIPv4(raw)) throw new UsageError(`${flag} must be an IPv4 address, got ${raw}`);
    return raw;
  },
});

export function choiceFlag<T extends string | number>(value: string, help: string, choices: readonly T[]): Flag<T> {
  const listed = choices.length === 2 ? choices.join(" or ") : choices.join(", ");
  return {
    value,
    help,
    parse(raw, flag) {
      const found = choices.find((c) => String(c) === raw);
      if (found === undefined) throw new UsageError(`${flag} must be ${listed}, got ${raw}`);
      return found;
    },
  };
}

export interface ServiceCli<F extends Record<string, Flag<unknown>> = Record<string, Flag<unknown>>> {
  name: string;
  /** One line for the help's list of services. */
  summary: string;
  /** As in "<title> emulator listening on <url>". */
  title: string;
  flags: F;
  /** The lines printed after the URL, described for the help ("API key: the full-access key"). */
  prints: readonly string[];
  /** Starts the emulator (listening on `port`, 0 = any free port) and returns the lines to print after the URL. */
  start(values: FlagValues<F>, port: number): Promise<{ emulator: Emulator; lines: string[] }>;
}

/** Keeps a service's flag types when it is put in a list of services. */
export const defineServiceCli = <F extends Record<string, Flag<unknown>>>(cli: ServiceCli<F>): ServiceCli<F> => cli;

const COMMON = {
  service: textFlag("NAME", "the service to emulate (instead of the argument)"),
  port: integerFlag("N", "port to listen on, 0–65535; 0 picks a free port (default 0)", 0, 65535),
  "latency-ms": integerFlag("N", "delay every answer by N milliseconds, 0–600000 (default 0)", 0, 600_000),
};

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}
export type CliOutcome = { exitCode: number } | { emulator: Emulator };

function helpText(program: string, services: readonly ServiceCli[], defaultService: string): string {
  const rows = (flags: Record<string, Flag<unknown>>) => {
    const left = Object.entries(flags).map(([name, f]) => [`  --${name} ${f.value}`, f.help] as const);
    return left.map(([l, h]) => `${l.padEnd(30)}${h}`);
  };
  return [
    `Usage: ${program} [service] [flags]`,
    "",
    "Runs an in-memory emulator of a SaaS API on 127.0.0.1 (connect: also at --host ADDR) until interrupted (Ctrl-C or SIGTERM).",
    "",
    "Services:",
    ...services.map((s) => `  ${s.name.padEnd(28)}${s.summary}${s.name === defaultService ? " (default)" : ""}`),
    "",
    "Flags for every service:",
    ...rows(COMMON),
    `  ${"-h, --help".padEnd(28)}print this help and exit`,
    ...services.flatMap((s) => [
      "",
      `Flags for ${s.name}:`,
      ...rows(s.flags),
      "",
      `Prints, once listening (${s.name}):`,
      `  ${s.title} emulator listening on http://127.0.0.1:PORT`,
      ...s.prints.map((p) => `  ${p}`),
    ]),
    "",
    "Exit status: 0 after an interrupt, 1 when the emulator cannot start, 2 for a bad command line.",
  ].join("\n");
}

interface Parsed {
  help: boolean;
  service: string;
  raw: Map<string, string>;
}

type ArgvOptions = Record<string, { type: "string"; multiple: true } | { type: "boolean"; short: "h" }>;
type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

/** Every flag of every service, each a string that may repeat (so a repeat is refused in our words), and -h/--help. */
function argvOptions(services: readonly ServiceCli[]): ArgvOptions {
  const options: ArgvOptions = { help: { type: "boolean", short: "h" } };
  for (const name of [...Object.keys(COMMON), ...services.flatMap((s) => Object.keys(s.flags))]) options[name] = { type: "string", multiple: true };
  return options;
}

const optionOf = (options: ArgvOptions, name: string) => (Object.hasOwn(options, name) ? options[name] : undefined);

/** What parseArgs makes of each argument, without its checks (it refuses nothing). */
const tokensOf = (args: string[], options: ArgvOptions): Token[] =>
  parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true }).tokens;

/**
 * parseArgs calls a value after a string flag ambiguous when it starts with "-". As before, one
 * that starts with a single "-" is the value (`--latency-ms -5` is out of range, not missing), so
 * it is handed on as `--latency-ms=-5`; one that starts with "--" is the next flag, and the flag
 * before it "needs a value".
 */
function dashValuesInline(argv: readonly string[], options: ArgvOptions): string[] {
  const args = [...argv];
  for (const t of tokensOf(args, options).reverse()) {
    if (t.kind === "option" && optionOf(options, t.name)?.type === "string" && t.inlineValue === false && /^-[^-]/.test(t.value!)) {
      args.splice(t.index, 2, `${t.rawName}=${t.value}`);
    }
  }
  return args;
}

/**
 * The service whose flags an unknown flag's message lists: the argument, else --service, else the
 * default. An unknown flag's type is unknown, so an argument right after a bare unknown --flag is
 * taken as its value, not as the service (`--prot 8080` names no service).
 */
function serviceOf(tokens: readonly Token[], options: ArgvOptions, defaultService: string): string {
  const positionals: string[] = [];
  let flagged: string | undefined;
  let valueOfUnknown = -1;
  for (const t of tokens) {
    if (t.kind === "option" && !optionOf(options, t.name) && t.rawName.startsWith("--") && t.value === undefined) valueOfUnknown = t.index + 1;
    else if (t.kind === "option" && t.name === "service" && t.value !== undefined) flagged ??= t.value;
    else if (t.kind === "positional" && t.index !== valueOfUnknown) positionals.push(t.value);
  }
  return positionals[0] ?? flagged ?? defaultService;
}

const flagList = (cli: ServiceCli) => [...Object.keys(COMMON), ...Object.keys(cli.flags)].map((n) => `--${n}`).join(", ");

/** An unknown flag; a long one is told the flags of the service it was given to. */
function unknownFlag(flag: string, cli: ServiceCli | undefined): UsageError {
  const listed = cli && flag.startsWith("--") ? ` (flags for ${cli.name}: ${flagList(cli)})` : "";
  return new UsageError(`unknown flag ${flag}${listed}`);
}

/**
 * parseArgs' refusal in this command's words. It stops at the first argument it refuses; the same
 * arguments read without its checks say which one, and what the user typed (`rawName`).
 * ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL cannot happen (positionals are allowed); any other code
 * keeps parseArgs' first line.
 */
function refusal(err: unknown, args: string[], options: ArgvOptions, services: readonly ServiceCli[], defaultService: string): unknown {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: string };
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) return err;
  const tokens = tokensOf(args, options);
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const option = optionOf(options, t.name);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && !option) {
      const service = serviceOf(tokens, options, defaultService);
      return unknownFlag(t.rawName, services.find((s) => s.name === service));
    }
    if (code !== "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" || !option) continue;
    if (option.type === "boolean" && t.value !== undefined) return new UsageError(`${t.rawName} takes no value`);
    const optionLike = t.value !== undefined && !t.inlineValue && t.value.length > 1 && t.value.startsWith("-");
    if (option.type === "string" && (t.value === undefined || optionLike)) return new UsageError(`${t.rawName} needs a value`);
  }
  return new UsageError(String(message).split("\n")[0]!);
}

function parseArgv(argv: readonly string[], services: readonly ServiceCli[], defaultService: string): Parsed {
  const options = argvOptions(services);
  const args = dashValuesInline(argv, options);
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw refusal(err, args, options, services, defaultService);
  }
  const { values, positionals } = parsed;
  const raw = new Map<string, string>();
  for (const [name, given] of Object.entries(values)) {
    if (!Array.isArray(given)) continue;
    if (given.length > 1) throw new UsageError(`--${name} may be given once`);
    raw.set(name, String(given[0]));
  }
  if (positionals.length > 1) throw new UsageError(`one service at most, got ${positionals.join(" ")}`);
  const [positional] = positionals;
  const flagged = raw.get("service");
  if (positional !== undefined && flagged !== undefined && positional !== flagged) {
    throw new UsageError(`the service is given twice: ${positional} and --service ${flagged}`);
  }
  raw.delete("service");
  return { help: values.help === true, service: positional ?? flagged ?? defaultService, raw };
}

/** Checks every flag against the common ones and the service's; the first problem is a UsageError. */
function flagValues(cli: ServiceCli, raw: Map<string, string>) {
  const common: { port?: number; "latency-ms"?: number } = {};
  const own: Record<string, unknown> = {};
  for (const [name, value] of raw) {
    if (Object.hasOwn(COMMON, name)) {
      (common as Record<string, unknown>)[name] = (COMMON as Record<string, Flag<unknown>>)[name]!.parse(value, `--${name}`);
    } else if (Object.hasOwn(cli.flags, name)) {
      own[name] = cli.flags[name]!.parse(value, `--${name}`);
    } else {
      throw unknownFlag(`--${name}`, cli);
    }
  }
  return { common, own };
}

/** Parses `argv` (without node and the script), then prints the help, a usage error, or starts the emulator. */
export async function runCli(
  argv: readonly string[],
  opts: { program: string; services: readonly ServiceCli[]; defaultService: string; io: CliIo },
): Promise<CliOutcome> {
  const { program, services, io } = opts;
  let cli: ServiceCli;
  let values: ReturnType<typeof flagValues>;
  try {
    const parsed = parseArgv(argv, services, opts.defaultService);
    if (parsed.help) {
      io.out(helpText(program, services, opts.defaultService));
      return { exitCode: 0 };
    }
    const found = services.find((s) => s.name === parsed.service);
    if (!found) throw new UsageError(`unknown service ${parsed.service} (services: ${services.map((s) => s.name).join(", ")})`);
    cli = found;
    values = flagValues(cli, parsed.raw);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${program}: ${err.message}`);
    io.err(`Run ${program} --help for usage.`);
    return { exitCode: 2 };
  }
  try {
    const { emulator, lines } = await cli.start(values.own, values.common.port ?? 0);
    const latency = values.common["latency-ms"] ?? 0;
    if (latency > 0) emulator.inject({ kind: "latency", ms: latency });
    io.out(`${cli.title} emulator listening on ${emulator.url}`);
    for (const line of lines) io.out(line);
    return { emulator };
  } catch (err) {
    io.err(`${program}: ${(err as Error).message}`);
    return { exitCode: 1 };
  }
}
