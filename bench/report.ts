// Figures, their targets, and the two renderings: the console table and bench/RESULTS.md.
import * as fs from "node:fs";
import * as os from "node:os";
import { fmt, type Spread } from "./stats";

export interface Figure {
  id: string;
  label: string;
  unit: string;
  /** Runs of this figure; the median is the reported value. */
  spread: Spread;
  /** Human-readable target, e.g. "≤ 1.10"; "report" when the issue asks only to report it. */
  target: string;
  /** The median meets the target; undefined for report-only figures. */
  met?: boolean;
  /** Every run meets the target. */
  everyRun?: boolean;
}

export type Check = (value: number) => boolean;

export function figure(id: string, label: string, unit: string, spread: Spread, target: string, check?: Check): Figure {
  return { id, label, unit, spread, target, ...(check ? { met: check(spread.median), everyRun: spread.runs.every(check) } : {}) };
}

const verdict = (f: Figure) => (f.met === undefined ? "report" : `${f.met ? "met" : "MISSED"}${f.everyRun === f.met ? "" : f.met ? " (not every run)" : " (some runs meet it)"}`);
export const value = (n: number, unit: string) => `${fmt(n)}${unit ? ` ${unit}` : ""}`;

/** Figures measured on each Node.js line have ids `<id>@<line>`; the others have none. */
const lineOf = (f: Figure) => f.id.split("@")[1];
const baseOf = (f: Figure) => f.id.split("@")[0]!;

/** The lines' figures side by side: one row per base id, a "median (min–max)" and a verdict per line. */
export function byLine(figures: readonly Figure[]): { lines: string[]; rows: Array<{ id: string; label: string; target: string; cells: Array<Figure | undefined> }> } {
  const lined = figures.filter(lineOf);
  const lines = [...new Set(lined.map((f) => lineOf(f)!))];
  const ids = [...new Set(lined.map(baseOf))];
  return {
    lines,
    rows: ids.map((id) => {
      const cells = lines.map((l) => lined.find((f) => f.id === `${id}@${l}`));
      const any = cells.find(Boolean)!;
      return { id, label: any.label, target: any.target, cells };
    }),
  };
}

const cellText = (f: Figure | undefined) => (f ? `${value(f.spread.median, f.unit)} (${fmt(f.spread.min)}–${fmt(f.spread.max)})${f.met === undefined ? "" : f.met ? "" : " MISSED"}` : "—");

export function consoleTable(figures: readonly Figure[]): string {
  const rows = figures.filter((f) => !lineOf(f)).map((f) => [f.id, f.label, value(f.spread.median, f.unit), `${fmt(f.spread.min)} / ${fmt(f.spread.max)}`, f.target, verdict(f)]);
  const head = ["#", "figure", "median", "min / max", "target", ""];
  const out = [table(head, rows)];
  const side = byLine(figures);
  if (side.rows.length) {
    out.push("", table(["#", "figure (median (min–max))", ...side.lines.map((l) => `Node ${l}`), "target"], side.rows.map((r) => [r.id, r.label, ...r.cells.map(cellText), r.target])));
  }
  return out.join("\n");
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export interface Baseline {
  recordedAt: string;
  machine: string;
  note: string;
  figures: Record<string, { median: number; min: number; max: number }>;
  /** The run's log lines, as under "Runs". */
  runs?: string[];
}

export interface Fix { figures: string[]; what: string }

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

const marks = (name: string) => [`<!-- ${name}: written by npm run bench:${name}, kept by npm run bench -->`, `<!-- /${name} -->`] as const;

/** The section `npm run bench:<name>` keeps in a results file between markers, markers included. */
export function keptSection(file: string, name: string): string | undefined {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const [open, close] = marks(name);
  const [a, b] = [text.indexOf(open), text.indexOf(close)];
  return a >= 0 && b > a ? text.slice(a, b + close.length) : undefined;
}

/** Writes (or replaces) that section: before "## How each figure is measured", or at the end. */
export function writeSection(file: string, name: string, body: string): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const [open, close] = marks(name);
  const section = `${open}\n${body.trim()}\n${close}`;
  const old = keptSection(file, name);
  const at = text.indexOf("## How each figure is measured");
  const next = old ? text.replace(old, section) : at >= 0 ? `${text.slice(0, at)}${section}\n\n${text.slice(at)}` : `${text}\n${section}\n`;
  fs.writeFileSync(file, next);
}

export function markdown(args: {
  figures: readonly Figure[];
  calibration: Spread;
  baseline?: Baseline;
  fixes: readonly Fix[];
  details: readonly string[];
  method: readonly string[];
  notes: readonly string[];
  totalMs: number;
  rounds: number;
  /** Sections other benches keep in the file (keptSection), placed before the method. */
  kept?: readonly string[];
}): string {
  const { figures, calibration, baseline, fixes, details, method, notes, totalMs, rounds, kept = [] } = args;
  const out: string[] = [];
  out.push("# Benchmark results", "");
  out.push(`Written by \`npm run bench\` on ${new Date().toISOString()} (${machine()}); the whole run took ${fmt(totalMs / 1000, 0)} s.`);
  out.push(`Each figure is the median of its runs (${rounds} or more), with min and max beside it. A target is met when the median meets it; "not every run" marks a median that meets it while some run did not.`, "");
  out.push("## Summary", "");
  for (const f of figures.filter((x) => x.met !== undefined)) {
    const before = baseline?.figures[f.id];
    out.push(`- **${f.id}** ${f.label.trim()}: ${value(f.spread.median, f.unit)} (target ${f.target}: ${verdict(f)}${before ? `; before: ${value(before.median, f.unit)}` : ""})`);
  }
  if (notes.length) out.push("", ...notes.map((n) => `- ${n}`));
  const side = byLine(figures);
  if (side.rows.length) {
    out.push("", "## P1 and cold start by Node.js line", "");
    out.push(`The same run, the host on each line (median (min–max)); ratios are taken per round against the lean reference on the same line.`, "");
    out.push(`| # | figure | ${side.lines.map((l) => `Node ${l}`).join(" | ")} | target |`, `|---|---|${side.lines.map(() => "---").join("|")}|---|`);
    for (const r of side.rows) out.push(`| ${r.id} | ${r.label.trim()} | ${r.cells.map(cellText).join(" | ")} | ${r.target} |`);
  }
  out.push("", "## Current figures", "");
  out.push("| # | figure | median | min | max | target | |", "|---|---|---|---|---|---|---|");
  for (const f of figures) out.push(`| ${f.id} | ${f.label} | ${value(f.spread.median, f.unit)} | ${fmt(f.spread.min)} | ${fmt(f.spread.max)} | ${f.target} | ${verdict(f)} |`);
  out.push("", "## Machine noise", "");
  out.push(`A fixed CPU task (10 JSON round trips of a 0.45 MB document), timed ${calibration.runs.length} times during the run: ` +
    `min ${fmt(calibration.min)} ms, median ${fmt(calibration.median)} ms, max ${fmt(calibration.max)} ms ` +
    `(max/min ${fmt(calibration.max / calibration.min)}). Per-figure spreads are in the table above; the runs of every figure are listed under "Runs".`);
  if (baseline) {
    out.push("", "## Before / after", "");
    out.push(`Before: ${baseline.note} Recorded ${baseline.recordedAt} on ${baseline.machine} (bench/baseline.json). After: this run.`, "");
    out.push("| # | figure | before (median) | after (median) | target | now |", "|---|---|---|---|---|---|");
    for (const f of figures) {
      const b = baseline.figures[f.id];
      out.push(`| ${f.id} | ${f.label} | ${b ? value(b.median, f.unit) : "—"} | ${value(f.spread.median, f.unit)} | ${f.target} | ${verdict(f)} |`);
    }
    out.push("", "What changed, by the figures it moved:", "");
    for (const fix of fixes) out.push(`- **${fix.figures.join(", ")}**: ${fix.what}`);
  }
  for (const section of kept) out.push("", section);
  out.push("", "## How each figure is measured", "", ...method.map((m) => `- ${m}`));
  out.push("", "## Runs", "", "```", ...details, "```", "");
  if (baseline?.runs?.length) out.push("## Runs before the fixes", "", "```", ...baseline.runs, "```", "");
  return out.join("\n");
}
