/**
 * `pulumi-saas-users import <service>`: lists an account's objects (users, corpora, …) with the
 * providers' credentials, read from the environment, and writes a Pulumi program (or a roster
 * file, the shape examples/roster reads) that declares each one as it is, with adoptExisting:
 * true. An object the resource would refuse is named on stderr and skipped, and the exit code is
 * 1 at the end. Which services and kinds exist, and the variables each reads, come from the registry.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ServiceEntry } from "../core/registry";
import { envVariable, settingKeys } from "../core/settings";
import { importedKinds, listAccount, type Listing } from "./listing";
import { programFiles } from "./program";
import { rosterFiles } from "./roster";

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Progress, rewritten in place; only when stderr is a terminal. */
  progress?(text: string): void;
}

export interface ImportOptions { service: ServiceEntry; out: string; format: "program" | "roster"; account?: string; project?: string; dryRun: boolean }

/** The import's help: its flags, then each service with what it declares and the variables it reads. */
export function importUsage(program: string, registry: readonly ServiceEntry[]): string {
  const services = registry.map((s) => {
    const vars = settingKeys(s.profile).map((key) => envVariable(s.profile, key));
    return [`  ${s.name.padEnd(10)}declares ${importedKinds(s).join(", ")}`, `  ${"".padEnd(10)}reads ${vars.join(", ")}`];
  });
  return [
    `Usage: ${program} import <service> [--out DIR] [--format program|roster] [--account NAME] [--project NAME] [--dry-run]`,
    "",
    "Lists one account of a service and writes a Pulumi program (or a roster) that declares everything",
    "in it as it is, with adoptExisting: true: the first `pulumi up` then only reads. Credentials come",
    "from the environment (no stack config is read); no secret is written.",
    "",
    "Services:",
    ...services.flat(),
    "",
    "Flags:",
    `  ${"--out DIR".padEnd(22)}where to write (default: <service>-users)`,
    `  ${"--format FORMAT".padEnd(22)}program (default): a Pulumi TypeScript program; roster: roster.yaml`,
    `  ${"--account NAME".padEnd(22)}the account's settings: <PREFIX>_<NAME>_… variables, and account: NAME in the program`,
    `  ${"--project NAME".padEnd(22)}the Pulumi project name (default: <service>-users)`,
    `  ${"--dry-run".padEnd(22)}list and report, write nothing`,
    `  ${"-h, --help".padEnd(22)}print this help and exit`,
    "",
    "Exit status: 0 done, 1 done with objects skipped (named on stderr) or the listing failed, 2 for a bad command line.",
  ].join("\n");
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
  const counts = importedKinds(listing.service).map((kind) => `${listing.declared.filter((d) => d.kind === kind).length} ${kind}`);
  return [
    `${listing.service.name}: ${counts.join(", ")} declared, ${listing.refused.length} skipped`,
    `${verb} ${files.map((f) => path.join(out, f)).join(", ")}`,
  ];
}

/** Runs an import; the exit code: 0 done, 1 done with objects skipped, or the listing failed. */
export async function runImport(opts: ImportOptions, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const name = opts.service.name;
  let listing: Listing;
  try {
    listing = await listAccount(opts.service, { account: opts.account, env, onItem: (n) => io.progress?.(`listing ${name} users: ${n}`) });
  } catch (error) {
    io.progress?.("");
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
  io.progress?.("");
  let files = programFiles(listing, { project: opts.project ?? `${name}-users`, ...packageVersions() });
  if (opts.format === "roster") {
    const roster = rosterFiles(listing);
    listing = { ...listing, declared: listing.declared.filter((d) => d.kind === opts.service.personKind && !roster.refused.some((r) => r.kind === d.kind && r.key === d.key)), refused: [...listing.refused, ...roster.refused] };
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
