#!/usr/bin/env node
/**
 * pulumi-saas-users import <vectara|connect|arize> [--out DIR] [--format program|roster] [--account NAME] [--project NAME] [--dry-run]
 *
 * Lists an account's users (and Vectara corpora) with the providers' credentials (the environment twins) and writes a
 * Pulumi program (or a roster file, the shape examples/roster reads) that declares each one as it
 * is, with adoptExisting: true. A user the resource
 * would refuse is named on stderr and skipped, and the exit code is 1 at the end.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { accountPattern } from "../core/account";
import { listAccount, services, type Listing, type Service } from "./listing";
import { programFiles } from "./program";
import { rosterFiles } from "./roster";

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Progress, rewritten in place; only when stderr is a terminal. */
  progress?(text: string): void;
}

interface Options { service: Service; out: string; format: "program" | "roster"; account?: string; project?: string; dryRun: boolean }

const usage = "usage: pulumi-saas-users import <vectara|connect|arize> [--out DIR] [--format program|roster] [--account NAME] [--project NAME] [--dry-run]";

class UsageError extends Error {}

function parse(argv: readonly string[]): Options {
  const [command, service, ...rest] = argv;
  if (command !== "import") throw new UsageError(command === undefined ? "no command given" : `unknown command ${JSON.stringify(command)}`);
  if (!services.includes(service as Service)) throw new UsageError(`the service must be one of ${services.join(", ")}${service ? `, not ${JSON.stringify(service)}` : ""}`);
  const opts: Options = { service: service as Service, out: `${service}-users`, format: "program", dryRun: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] as string;
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--dry-run") opts.dryRun = true;
    else if (flag === "--out") opts.out = value();
    else if (flag === "--project") opts.project = value();
    else if (flag === "--account") {
      opts.account = value();
      if (!accountPattern.test(opts.account)) throw new UsageError("--account must be lowercase letters and digits in words joined by - (as a resource's account input)");
    } else if (flag === "--format") {
      const format = value();
      if (format !== "program" && format !== "roster") throw new UsageError(`--format must be program or roster, not ${JSON.stringify(format)}`);
      opts.format = format;
    } else throw new UsageError(`unknown option ${flag}`);
  }
  return opts;
}

function packageVersions(): { packageVersion: string; pulumiVersion: string } {
  // dist/provider/cli or provider/cli: the package root holds package.json either way.
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) || JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).name !== "pulumi-saas-users") {
    const up = path.dirname(dir);
    if (up === dir) return { packageVersion: "0.1.0", pulumiVersion: "3.0.0" };
    dir = up;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string; peerDependencies?: Record<string, string> };
  return { packageVersion: pkg.version, pulumiVersion: (pkg.peerDependencies?.["@pulumi/pulumi"] ?? "3.0.0").replace(/^[^\d]*/, "") };
}

function summary(listing: Listing, files: readonly string[], out: string, dryRun: boolean): string[] {
  const verb = dryRun ? "would write" : "wrote";
  const kinds = { vectara: ["VectaraCorpus", "VectaraUser"], connect: ["ConnectUser"], arize: ["ArizeUser"] }[listing.service];
  const counts = kinds.map((kind) => `${listing.declared.filter((d) => d.kind === kind).length} ${kind}`);
  return [
    `${listing.service}: ${counts.join(", ")} declared, ${listing.refused.length} skipped`,
    `${verb} ${files.map((f) => path.join(out, f)).join(", ")}`,
  ];
}

/** Runs the command; the exit code: 0 done, 1 done with users skipped or failed, 2 a usage error. */
export async function run(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let opts: Options;
  try {
    opts = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`error: ${error.message}`);
    io.err(usage);
    return 2;
  }
  let listing: Listing;
  try {
    listing = await listAccount(opts.service, { account: opts.account, env, onItem: (n) => io.progress?.(`listing ${opts.service} users: ${n}`) });
  } catch (error) {
    io.progress?.("");
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
  io.progress?.("");
  let files = programFiles(listing, { project: opts.project ?? `${opts.service}-users`, ...packageVersions() });
  if (opts.format === "roster") {
    const roster = rosterFiles(listing);
    listing = { ...listing, declared: listing.declared.filter((d) => d.kind !== "VectaraCorpus" && !roster.refused.some((r) => r.kind === d.kind && r.key === d.key)), refused: [...listing.refused, ...roster.refused] };
    files = roster.files;
  }
  for (const r of listing.refused) io.err(`skipped ${r.kind} ${JSON.stringify(r.key)}: ${r.reasons.join("; ")}`);
  if (!opts.dryRun) {
    fs.mkdirSync(opts.out, { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(opts.out, f.name), f.text);
  }
  for (const line of summary(listing, files.map((f) => f.name), opts.out, opts.dryRun)) io.out(line);
  return listing.refused.length > 0 ? 1 : 0;
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
