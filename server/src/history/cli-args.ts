// Command-line options of the history generator, checked up front with one message per problem.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HistoryOptions } from './generate-history.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

export const USAGE = `usage: pnpm data:history [--cases N] [--days D] [--seed S] [--data-dir DIR] [--patrols P]
       [--patrol-days K] [--fix-seconds F] [--end YYYY-MM-DD] [--assessment MM-DD] [--layers DIR]
  --cases        cases to generate (default 20000; the scale test uses 1000000)
  --days         days of history ending with --end (default 365)
  --seed         random seed (default 20200818); same options + seed = same history
  --data-dir     the store to fill (default $DATA_DIR or .data, as the server uses)
  --patrols      patrols in the roster (default 120; ids P00001… as the simulator's)
  --patrol-days  last days that get patrol tracks (default 3)
  --fix-seconds  seconds between a patrol's fixes (default 15)
  --end          last day (CST) of history; history stops at the current time if that is today (default today)
  --assessment   the yearly assessment date; campaigns run in the 45 days before (default 09-01)
  --layers       the GeoJSON layers (default data/)`;

export class ArgsError extends Error {}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, now = Date.now()): HistoryOptions {
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (!a.startsWith('--')) throw new ArgsError(`unexpected argument '${a}'`);
    const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const v = inline ?? argv[++i];
    if (v === undefined) throw new ArgsError(`--${k} needs a value`);
    raw.set(k, v);
  }
  const problems: string[] = [];
  const known = new Set(['cases', 'days', 'seed', 'data-dir', 'patrols', 'patrol-days', 'fix-seconds', 'end', 'assessment', 'layers']);
  for (const k of raw.keys()) if (!known.has(k)) problems.push(`unknown option --${k}`);
  const int = (k: string, def: number, min: number, max: number) => {
    const v = raw.get(k);
    if (v === undefined) return def;
    const n = /^\d+$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`--${k} must be an integer in ${min}..${max}, got '${v}'`);
    return n;
  };
  const endRaw = raw.get('end');
  let end = now;
  if (endRaw !== undefined) {
    const dayEnd = Date.parse(`${endRaw}T23:59:59.999+08:00`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(endRaw) || Number.isNaN(dayEnd)) problems.push(`--end must be YYYY-MM-DD, got '${endRaw}'`);
    else end = Math.min(dayEnd, now);
  }
  const assessment = raw.get('assessment') ?? '09-01';
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(assessment)) problems.push(`--assessment must be MM-DD, got '${assessment}'`);
  const options: HistoryOptions = {
    cases: int('cases', 20_000, 1, 20_000_000),
    days: int('days', 365, 1, 3660),
    seed: int('seed', 20200818, 0, 2 ** 32 - 1),
    patrols: int('patrols', 120, 1, 100_000),
    patrolDays: int('patrol-days', 3, 0, 366),
    fixSeconds: int('fix-seconds', 15, 1, 3600),
    end,
    assessmentMmdd: assessment,
    dataDir: resolve(raw.get('data-dir') ?? env.DATA_DIR ?? resolve(repoRoot, '.data')),
    layersDir: resolve(raw.get('layers') ?? env.LAYERS_DIR ?? resolve(repoRoot, 'data')),
  };
  if (problems.length) throw new ArgsError(problems.join('\n'));
  return options;
}
