// The results: one record per measured quantity, printed as a table and written to
// bench/results/latest.json (an array of these records) and latest.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Better = 'higher' | 'lower';

/** What a benchmark returns for each quantity it measured. */
export interface Measured {
  name: string;
  unit: string;
  /** Median over the runs; null when the benchmark could not measure it (see note). */
  value: number | null;
  /** The naive baseline's median for the same work; null when there is none. */
  baseline?: number | null;
  better: Better;
  /** The target, in the same unit. */
  target?: ['>=' | '<=', number];
  note?: string;
}

export interface ResultRecord {
  name: string;
  value: number | null;
  unit: string;
  /** e.g. "<= 4"; null when the issue sets none. */
  target: string | null;
  baseline: number | null;
  /** value / baseline. */
  ratio: number | null;
  meets: boolean | null;
  machine: string;
  date: string;
  /** Which way is better, so `ratio` can be read (not in the list; added for readers). */
  better: Better;
  note?: string;
}

export function toRecord(m: Measured, machine: string, date: string): ResultRecord {
  const baseline = m.baseline ?? null;
  const value = m.value !== null && Number.isFinite(m.value) ? m.value : null;
  const ratio = value !== null && baseline !== null && baseline !== 0 && Number.isFinite(baseline) ? value / baseline : null;
  let meets: boolean | null = null;
  if (m.target && value !== null) meets = m.target[0] === '>=' ? value >= m.target[1] : value <= m.target[1];
  const rec: ResultRecord = {
    name: m.name, value: value === null ? null : round(value), unit: m.unit,
    target: m.target ? `${m.target[0]} ${m.target[1]}` : null,
    baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : round(ratio),
    meets, machine, date, better: m.better,
  };
  if (m.note) rec.note = m.note;
  return rec;
}

function round(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const digits = Math.max(0, 4 - Math.ceil(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(digits, 6)));
}

export function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/** "12× better" / "3.1× worse", from the ratio and which way is better. */
export function versus(r: ResultRecord): string {
  if (r.ratio === null || r.ratio <= 0) return '—';
  const gain = r.better === 'higher' ? r.ratio : 1 / r.ratio;
  return gain >= 1 ? `${fmt(gain)}× better` : `${fmt(1 / gain)}× worse`;
}

function verdict(r: ResultRecord): string {
  if (r.meets === null) return r.value === null ? 'skipped' : '';
  return r.meets ? 'yes' : 'NO';
}

const COLUMNS = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'vs baseline', 'target', 'meets'];

function rows(records: readonly ResultRecord[]): string[][] {
  return records.map((r) => [r.name, fmt(r.value), r.unit, fmt(r.baseline), r.ratio === null ? '—' : fmt(r.ratio), versus(r), r.target ?? '—', verdict(r)]);
}

export function consoleTable(records: readonly ResultRecord[]): string {
  const all = [COLUMNS, ...rows(records)];
  const widths = COLUMNS.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  return all.map((row) => row.map((cell, c) => (c === 0 || c === 2 || c === 5 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

export function markdown(records: readonly ResultRecord[], header: string): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [header, '', `| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, i) => (i === 0 || i === 2 || i === 5 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of rows(records)) lines.push(`| ${row.map(esc).join(' | ')} |`);
  const notes = records.filter((r) => r.note);
  if (notes.length) {
    lines.push('', '### Notes', '');
    for (const r of notes) lines.push(`- **${r.name}**: ${r.note}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes latest.json and latest.md. Records of benchmarks that did not run this time are kept from
 * the previous file (each record carries its own date), so a partial run updates only its rows.
 */
export function writeResults(dir: string, fresh: readonly ResultRecord[], ranPrefixes: readonly string[], header: string): ResultRecord[] {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  let kept: ResultRecord[] = [];
  if (existsSync(file)) {
    try {
      kept = (JSON.parse(readFileSync(file, 'utf8')) as ResultRecord[]).filter((r) => !ranPrefixes.some((p) => r.name.startsWith(`${p}.`)));
    } catch { /* unreadable: replaced */ }
  }
  const order = (r: ResultRecord) => ORDER.findIndex((p) => r.name.startsWith(`${p}.`));
  const all = [...kept, ...fresh].sort((a, b) => order(a) - order(b));
  writeFileSync(file, `${JSON.stringify(all, null, 1)}\n`);
  writeFileSync(join(dir, 'latest.md'), markdown(all, header));
  return all;
}

/** Benchmarks in the numbering, which is the order of the tables. */
export const ORDER = ['ingest', 'fanout', 'wire', 'display', 'spatial', 'review', 'startup'];
