// The problem kinds the command center tracks, each mapped to an assessment item, a default
// responsible unit, a time limit and the patrol kinds that can handle it. The 12 items below are a
// clearly labelled sample of the 《全国文明城市测评体系》 structure (12 items / 88 contents / 180
// standards); the city loads its real lists as data.
import type { PatrolKind } from './patrol.ts';

export interface AssessmentItem {
  code: string;
  zh: string;
  en: string;
}

export const ASSESSMENT_ITEMS: readonly AssessmentItem[] = [
  { code: 'A01', zh: '理想信念教育', en: 'Ideals and beliefs education' },
  { code: 'A02', zh: '社会主义核心价值观', en: 'Core socialist values' },
  { code: 'A03', zh: '思想道德建设', en: 'Moral development' },
  { code: 'A04', zh: '未成年人思想道德建设', en: "Minors' moral education" },
  { code: 'A05', zh: '诚信建设', en: 'Integrity' },
  { code: 'A06', zh: '法治环境与公共安全', en: 'Rule of law and public safety' },
  { code: 'A07', zh: '公共文化', en: 'Public culture' },
  { code: 'A08', zh: '公共文明与交通秩序', en: 'Public civility and traffic order' },
  { code: 'A09', zh: '市容环境', en: 'City appearance' },
  { code: 'A10', zh: '生态环境', en: 'Ecology' },
  { code: 'A11', zh: '社区与窗口服务', en: 'Communities and service windows' },
  { code: 'A12', zh: '志愿服务', en: 'Volunteer service' },
];

export interface ResponsibleUnit {
  code: string;
  zh: string;
  en: string;
}

export const RESPONSIBLE_UNITS: readonly ResponsibleUnit[] = [
  { code: 'wmb', zh: '市文明办', en: 'Civilization Office' },
  { code: 'cgj', zh: '市城管局', en: 'Urban Management Bureau' },
  { code: 'gaj', zh: '市公安局', en: 'Public Security Bureau' },
  { code: 'jyj', zh: '市教育局', en: 'Education Bureau' },
  { code: 'ycq', zh: '驿城区政府', en: 'Yicheng District Government' },
  { code: 'kfq', zh: '开发区管委会', en: 'Development Zone Committee' },
  { code: 'scj', zh: '市市场监管局', en: 'Market Regulation Bureau' },
  { code: 'zjj', zh: '市住建局', en: 'Housing and Construction Bureau' },
  { code: 'slj', zh: '市水利局', en: 'Water Resources Bureau' },
];

export interface CaseCategory {
  code: string;
  zh: string;
  en: string;
  item: string;
  unit: string;
  /** Time limit in hours: working hours on the calendar, or calendar hours when urgent. */
  limitHours: number;
  urgent: boolean;
  handledBy: readonly PatrolKind[];
  /** Relative frequency for the simulator and history generator. */
  weight: number;
}

const K = (
  code: string, zh: string, en: string, item: string, unit: string,
  limitHours: number, urgent: boolean, handledBy: readonly PatrolKind[], weight: number,
): CaseCategory => ({ code, zh, en, item, unit, limitHours, urgent, handledBy, weight });

const ALL: readonly PatrolKind[] = ['grid_member', 'urban_officer', 'traffic_police', 'volunteer'];
const CITY: readonly PatrolKind[] = ['grid_member', 'urban_officer'];

export const CASE_CATEGORIES: readonly CaseCategory[] = [
  K('street_dirty', '道路不洁', 'Dirty street', 'A09', 'cgj', 4, false, CITY, 14),
  K('road_vending', '违法占道经营', 'Street vending on the road', 'A09', 'cgj', 2, false, CITY, 12),
  K('toilet_unclean', '公厕不达标', 'Public toilet below standard', 'A09', 'cgj', 4, false, CITY, 6),
  K('site_dust', '工地扬尘', 'Construction-site dust', 'A10', 'zjj', 8, false, ['urban_officer'], 6),
  K('muck_truck', '渣土车违规', 'Muck truck violation', 'A10', 'cgj', 2, true, ['urban_officer', 'traffic_police'], 4),
  K('noise', '噪声扰民', 'Noise nuisance', 'A06', 'gaj', 2, true, ['urban_officer', 'traffic_police'], 4),
  K('old_compound', '老旧小区脏乱差', 'Neglected old compound', 'A11', 'ycq', 16, false, ['grid_member', 'volunteer'], 7),
  K('municipal_facility', '市政设施损坏', 'Damaged municipal facility', 'A09', 'cgj', 16, false, CITY, 6),
  K('road_damage', '道路破损', 'Road damage', 'A09', 'zjj', 24, false, CITY, 4),
  K('sewage', '雨污管网问题', 'Rain/sewage pipe problem', 'A10', 'zjj', 24, false, CITY, 3),
  K('cable_mess', '线缆乱拉乱挂', 'Tangled overhead cables', 'A09', 'cgj', 24, false, CITY, 3),
  K('traffic_order', '交通秩序混乱', 'Disorderly traffic', 'A08', 'gaj', 1, true, ['traffic_police', 'volunteer'], 8),
  K('illegal_parking', '车辆乱停放', 'Illegal parking', 'A08', 'gaj', 2, false, ['traffic_police', 'volunteer', 'urban_officer'], 9),
  K('public_security', '治安隐患', 'Public-security hazard', 'A06', 'gaj', 1, true, ['traffic_police'], 2),
  K('culture_env', '文化环境不良', 'Unhealthy cultural environment', 'A04', 'gaj', 8, false, ['grid_member', 'traffic_police'], 2),
  K('school_surroundings', '学校周边秩序', 'School surroundings disorder', 'A04', 'jyj', 4, false, ['grid_member', 'volunteer', 'traffic_police'], 4),
  K('market_disorder', '集贸市场秩序', 'Market disorder', 'A09', 'scj', 8, false, CITY, 5),
  K('food_safety', '食品安全隐患', 'Food-safety hazard', 'A06', 'scj', 4, true, ['grid_member'], 2),
  K('work_safety', '安全生产隐患', 'Work-safety hazard', 'A06', 'zjj', 4, true, CITY, 2),
  K('ad_missing', '公益广告缺失破损', 'Public-service ads missing or torn', 'A02', 'wmb', 24, false, ['grid_member', 'volunteer'], 4),
  K('river_litter', '河道水面垃圾', 'Litter on the river', 'A10', 'slj', 8, false, ['grid_member', 'urban_officer'], 3),
  K('greening', '绿化损毁', 'Damaged greenery', 'A10', 'cgj', 24, false, CITY, 3),
  K('uncivil_behaviour', '不文明行为', 'Uncivil behaviour', 'A03', 'wmb', 2, false, ALL, 5),
  K('window_service', '窗口服务不规范', 'Poor service at a public window', 'A11', 'wmb', 24, false, ['grid_member', 'volunteer'], 2),
  K('volunteer_post', '志愿服务站点空岗', 'Volunteer post unstaffed', 'A12', 'wmb', 4, false, ['volunteer', 'grid_member'], 2),
];

export const CASE_CATEGORY_BY_CODE: ReadonlyMap<string, CaseCategory> = new Map(
  CASE_CATEGORIES.map((c) => [c.code, c]),
);
export const UNIT_BY_CODE: ReadonlyMap<string, ResponsibleUnit> = new Map(RESPONSIBLE_UNITS.map((u) => [u.code, u]));
export const ITEM_BY_CODE: ReadonlyMap<string, AssessmentItem> = new Map(ASSESSMENT_ITEMS.map((i) => [i.code, i]));
