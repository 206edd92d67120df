/**
 * The emulator command, for any set of services:
 *
 *   <program> [service] [--service NAME] [--port N] [--latency-ms N] [service flags…] [--help]
 *
 * Each service declares its flags as data (`defineServiceCli`); this module parses and checks them
 * with its own messages, prints the help, starts the service's emulator and prints what a client
 * needs (URL, keys). It never exits the process: `runCli` returns an exit code, or the running
 * emulator for the caller to stop.
 */
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
  port: integerFlag("N", "port on 127.0.0.1, 0–65535; 0 picks a free port (default 0)", 0, 65535),
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
    "Runs an in-memory emulator of a SaaS API on 127.0.0.1 until interrupted (Ctrl-C or SIGTERM).",
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

function parseArgv(argv: readonly string[], defaultService: string): Parsed {
  const raw = new Map<string, string>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new UsageError(`unknown flag ${arg}`);
    const name = m[1]!;
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`--${name} needs a value`);
      value = next;
      i += 1;
    }
    if (raw.has(name)) throw new UsageError(`--${name} may be given once`);
    raw.set(name, value);
  }
  if (positionals.length > 1) throw new UsageError(`one service at most, got ${positionals.join(" ")}`);
  const [positional] = positionals;
  const flagged = raw.get("service");
  if (positional !== undefined && flagged !== undefined && positional !== flagged) {
    throw new UsageError(`the service is given twice: ${positional} and --service ${flagged}`);
  }
  raw.delete("service");
  return { help, service: positional ?? flagged ?? defaultService, raw };
}

/** Checks every flag against the common ones and the service's; the first problem is a UsageError. */
function flagValues(cli: ServiceCli, raw: Map<string, string>) {
  const common: { port?: number; "latency-ms"?: number } = {};
  const own: Record<string, unknown> = {};
  const known = [...Object.keys(COMMON), ...Object.keys(cli.flags)].map((n) => `--${n}`).join(", ");
  for (const [name, value] of raw) {
    if (Object.hasOwn(COMMON, name)) {
      (common as Record<string, unknown>)[name] = (COMMON as Record<string, Flag<unknown>>)[name]!.parse(value, `--${name}`);
    } else if (Object.hasOwn(cli.flags, name)) {
      own[name] = cli.flags[name]!.parse(value, `--${name}`);
    } else {
      throw new UsageError(`unknown flag --${name} (flags for ${cli.name}: ${known})`);
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
    const parsed = parseArgv(argv, opts.defaultService);
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
