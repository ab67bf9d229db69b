// The review's tables as CSV for Excel, headed in Chinese: rates in percent and durations in hours,
// rounded the way the page shows them, codes kept beside names so a sheet can be joined back.
import { toCsv, type CsvCell } from './csv.ts';
import type { RankLevel, RankRow } from './rankings.ts';
import type { AreaStats } from './area-stats.ts';
import type { AreaLevel, ReviewAreas } from './areas.ts';
import type { AssessmentStatus } from './assessment-tracker.ts';
import type { SiteAtRisk } from './site-risk.ts';
import type { AreaCoverage } from './coverage.ts';
import type { SectionDuty } from './road-duty.ts';

const pct = (x: number | null): CsvCell => (x === null ? null : Math.round(x * 1000) / 10);
const hours = (ms: number | null): CsvCell => (ms === null ? null : Math.round(ms / 36_000) / 100);
const LEVEL_ZH: Record<RankLevel | AreaLevel, string> = { district: '区', street: '街道', community: '社区', cell: '单元网格', unit: '责任单位' };

export function rankingsCsv(rows: readonly RankRow[], level: RankLevel): string {
  const name = LEVEL_ZH[level];
  return toCsv(
    ['排名', `${name}代码`, name, '案件数', '结案数', '在办数', '在办超时数', '按期结案数', '按期率(%)', '平均处置时长(小时)', 'P90处置时长(小时)', '返工数', '返工率(%)'],
    rows.map((r, k) => [k + 1, r.code, r.name, r.cases, r.closed, r.open, r.overdueOpen, r.onTime, pct(r.onTimeRate),
      hours(r.meanHandlingMs), hours(r.p90HandlingMs), r.reopened, pct(r.reopenRate)]),
  );
}

export function areasCsv(s: AreaStats, level: AreaLevel, areas: ReviewAreas): string {
  const dict = areas.dictionary(level);
  const name = LEVEL_ZH[level];
  return toCsv(
    [`${name}代码`, name, '案件数', '超时数', '超时率(%)', '结案数', '平均处置时长(小时)'],
    s.ids.map((id, k) => {
      const code = dict.code(id);
      const closed = s.closed[k]!;
      return [code, level === 'cell' ? null : areas.name(code), s.count[k]!, s.overdue[k]!, pct(s.overdue[k]! / s.count[k]!), closed,
        hours(closed ? s.handlingMs[k]! / closed : null)];
    }),
  );
}

export function assessmentCsv(a: AssessmentStatus): string {
  const weekHeads = a.weeks.map((w) => `新增 ${new Date(w + 8 * 3600_000).toISOString().slice(5, 10)}周`);
  const rows: CsvCell[][] = [];
  for (const item of a.items) {
    rows.push([item.code, item.zh, null, null, item.open, item.overdueOpen, ...item.created]);
    for (const c of item.contents) rows.push([item.code, item.zh, c.code, c.zh, c.open, c.overdueOpen, ...a.weeks.map(() => null)]);
  }
  return toCsv(['测评项目代码', '测评项目', '测评内容代码', '测评内容', '在办问题数', '超时问题数', ...weekHeads], rows);
}

export function sitesCsv(sites: readonly SiteAtRisk[], areas: ReviewAreas, categoryName: (code: string) => string): string {
  return toCsv(
    ['点位编号', '点位名称', '点位类别', '街道', '准备状态', '周边在办问题数', '周边超时问题数'],
    sites.map((s) => [s.id, s.name, categoryName(s.category), s.street ? areas.name(s.street) : null, s.readiness, s.open, s.overdueOpen]),
  );
}

export function coverageCsv(c: AreaCoverage, level: 'street' | 'community', areas: ReviewAreas): string {
  const dict = areas.dictionary(level);
  const name = LEVEL_ZH[level];
  return toCsv(
    [`${name}代码`, name, '单元网格数', '已巡查网格数', '巡查覆盖率(%)'],
    c.ids.map((id, k) => [dict.code(id), areas.name(dict.code(id)), c.cells[k]!, c.visited[k]!, pct(c.visited[k]! / c.cells[k]!)]),
  );
}

export function dutyCsv(sections: readonly SectionDuty[]): string {
  return toCsv(
    ['路段编号', '路段', '包保单位', '当前班次', '在岗人员', '状态'],
    sections.map((s) => [s.section, s.name, s.unit, s.shifts.map((x) => `${x.start}-${x.end} ${x.team}`).join('；') || null,
      s.present.map((p) => `${p.name}(${p.distanceM}m)`).join('；') || null, s.uncovered ? '脱岗' : s.shifts.length ? '在岗' : '非值守时段']),
  );
}
