// Types for ./spec-subset.js (plain JavaScript, so that it runs with node alone).
// An OpenAPI document or part of one, as parsed from YAML or JSON.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SubsetEntry {
  /** Absolute path of the subset file. */
  output: string;
  /** Absolute path of the full spec. */
  from: string;
  keep: string[];
  /** Where the full spec comes from; written into the subset as `x-provenance`. */
  provenance?: Json;
}

export function subset(spec: Json, selectors: string[]): Json;
export function render(document: Json): string;
export function readSpec(file: string): Json;
export function manifestEntries(manifestFile: string): SubsetEntry[];
export function makeSubset(entry: SubsetEntry): string;
