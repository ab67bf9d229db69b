// League tables of districts, streets, communities and responsible units: who has the problems and
// who is slow. The definitions below are what the README documents and the tests pin down.
import { UNIT_BY_CODE } from '@cw/shared/domain/taxonomy';
import { OVERDUE, REOPENED, type CaseIndex } from './case-index.ts';
import { areaColumn } from './area-stats.ts';
import { nearestRank } from './quantile.ts';

export type RankLevel = 'district' | 'street' | 'community' | 'unit';
export const RANK_LEVELS: readonly RankLevel[] = ['district', 'street', 'community', 'unit'];

export interface RankRow {
  code: string;
  name: string;
  /** Cases created in the window (any state, rejected included). */
  cases: number;
  /** Closed (结案) cases. */
  closed: number;
  /** Cases still open, and of those the ones past their deadline. */
  open: number;
  overdueOpen: number;
  /** Closed without ever going overdue. */
  onTime: number;
  /** onTime / (closed + overdueOpen): cases that are due, closed in time. Null when none are due. */
  onTimeRate: number | null;
  /** Over closed cases: createdAt → closedAt. */
  meanHandlingMs: number | null;
  /** Nearest-rank 90th percentile of the same durations. */
  p90HandlingMs: number | null;
  /** Closed cases that failed verification at least once (返工), and their share of closed. */
  reopened: number;
  reopenRate: number | null;
}

export const RANK_SORT_KEYS = ['cases', 'onTimeRate', 'meanHandlingMs', 'p90HandlingMs', 'reopenRate', 'overdueOpen'] as const;
export type RankSortKey = (typeof RANK_SORT_KEYS)[number];

export function rankings(index: CaseIndex, rows: Uint32Array, level: RankLevel): RankRow[] {
  const { areas, codes } = index.ctx;
  const col = level === 'unit' ? index.unit : areaColumn(index, level);
  const dict = level === 'unit' ? codes.units : areas.dictionary(level);
  const name = (code: string) => (level === 'unit' ? UNIT_BY_CODE.get(code)?.zh ?? code : areas.name(code));
  return groupRows(index, rows, col, dict.size, (g) => {
    const code = dict.code(g);
    return { code, name: name(code) };
  });
}

/** The same numbers for all of `rows` as one group (the report's headline). */
export function summary(index: CaseIndex, rows: Uint32Array): Omit<RankRow, 'code' | 'name'> {
  const empty = { cases: 0, closed: 0, open: 0, overdueOpen: 0, onTime: 0, onTimeRate: null, meanHandlingMs: null, p90HandlingMs: null, reopened: 0, reopenRate: null };
  const [row] = groupRows(index, rows, new Int32Array(index.size), 1, () => ({ code: '', name: '' }));
  if (!row) return empty;
  const { code: _c, name: _n, ...numbers } = row;
  return numbers;
}

function groupRows(index: CaseIndex, rows: Uint32Array, col: Int32Array | Uint16Array, groups: number,
  label: (g: number) => { code: string; name: string }): RankRow[] {
  const codes = index.ctx.codes;
  const cases = new Uint32Array(groups);
  const closed = new Uint32Array(groups);
  const open = new Uint32Array(groups);
  const overdueOpen = new Uint32Array(groups);
  const onTime = new Uint32Array(groups);
  const reopened = new Uint32Array(groups);
  const handlingSum = new Float64Array(groups);
  const { state, flags, created, closed: closedAt } = index;
  const closedState = codes.closedState;
  const openState = codes.openState;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const g = col[i]!;
    if (g < 0) continue;
    cases[g]!++;
    const f = flags[i]!;
    if (state[i] === closedState) {
      closed[g]!++;
      handlingSum[g]! += closedAt[i]! - created[i]!;
      if (!(f & OVERDUE)) onTime[g]!++;
      if (f & REOPENED) reopened[g]!++;
    } else if (openState[state[i]!]) {
      open[g]!++;
      if (f & OVERDUE) overdueOpen[g]!++;
    }
  }
  const p90 = groupP90(index, rows, col, closed);
  const out: RankRow[] = [];
  for (let g = 0; g < groups; g++) {
    if (!cases[g]) continue;
    const due = closed[g]! + overdueOpen[g]!;
    out.push({
      ...label(g),
      cases: cases[g]!, closed: closed[g]!, open: open[g]!, overdueOpen: overdueOpen[g]!, onTime: onTime[g]!,
      onTimeRate: due ? onTime[g]! / due : null,
      meanHandlingMs: closed[g] ? Math.round(handlingSum[g]! / closed[g]!) : null,
      p90HandlingMs: closed[g] ? p90[g]! : null,
      reopened: reopened[g]!,
      reopenRate: closed[g] ? reopened[g]! / closed[g]! : null,
    });
  }
  return out;
}

/** p90 of handling time per group: durations laid out group by group (a counting sort on the
 *  group), then one quickselect per group's slice. */
function groupP90(index: CaseIndex, rows: Uint32Array, col: Int32Array | Uint16Array, closedPerGroup: Uint32Array): Float64Array {
  const groups = closedPerGroup.length;
  const start = new Uint32Array(groups + 1);
  for (let g = 0; g < groups; g++) start[g + 1] = start[g]! + closedPerGroup[g]!;
  const fill = start.slice(0, groups);
  const durations = new Float64Array(start[groups]!);
  const { state, created, closed } = index;
  const closedState = index.ctx.codes.closedState;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const g = col[i]!;
    if (g < 0 || state[i] !== closedState) continue;
    durations[fill[g]!++] = closed[i]! - created[i]!;
  }
  const out = new Float64Array(groups);
  for (let g = 0; g < groups; g++) out[g] = nearestRank(durations, 0.9, start[g]!, start[g + 1]!);
  return out;
}

/** A sorted copy, nulls last whatever the order; ties by code so the order is stable. */
export function sortRankings(rows: readonly RankRow[], key: RankSortKey, order: 'asc' | 'desc'): RankRow[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
    return (x - y) * sign || a.code.localeCompare(b.code);
  });
}
