#!/usr/bin/env node
/**
 * pulumi-saas-users <command> …: the package's command line. `--help` at any level prints that
 * level's usage and exits 0; a bad command line names the problem and exits 2. Arguments are read
 * by node:util parseArgs (`--flag value` and `--flag=value` alike).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { accountPattern } from "../core/account";
import type { ServiceEntry } from "../core/registry";
import { registry as packageRegistry } from "../registry";
import { importUsage, runImport, type ImportOptions, type Io } from "./import";

export type { Io } from "./import";

const PROGRAM = "pulumi-saas-users";

class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

function mainUsage(): string {
  return [
    `Usage: ${PROGRAM} <command> [flags]`,
    "",
    "Commands:",
    `  ${"import <service>".padEnd(20)}write a Pulumi program (or roster) that adopts an account as it is`,
    `  ${"help [command]".padEnd(20)}print a command's usage`,
    "",
    `Run ${PROGRAM} <command> --help for a command's flags.`,
  ].join("\n");
}

/** parseArgs' own errors carry a code; the message says which flag, in our words. */
function parsed<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (!code?.startsWith("ERR_PARSE_ARGS")) throw error;
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown flag ${flag ?? message}`, "import");
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${flag ?? "a flag"} needs a value`, "import");
    throw new UsageError(message, "import");
  }
}

type Parsed = { help: string } | { import: ImportOptions };

function parse(argv: readonly string[], registry: readonly ServiceEntry[]): Parsed {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("no command given");
  if (command === "-h" || command === "--help") return { help: mainUsage() };
  if (command === "help") {
    if (rest[0] === undefined) return { help: mainUsage() };
    if (rest[0] === "import") return { help: importUsage(PROGRAM, registry) };
    throw new UsageError(`unknown command ${JSON.stringify(rest[0])}`);
  }
  if (command !== "import") throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  const { values, positionals } = parsed({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      format: { type: "string" },
      account: { type: "string" },
      project: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { help: importUsage(PROGRAM, registry) };
  const names = registry.map((s) => s.name);
  if (positionals.length > 1) throw new UsageError(`one service at most, got ${positionals.join(" ")}`, "import");
  const service = registry.find((s) => s.name === positionals[0]);
  if (!service) throw new UsageError(`the service must be one of ${names.join(", ")}${positionals[0] ? `, not ${JSON.stringify(positionals[0])}` : ""}`, "import");
  if (values.account !== undefined && !accountPattern.test(values.account)) {
    throw new UsageError("--account must be lowercase letters and digits in words joined by - (as a resource's account input)", "import");
  }
  const format = values.format ?? "program";
  if (format !== "program" && format !== "roster") throw new UsageError(`--format must be program or roster, not ${JSON.stringify(format)}`, "import");
  for (const key of ["out", "project"] as const) if (values[key] === "") throw new UsageError(`--${key} must not be empty`, "import");
  return {
    import: {
      service, format, dryRun: values["dry-run"] === true,
      out: values.out ?? `${service.name}-users`,
      ...(values.account !== undefined && { account: values.account }),
      ...(values.project !== undefined && { project: values.project }),
    },
  };
}

/**
 * Runs the command line; the exit code: 0 done, 1 done with objects skipped or failed, 2 a usage
 * error. `registry` is the package's services unless a test gives its own.
 */
export async function run(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env, registry: readonly ServiceEntry[] = packageRegistry): Promise<number> {
  let command: Parsed;
  try {
    command = parse(argv, registry);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const at = error.command ? `${PROGRAM} ${error.command}` : PROGRAM;
    io.err(`${at}: ${error.message}`);
    io.err(`Run ${at} --help for usage.`);
    return 2;
  }
  if ("help" in command) {
    io.out(command.help);
    return 0;
  }
  return runImport(command.import, io, env);
}

if (require.main === module) {
  const tty = process.stderr.isTTY === true;
  const io: Io = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    ...(tty && { progress: (text: string) => process.stderr.write(`\r\x1b[K${text}`) }),
  };
  run(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
