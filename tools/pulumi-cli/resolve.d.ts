// Types for resolve.js (plain JavaScript, so that `npm run pulumi` needs no build).
export interface BuildRecord { version: string; seconds: number; bytes: number; builtAt: string }

export type ResolvedPulumi =
  | { bin: string; binDir: string; version: string; source: "path" | "cache"; build?: BuildRecord | null; reason?: undefined }
  | { bin?: undefined; reason: string };

export function resolvePulumi(opts?: { build?: boolean; env?: NodeJS.ProcessEnv; log?: (line: string) => void }): ResolvedPulumi;
export function cliPath(resolved: { binDir: string }, env?: NodeJS.ProcessEnv): string;
export function offlineEnv(opts: { root: string; PATH: string; passphrase: string; drop?: RegExp; env?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv;
export function pinnedVersion(): string;
export const REPO: string;
