// GeoReport services are our case categories: the code is the category code, the name its Chinese
// name, the group its assessment item (测评项目). Every service takes an optional priority.
import { CASE_CATEGORIES, CASE_CATEGORY_BY_CODE, ITEM_BY_CODE, UNIT_BY_CODE, type CaseCategory } from '@cw/shared/domain/taxonomy';
import type { CasePriority } from '@cw/shared/domain/case';

/** Sortable stamp of the service list and definitions, for discovery; bump it when either changes. */
export const SERVICES_CHANGESET = '2026-11-27 18:00';

export const PRIORITY_ATTRIBUTE = 'PRIORITY';
const PRIORITY_VALUES: readonly { key: CasePriority; name: string }[] = [
  { key: 'normal', name: '一般' },
  { key: 'high', name: '较急' },
  { key: 'urgent', name: '紧急' },
];
export const PRIORITY_KEYS: ReadonlySet<string> = new Set(PRIORITY_VALUES.map((v) => v.key));

export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export type Open311Attribute = {
  variable: boolean;
  code: string;
  datatype: 'string' | 'singlevaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

export type Open311ServiceDefinition = {
  service_code: string;
  attributes: Open311Attribute[];
}

export function unitName(c: CaseCategory): string {
  return UNIT_BY_CODE.get(c.unit)?.zh ?? c.unit;
}

/** The category's time limit in words: urgent ones run on the calendar, the rest on working hours. */
export function timeLimitText(c: CaseCategory): string {
  return c.urgent ? `${c.limitHours} 小时（紧急，按自然时间计）` : `${c.limitHours} 个工作小时`;
}

export function serviceNotice(c: CaseCategory): string {
  return `由${unitName(c)}在 ${timeLimitText(c)}内处置。`;
}

function toService(c: CaseCategory): Open311Service {
  const item = ITEM_BY_CODE.get(c.item)?.zh ?? c.item;
  return {
    service_code: c.code,
    service_name: c.zh,
    description: `${c.zh}（${c.en}）。责任单位：${unitName(c)}；处置时限：${timeLimitText(c)}。`,
    // Always true: every service has the priority attribute.
    metadata: true,
    type: 'realtime',
    keywords: [c.zh, c.en, item, unitName(c)].join(', '),
    group: item,
  };
}

export function serviceList(): Open311Service[] {
  return CASE_CATEGORIES.map(toService);
}

export function serviceDefinition(code: string): Open311ServiceDefinition | null {
  const c = CASE_CATEGORY_BY_CODE.get(code);
  if (!c) return null;
  return {
    service_code: c.code,
    attributes: [
      {
        variable: true, code: PRIORITY_ATTRIBUTE, datatype: 'singlevaluelist', required: false, datatype_description: null, order: 1,
        description: `紧急程度（不填则为${c.urgent ? '紧急' : '一般'}）`,
        values: PRIORITY_VALUES.map((v) => ({ ...v })),
      },
      {
        // Information only (variable=false): shown to the reporter, never sent back.
        variable: false, code: 'TIME_LIMIT', datatype: 'string', required: false, datatype_description: null, order: 2,
        description: `处置时限：${timeLimitText(c)}，责任单位：${unitName(c)}`,
        values: [],
      },
    ],
  };
}
